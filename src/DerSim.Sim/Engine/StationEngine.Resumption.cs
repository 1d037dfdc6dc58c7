using DerSim.Sim.SmartCharging;
using DerSim.Sim.StationModel;

namespace DerSim.Sim.Engine;

/// <summary>
/// OCPP 2.1 E17 (resuming a transaction after an interruption) and E16 (a limit set at the station): what happens to
/// the running transactions when the station reboots with Reset ImmediateAndResume or loses power, and the energy or
/// time limit a driver sets at the station.
/// </summary>
public sealed partial class StationEngine
{
    /// <summary>
    /// The station is about to go down (a reset that resumes, or a power loss): every running transaction stays open,
    /// marked interrupted now, and its energy stops until it resumes. A power loss also loses the TxProfiles, which
    /// this station keeps in volatile memory (SmartChargingCtrlr.ChargingProfilePersistence does not list TxProfile):
    /// the CSMS sets them again after the resumption (TC_E_117).
    /// </summary>
    public void Interrupt(bool powerLoss)
    {
        var now = Clock.Time.GetUtcNow();
        foreach (var tx in _transactions.Values)
        {
            tx.InterruptedAt ??= now;
            tx.InterruptedByPowerLoss = powerLoss;
            lock (_physics.Gate)
            {
                _physics.CatchUp();
                Physics.SetEnergyAllowed(tx.EvseId, false);
            }
        }

        if (powerLoss && Profiles.Clear(new ChargingProfileQuery { Purpose = ChargingProfilePurpose.Tx }) == ProfileClearStatus.Accepted)
        {
            Log("power loss: the TxProfiles are gone (not persistent)");
            Physics.Reevaluate();
        }

        Log($"{(powerLoss ? "power loss" : "reset")}: {_transactions.Count} transaction(s) interrupted");
    }

    /// <summary>
    /// After the boot that followed <see cref="Interrupt"/>: each interrupted transaction resumes when
    /// TxCtrlr.TxResumptionTimeout is above 0 and the interruption lasted no longer (E17.FR.15 TransactionEvent Updated,
    /// triggerReason TxResumed, and its energy flows again); otherwise it ends (E17: stoppedReason PowerLoss after a
    /// power loss, ImmediateReset after a reset).
    /// </summary>
    /// <remarks>
    /// The events are queued at once, in order before anything else the transactions send; the returned task completes
    /// when the CSMS answered them (a caller need not wait: a refused event is retried by the outbox).
    /// </remarks>
    public Task ResumeInterruptedAsync(CancellationToken ct)
    {
        if (_messages is not { } messages)
        {
            return Task.CompletedTask;
        }

        // Resuming is 2.1's (TriggerReason TxResumed); an older version's transactions end.
        var timeout = Version == Ocpp.OcppVersion.V21 ? TimeSpan.FromSeconds(Station.Configuration.GetInt(StationConfiguration.TxResumptionTimeoutKey, 0)) : TimeSpan.Zero;
        var now = Clock.Time.GetUtcNow();
        var sends = new List<Task>();
        foreach (var tx in _transactions.Values.Where(t => t.InterruptedAt is not null).ToList())
        {
            var interrupted = now - tx.InterruptedAt!.Value;
            tx.InterruptedAt = null;
            if (timeout <= TimeSpan.Zero || interrupted > timeout)
            {
                Log($"EVSE {tx.EvseId}: transaction {tx.TransactionId} not resumed (interrupted {interrupted.TotalSeconds:0} s, TxResumptionTimeout {timeout.TotalSeconds:0} s)");
                tx.RequestStop(TransactionStopReason.NotResumed);
                continue;
            }

            AllowEnergyIfReady(tx);
            var (_, snapshot) = ReadNow(tx.EvseId);
            Log($"EVSE {tx.EvseId}: transaction {tx.TransactionId} resumed after {interrupted.TotalSeconds:0} s");
            tx.ReportedState = snapshot.State;
            sends.Add(ReportedAsync(tx, messages.UpdateAsync(tx, new TransactionUpdate(TransactionUpdateTrigger.TxResumed, snapshot.State), ct)));
        }

        return Task.WhenAll(sends);
    }

    private async Task ReportedAsync(EngineTransaction tx, Task sending)
    {
        try
        {
            await sending.ConfigureAwait(false);
        }
        catch (Exception ex) when (IsBadAnswer(ex) || ex is OperationCanceledException)
        {
            Log($"EVSE {tx.EvseId}: TxResumed not acknowledged: {ex.Message}");
        }
    }

    /// <summary>
    /// A limit set at the station for the transaction on <paramref name="evseId"/> (OCPP 2.1 E16: the driver chose a
    /// fixed energy, time or cost): reported at once (TransactionEvent Updated, LimitSet, transactionLimit, E16.FR.01),
    /// and the transaction ends when it is reached (EnergyLimitReached / TimeLimitReached / CostLimitReached). A cost
    /// limit is reached by the cost the station calculates from the tariff that prices the transaction.
    /// </summary>
    /// <returns>False when no transaction runs there.</returns>
    public async Task<bool> SetLimitAsync(int evseId, TransactionLimit limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(limit);
        if (TransactionOn(evseId) is not { } tx || _messages is not { } messages)
        {
            return false;
        }

        var (sample, snapshot) = ReadNow(evseId);
        tx.Limit = limit;

        // The LimitSet event carries the cost so far (2.1 local cost calculation).
        CostAt(tx, sample, snapshot);
        // maxEnergy is the transaction's whole energy, counted from its start.
        tx.LimitEndsAtWh = limit.MaxEnergyWh is { } wh ? (tx.StartRegisterWh ?? RegisterWh(sample)) + wh : null;
        await messages.UpdateAsync(tx, new TransactionUpdate(TransactionUpdateTrigger.LimitSet, null) { Limit = limit }, ct).ConfigureAwait(false);
        tx.Wake();
        return true;
    }

    // E16: the limit the station set, reached at this sample (the cost as last read); null while it is not.
    private TransactionStopReason? LimitReached(EngineTransaction tx, Physics.MeterSample sample, DateTimeOffset now)
    {
        if (tx.LimitEndsAtWh is { } endsAt && RegisterWh(sample) >= endsAt)
        {
            return TransactionStopReason.EnergyLimitReached;
        }

        if (tx.Limit?.MaxCost is { } maxCost && tx.Cost is { } cost && cost.Total.InclTax >= maxCost)
        {
            return TransactionStopReason.CostLimitReached;
        }

        return tx.Limit?.MaxTimeSeconds is { } seconds && now - tx.StartedAt >= TimeSpan.FromSeconds(seconds)
            ? TransactionStopReason.TimeLimitReached
            : null;
    }
}
