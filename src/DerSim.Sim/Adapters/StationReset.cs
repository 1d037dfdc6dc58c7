using DerSim.Sim.Engine;
using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;

namespace DerSim.Sim.Adapters;

/// <summary>
/// What a Reset does, version-neutral; the adapters only decode the request and encode the answer. From the answer
/// until the reboot no new transaction starts (<see cref="ChargingStation.ResetScheduled"/>).
/// </summary>
public static class StationReset
{
    /// <summary>
    /// Resets at once: after the answer, running transactions end for <paramref name="reason"/>, then the station
    /// reboots. OCPP 1.6 §5.14 (Soft: stop gracefully, reason SoftReset; Hard: reason HardReset) and 2.0.1
    /// B12.FR.02 (Immediate: end the transactions, stoppedReason ImmediateReset, then reset).
    /// </summary>
    public static void Now(StationSession session, TransactionStopReason reason)
    {
        ArgumentNullException.ThrowIfNull(session);
        session.Station.ResetScheduled = true;
        session.AfterAnswer("Reset", async ct =>
        {
            if (session.Engine is { } running)
            {
                await running.StopAllForResetAsync(reason, ct).ConfigureAwait(false);
            }

            Reboot(session.Station);
        });
    }

    /// <summary>
    /// OCPP 2.x Reset OnIdle: with no transaction running it resets at once (B11); otherwise it answers Scheduled and
    /// resets once every transaction has ended, starting none meanwhile (B12.FR.01).
    /// </summary>
    /// <returns>True when the reset waits for running transactions (answer Scheduled), false when it is immediate (Accepted).</returns>
    public static bool OnIdle(StationSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var station = session.Station;
        station.ResetScheduled = true;
        if (session.Engine is not { Transactions.Count: > 0 } engine)
        {
            session.AfterAnswer("Reset", _ =>
            {
                Reboot(station);
                return Task.CompletedTask;
            });
            return false;
        }

        // Not bound to this connection: the transactions end (and their messages queue) whether or not it lasts.
        session.AfterAnswer("Reset", async _ =>
        {
            while (engine.Transactions.Where(t => !t.Ended.IsCompleted).ToList() is { Count: > 0 } running)
            {
                await Task.WhenAll(running.Select(t => t.Ended)).ConfigureAwait(false);
            }

            engine.Log("reset: the last transaction ended; resetting now (Reset OnIdle)");
            // The reset that waited (answered Scheduled, B12.FR.01) boots with reason ScheduledReset.
            Reboot(station, BootReason.ScheduledReset);
        });
        return true;
    }

    /// <summary>
    /// OCPP 2.1 Reset ImmediateAndResume: after the answer the station reboots at once without ending its transactions;
    /// after the boot it resumes them (E17, TransactionEvent Updated with triggerReason TxResumed) as long as
    /// TxCtrlr.TxResumptionTimeout allows. A station that cannot resume (TxResumptionTimeout 0) resets as Immediate
    /// does, ending them first (B12.FR.02).
    /// </summary>
    public static void NowAndResume(StationSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var station = session.Station;
        if (session.Engine is { Transactions.Count: > 0 } && station.Configuration.GetInt(StationConfiguration.TxResumptionTimeoutKey, 0) <= 0)
        {
            Now(session, TransactionStopReason.HardReset);
            return;
        }

        station.ResetScheduled = true;
        session.AfterAnswer("Reset", _ =>
        {
            session.Engine?.Interrupt(powerLoss: false);
            Reboot(station);
            return Task.CompletedTask;
        });
    }

    private static void Reboot(ChargingStation station, BootReason reason = BootReason.RemoteReset)
    {
        // The runner drops the connection within RequestReboot; the next boot clears the wait.
        station.RequestReboot(reason);
        station.ResetScheduled = false;
    }
}
