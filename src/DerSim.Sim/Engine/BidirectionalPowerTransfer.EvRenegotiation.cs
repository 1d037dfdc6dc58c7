using DerSim.Ocpp;
using DerSim.Sim.Profiles;

namespace DerSim.Sim.Engine;

public sealed partial class BidirectionalPowerTransfer
{
    /// <summary>
    /// The EV renegotiates during the transaction on <paramref name="evseId"/> (ISO 15118-20 lets it do so at any
    /// time) asking for <paramref name="mode"/>: the station sends its new needs (2.1 NotifyEVChargingNeeds). Accepted,
    /// Processing or NoChargingProfile switch the EV to the mode; Rejected or no answer leave it in the mode it had.
    /// </summary>
    /// <returns>The CSMS's answer, <see cref="ChargingNeedsAnswer.NotSent"/> when it gave none or the version has no such message.</returns>
    /// <exception cref="InvalidOperationException">No transaction runs on the EVSE, or the EV and connector cannot use <paramref name="mode"/>.</exception>
    public async Task<ChargingNeedsAnswer> EvRenegotiatesAsync(int evseId, EnergyTransferMode mode, CancellationToken ct)
    {
        if (_engine.TransactionOn(evseId) is not { TransactionId: not null } tx || _engine.Messages is not { } messages)
        {
            throw new InvalidOperationException($"no transaction runs on EVSE {evseId}");
        }

        if (!AvailableModes(evseId).Contains(mode) || NeedsOf(evseId, mode) is not { } needs)
        {
            throw new InvalidOperationException($"the EV on EVSE {evseId} cannot ask for {EnumJsonNames.Of(mode)} (it and the connector share {string.Join(", ", AvailableModes(evseId).Select(EnumJsonNames.Of))}, over ISO 15118)");
        }

        ChargingNeedsAnswer answer;
        try
        {
            answer = await messages.ChargingNeedsAsync(tx, needs, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (Ocpp.Rpc.OcppCallFailure.IsBadAnswer(ex))
        {
            _engine.Log($"EVSE {evseId}: renegotiated charging needs not answered: {ex.Message}");
            answer = ChargingNeedsAnswer.NotSent;
        }

        if (answer is ChargingNeedsAnswer.Rejected or ChargingNeedsAnswer.NotSent)
        {
            _engine.Log($"EVSE {evseId}: the EV asked for {EnumJsonNames.Of(mode)}; {(answer == ChargingNeedsAnswer.Rejected ? "rejected" : "not answered")}, it keeps its mode");
            return answer;
        }

        lock (_physics.Gate)
        {
            if (_physics.Physics.EvAt(evseId) is not null)
            {
                _physics.Physics.SetEnergyTransferMode(evseId, mode);
            }
        }

        _engine.Log($"EVSE {evseId}: the EV renegotiated to {EnumJsonNames.Of(mode)}");
        return answer;
    }
}
