using DerSim.Sim.StationModel;

namespace DerSim.Sim.Engine;

public sealed partial class StationEngine
{
    private readonly Lock _alignedGate = new();
    private TaskCompletionSource _alignedWake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IDisposable? _alignedActor;
    private int _alignedStarted;

    /// <summary>The clock-aligned interval (AlignedDataCtrlr.Interval), or zero when off or the controller is disabled.</summary>
    public TimeSpan AlignedInterval => AlignedSeconds("Interval");

    /// <summary>The clock-aligned interval of the readings kept for the Ended event (AlignedDataCtrlr.TxEndedInterval), or zero.</summary>
    public TimeSpan AlignedTxEndedInterval => AlignedSeconds("TxEndedInterval");

    /// <summary>The interval of the sampled readings kept for the Ended event (SampledDataCtrlr.TxEndedInterval), or zero.</summary>
    public TimeSpan SampledTxEndedInterval =>
        Station.Configuration.GetBool(StationConfiguration.SampledData, "Enabled", fallback: true)
            ? TimeSpan.FromSeconds(Station.Configuration.GetInt(StationConfiguration.SampledData, "TxEndedInterval", 0))
            : TimeSpan.Zero;

    private TimeSpan AlignedSeconds(string variable) =>
        Station.Configuration.GetBool(StationConfiguration.AlignedData, "Enabled", fallback: true)
            ? TimeSpan.FromSeconds(Station.Configuration.GetInt(StationConfiguration.AlignedData, variable, 0))
            : TimeSpan.Zero;

    /// <summary>
    /// The first instant after <paramref name="now"/> that is a whole number of <paramref name="interval"/>s after
    /// midnight UTC (J01: clock-aligned data is aligned to midnight; an interval that does not divide the day starts
    /// again at the next midnight).
    /// </summary>
    public static DateTimeOffset NextAligned(DateTimeOffset now, TimeSpan interval)
    {
        if (interval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "an aligned interval is above zero");
        }

        var midnight = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var next = midnight + interval * (Math.Floor((now - midnight) / interval) + 1);
        var nextMidnight = midnight.AddDays(1);
        return next > nextMidnight ? nextMidnight : next;
    }

    /// <summary>Starts the clock-aligned metering loop once, for the station's whole run (<paramref name="lifetime"/>).</summary>
    private void StartAlignedData(CancellationToken lifetime)
    {
        if (Interlocked.Exchange(ref _alignedStarted, 1) != 0)
        {
            return;
        }

        Station.Configuration.Changed += key =>
        {
            if (key is "ClockAlignedDataInterval" or "AlignedDataTxEndedInterval" or "AlignedDataCtrlrEnabled")
            {
                WakeAligned();
            }
        };

        lock (_alignedGate)
        {
            // Registered here, synchronously, so a discrete-event clock cannot jump past an instant due before the loop runs.
            if (AlignedInterval > TimeSpan.Zero || AlignedTxEndedInterval > TimeSpan.Zero)
            {
                _alignedActor ??= Clock.RegisterActor();
            }
        }

        _ = Task.Run(() => AlignedLoopAsync(lifetime), CancellationToken.None);
    }

    private void WakeAligned()
    {
        TaskCompletionSource woken;
        lock (_alignedGate)
        {
            // An actor at once: the clock stands still until the loop looked at the change.
            _alignedActor ??= Clock.RegisterActor();
            woken = _alignedWake;
            _alignedWake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        woken.TrySetResult();
    }

    /// <summary>
    /// Wakes at every clock-aligned instant of AlignedDataCtrlr.Interval and of its TxEndedInterval, on the simulated
    /// clock; with both off it is no actor (simulated time moves freely) and waits for a change of the settings.
    /// </summary>
    private async Task AlignedLoopAsync(CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                Task wake;
                lock (_alignedGate)
                {
                    wake = _alignedWake.Task;
                }

                var interval = AlignedInterval;
                var ended = AlignedTxEndedInterval;
                if (interval <= TimeSpan.Zero && ended <= TimeSpan.Zero)
                {
                    lock (_alignedGate)
                    {
                        if (_alignedWake.Task == wake)
                        {
                            _alignedActor?.Dispose();
                            _alignedActor = null;
                        }
                    }

                    await wake.WaitAsync(ct).ConfigureAwait(false);
                    continue;
                }

                lock (_alignedGate)
                {
                    _alignedActor ??= Clock.RegisterActor();
                }

                var now = Clock.Time.GetUtcNow();
                var nextInterval = interval > TimeSpan.Zero ? NextAligned(now, interval) : DateTimeOffset.MaxValue;
                var nextEnded = ended > TimeSpan.Zero ? NextAligned(now, ended) : DateTimeOffset.MaxValue;
                var due = nextInterval < nextEnded ? nextInterval : nextEnded;
                using (var waiting = CancellationTokenSource.CreateLinkedTokenSource(ct))
                {
                    var elapsed = Clock.WaitAsync(due - now, waiting.Token);
                    var first = await Task.WhenAny(elapsed, wake).ConfigureAwait(false);

                    // A wait left behind would count as this actor waiting on a discrete-event clock.
                    await waiting.CancelAsync().ConfigureAwait(false);
                    if (first != elapsed || elapsed.IsCanceled)
                    {
                        continue;
                    }
                }

                await AlignedInstantAsync(due, due == nextInterval, due == nextEnded, ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The station stopped.
        }
        finally
        {
            lock (_alignedGate)
            {
                _alignedActor?.Dispose();
                _alignedActor = null;
            }
        }
    }

    /// <summary>What the station owes at the clock-aligned instant <paramref name="at"/>, EVSE by EVSE.</summary>
    private async Task AlignedInstantAsync(DateTimeOffset at, bool interval, bool txEnded, CancellationToken ct)
    {
        if (_messages is not { } messages)
        {
            return;
        }

        var configuration = Station.Configuration;

        // J01.FR.20: with SendDuringIdle, clock-aligned values go out only while no transaction runs on the station.
        var quiet = configuration.GetBool(StationConfiguration.AlignedData, "SendDuringIdle", fallback: false) && !_transactions.IsEmpty;
        foreach (var evse in Station.Profile.Evses.OrderBy(e => e.Id))
        {
            var tx = TransactionOn(evse.Id);
            var sample = ReadNow(evse.Id).Sample with { Timestamp = at };
            if (txEnded && tx is not null)
            {
                // J01: the TxEndedMeasurands at every TxEndedInterval, sent with the Ended event.
                tx.CollectForEnd(new MeterReport(Metering.Select(sample, configuration, StationConfiguration.AlignedData, "TxEndedMeasurands"), Metering.Clock));
            }

            var aligned = Metering.Select(sample, configuration, StationConfiguration.AlignedData, "Measurands");
            if (!interval || quiet || aligned.Readings.Count == 0)
            {
                continue;
            }

            try
            {
                // J01: outside a transaction a MeterValues message; during one, a TransactionEvent Updated (MeterValueClock).
                await (tx is null ? messages.ClockAlignedAsync(evse.Id, aligned, ct) : messages.ClockAlignedAsync(tx, aligned, ct)).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A lost or refused reading does not stop the meter: the next instant comes all the same.
                Log($"EVSE {evse.Id}: clock-aligned values at {at:HH:mm:ss} not acknowledged: {ex.Message}");
            }
        }
    }
}
