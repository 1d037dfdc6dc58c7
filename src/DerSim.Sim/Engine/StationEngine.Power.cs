using DerSim.Sim.StationModel;

namespace DerSim.Sim.Engine;

// A power failure: the station goes dark at once and boots when the power is back.
public sealed partial class StationEngine
{
    /// <summary>
    /// The station loses its power and gets it back: the connection goes at once (the runner boots again, reason
    /// PowerUp), and every transaction the failure interrupted is stopped with reason PowerLoss while the station is
    /// still offline, so its stop message waits in the outbox and reaches the CSMS after the new boot (OCPP 1.6 §4.8:
    /// a transaction message is delivered once the connection is back; 2.0.1 E13). Completes when the transactions
    /// ended (their stops queued).
    /// </summary>
    public async Task LosePowerAsync(CancellationToken ct)
    {
        Log("power lost: the connection goes with it; booting again when the power is back");

        // Nothing leaves a station without power: the stops are made only once the connection is gone.
        var offline = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChanged()
        {
            if (!Outbox.IsOnline)
            {
                offline.TrySetResult();
            }
        }

        Outbox.Changed += OnChanged;
        try
        {
            Station.RequestReboot(BootReason.PowerUp);
            OnChanged();
            await offline.Task.WaitAsync(ct).ConfigureAwait(false);
        }
        finally
        {
            Outbox.Changed -= OnChanged;
        }

        await StopAllAsync(TransactionStopReason.PowerLoss, ct).ConfigureAwait(false);
    }
}
