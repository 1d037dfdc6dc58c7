using DerSim.Sim.Profiles;
using DerSim.Ocpp;
using DerSim.Sim.Physics;

namespace DerSim.Sim.Engine;

/// <summary>
/// Bidirectional energy transfer (OCPP 2.1 Q block). On plug-in the EV picks its mode among those it shares with the
/// connector (a bidirectional one first). On 2.1 an EV and connector that speak ISO 15118 send NotifyEVChargingNeeds after the transaction started
/// and before energy flows: an Accepted, Processing or NoChargingProfile answer keeps the requested mode; Rejected or
/// no answer makes the EV fall back to charging only. NotifyAllowedEnergyTransfer narrows the modes; after its answer
/// the EV renegotiates (a bidirectional mode if allowed, else DC, else AC) and the station sends the new needs. The
/// operation mode in force is reported in transactionInfo. On 1.6 and 2.0.1 a bidirectional EV charges only.
/// </summary>
public sealed partial class BidirectionalPowerTransfer
{
    private readonly StationEngine _engine;
    private readonly SharedPhysics _physics;

    /// <summary>The negotiation of <paramref name="engine"/>'s transactions, on the physics it shares.</summary>
    internal BidirectionalPowerTransfer(StationEngine engine, SharedPhysics physics)
    {
        _engine = engine;
        _physics = physics;
    }

    /// <summary>
    /// Answers NotifyAllowedEnergyTransfer for <paramref name="transactionId"/>: Accepted when the transaction runs and
    /// the EV and connector share at least one of <paramref name="allowed"/>, else Rejected with a reasonCode.
    /// </summary>
    public AllowedEnergyTransferResult AllowEnergyTransfer(string transactionId, IReadOnlyList<EnergyTransferMode> allowed)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        if (_engine.TransactionById(transactionId) is not { } tx)
        {
            return new(false, "TxNotFound", $"No transaction {transactionId} runs on this station.", null);
        }

        var available = AvailableModes(tx.EvseId);
        var usable = available.Where(allowed.Contains).ToList();
        if (usable.Count == 0)
        {
            return new(false, "NoModeAvailable",
                $"None of {string.Join(", ", allowed.Select(EnumJsonNames.Of))} is available on EVSE {tx.EvseId} (EV and connector share {string.Join(", ", available.Select(EnumJsonNames.Of))}).",
                null);
        }

        tx.AllowedEnergyTransfer = [.. allowed];
        return new(true, null, null, ct => RenegotiateAsync(tx, usable, ct));
    }

    /// <summary>Reports the operation mode of every running transaction whose mode changed (after a profile was installed or cleared).</summary>
    public async Task ReportOperationModesAsync(CancellationToken ct)
    {
        if (_engine.Messages is not { } messages)
        {
            return;
        }

        foreach (var tx in _engine.Transactions)
        {
            await ReportOperationModeAsync(tx, messages, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Before the Started event: the mode to report in it (2.1), or the older version's charge-only rule.</summary>
    internal void Prepare(EngineTransaction tx, ITransactionMessages messages)
    {
        if (messages.ExpressesDischarge)
        {
            tx.TryReportOperationMode(OperationModeNow(tx.EvseId));
            return;
        }

        lock (_physics.Gate)
        {
            var physics = _physics.Physics;
            if (physics.Snapshot(tx.EvseId).EnergyTransferMode is { } mode && EnergyTransfer.IsBidirectional(mode))
            {
                physics.SetEnergyTransferMode(tx.EvseId, EnergyTransfer.Pick(AvailableModes(tx.EvseId).Where(m => !EnergyTransfer.IsBidirectional(m))));
                _engine.Log($"EVSE {tx.EvseId}: OCPP {_engine.Version.DisplayName()} cannot express discharge; the bidirectional EV charges only");
            }
        }
    }

    /// <summary>2.1: tells the CSMS what the EV needs before energy flows, and falls back to charging only when it refuses.</summary>
    internal async Task NegotiateAsync(EngineTransaction tx, ITransactionMessages messages, CancellationToken ct)
    {
        if (!messages.ExpressesDischarge || NeedsOf(tx.EvseId, mode: null) is not { } needs)
        {
            return;
        }

        ChargingNeedsAnswer answer;
        try
        {
            answer = await messages.ChargingNeedsAsync(tx, needs, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (Ocpp.Rpc.OcppCallFailure.IsBadAnswer(ex))
        {
            _engine.Log($"EVSE {tx.EvseId}: NotifyEVChargingNeeds not answered: {ex.Message}");
            answer = ChargingNeedsAnswer.NotSent;
        }

        if (answer is ChargingNeedsAnswer.Rejected or ChargingNeedsAnswer.NotSent && EnergyTransfer.IsBidirectional(needs.Requested))
        {
            var fallback = EnergyTransfer.Pick(needs.Available.Where(m => !EnergyTransfer.IsBidirectional(m)));
            lock (_physics.Gate)
            {
                _physics.Physics.SetEnergyTransferMode(tx.EvseId, fallback);
            }

            _engine.Log($"EVSE {tx.EvseId}: charging needs {(answer == ChargingNeedsAnswer.Rejected ? "rejected" : "not answered")}; the EV charges only ({(fallback is { } f ? EnumJsonNames.Of(f) : "no mode")})");
        }
    }

    /// <summary>Reports the operation mode of <paramref name="tx"/> when it changed since the last report (2.1 only).</summary>
    internal async Task ReportOperationModeAsync(EngineTransaction tx, ITransactionMessages messages, CancellationToken ct)
    {
        if (messages.ExpressesDischarge && tx.TransactionId is not null && tx.TryReportOperationMode(OperationModeNow(tx.EvseId)))
        {
            await messages.OperationModeAsync(tx, tx.ReportedOperationMode!.Value, ct).ConfigureAwait(false);
        }
    }

    private async Task RenegotiateAsync(EngineTransaction tx, IReadOnlyList<EnergyTransferMode> usable, CancellationToken ct)
    {
        var mode = EnergyTransfer.Pick(usable);
        lock (_physics.Gate)
        {
            if (_physics.Physics.EvAt(tx.EvseId) is null)
            {
                return;
            }

            _physics.Physics.SetEnergyTransferMode(tx.EvseId, mode);
        }

        _engine.Log($"EVSE {tx.EvseId}: energy transfer renegotiated to {(mode is { } m ? EnumJsonNames.Of(m) : "no mode")}");
        if (_engine.Messages is { } messages && NeedsOf(tx.EvseId, mode) is { } needs)
        {
            await messages.ChargingNeedsAsync(tx, needs, ct).ConfigureAwait(false);
        }
    }

    private OperationMode OperationModeNow(int evseId) =>
        _engine.Profiles.Effective(evseId, _engine.Clock.Time.GetUtcNow(), _engine.ContextOf(evseId)).Mode;

    private List<EnergyTransferMode> AvailableModes(int evseId)
    {
        lock (_physics.Gate)
        {
            var snapshot = _physics.Physics.Snapshot(evseId);
            var ev = _physics.Physics.EvAt(evseId);
            var connector = _engine.Station.Profile.Evses.First(e => e.Id == evseId).Connectors.FirstOrDefault(c => c.Id == snapshot.ConnectorId);
            return ev is null || connector is null ? [] : [.. EnergyTransfer.Available(ev.Model, connector)];
        }
    }

    /// <summary>
    /// The EV's needs on <paramref name="evseId"/> requesting <paramref name="mode"/> (null: the mode negotiated now); null
    /// when the EV cannot tell them, i.e. it and the connector do not speak ISO 15118.
    /// </summary>
    private EvChargingNeeds? NeedsOf(int evseId, EnergyTransferMode? mode)
    {
        lock (_physics.Gate)
        {
            var physics = _physics.Physics;
            var snapshot = physics.Snapshot(evseId);
            var ev = physics.EvAt(evseId);
            var connector = _engine.Station.Profile.Evses.First(e => e.Id == evseId).Connectors.FirstOrDefault(c => c.Id == snapshot.ConnectorId);
            if (ev is null || connector is null || !EnergyTransfer.UsesIso15118(ev.Model, connector) || (mode ?? snapshot.EnergyTransferMode) is not { } requested)
            {
                return null;
            }

            return new EvChargingNeeds(evseId, requested, EnergyTransfer.Available(ev.Model, connector), ev.Model, connector,
                ev.SocPercent, ev.TargetSocPercent, physics.Now);
        }
    }
}
