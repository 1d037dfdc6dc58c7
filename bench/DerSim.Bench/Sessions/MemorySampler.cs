using System.Diagnostics;

namespace DerSim.Bench.Sessions;

/// <summary>
/// Samples the process's working set every 50 ms while a run lasts, so a run's own peak can be told from the
/// process's lifetime peak (<see cref="Process.PeakWorkingSet64"/>, which includes earlier runs).
/// </summary>
public sealed class MemorySampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _peakWorkingSet;
    private long _peakManaged;

    /// <summary>Starts sampling.</summary>
    public MemorySampler()
    {
        _loop = Task.Run(SampleAsync);
    }

    /// <summary>The highest working set seen, in bytes.</summary>
    public long PeakWorkingSet => Interlocked.Read(ref _peakWorkingSet);

    /// <summary>The highest managed heap size seen (<see cref="GC.GetTotalMemory(bool)"/>), in bytes.</summary>
    public long PeakManaged => Interlocked.Read(ref _peakManaged);

    /// <summary>The working set now, in bytes.</summary>
    public static long WorkingSetNow()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    /// <summary>Stops sampling, taking one last sample.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        do
        {
            Sample();
        }
        while (await Next(timer));

        Sample();
    }

    private async Task<bool> Next(PeriodicTimer timer)
    {
        try
        {
            return await timer.WaitForNextTickAsync(_stop.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private void Sample()
    {
        var workingSet = WorkingSetNow();
        var managed = GC.GetTotalMemory(forceFullCollection: false);
        if (workingSet > Interlocked.Read(ref _peakWorkingSet))
        {
            Interlocked.Exchange(ref _peakWorkingSet, workingSet);
        }

        if (managed > Interlocked.Read(ref _peakManaged))
        {
            Interlocked.Exchange(ref _peakManaged, managed);
        }
    }
}
