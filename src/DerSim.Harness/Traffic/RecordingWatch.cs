namespace DerSim.Harness.Traffic;

/// <summary>
/// Wakes a waiter whenever a frame is recorded, from its creation until it is disposed: the one way a step waits on a
/// scenario's traffic. A station records on its own connection's thread and may still hold this watch's handler after
/// the wait ended (an event's delegate list is read before it is invoked), so a frame arriving then is ignored here:
/// an exception would travel back into the station's connection and close it under the scenario.
/// </summary>
public sealed class RecordingWatch : IDisposable
{
    private readonly TrafficRecorder _recorder;
    private readonly SemaphoreSlim _changed = new(0);
    private int _disposed;

    /// <summary>Starts watching <paramref name="recorder"/>.</summary>
    public RecordingWatch(TrafficRecorder recorder)
    {
        ArgumentNullException.ThrowIfNull(recorder);
        _recorder = recorder;
        recorder.Recorded += OnRecorded;
    }

    /// <summary>Waits until a frame was recorded since the last wait (true) or <paramref name="poll"/> passed (false).</summary>
    public Task<bool> ChangedAsync(TimeSpan poll, CancellationToken ct) => _changed.WaitAsync(poll, ct);

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _recorder.Recorded -= OnRecorded;
        _changed.Dispose();
    }

    private void OnRecorded(RecordedFrame frame)
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        try
        {
            _changed.Release();
        }
        catch (ObjectDisposedException)
        {
            // Disposed between the check and the release: nobody waits any more.
        }
    }
}
