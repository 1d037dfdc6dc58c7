using System.Diagnostics;

namespace DerSim.Sim.Load;

/// <summary>One reading of what the process costs.</summary>
/// <param name="CpuSeconds">CPU time (user + system) since the process started.</param>
/// <param name="WorkingSetBytes">The working set (resident memory).</param>
/// <param name="ManagedBytes">The managed heap's live objects as the GC last counted them.</param>
public readonly record struct ProcessReading(double CpuSeconds, long WorkingSetBytes, long ManagedBytes, double GcPauseSeconds, int FullCollections);

/// <summary>Reads the process's CPU time and memory (once a second in a load run: cheap enough, never per frame).</summary>
public sealed class ProcessGauge : IDisposable
{
    private readonly Process _process = Process.GetCurrentProcess();

    /// <summary>The process now.</summary>
    public ProcessReading Read()
    {
        _process.Refresh();
        return new ProcessReading(_process.TotalProcessorTime.TotalSeconds, _process.WorkingSet64, GC.GetTotalMemory(forceFullCollection: false), GC.GetTotalPauseDuration().TotalSeconds, GC.CollectionCount(2));
    }

    /// <summary>The most memory the process has held (VmHWM on Linux).</summary>
    public long PeakWorkingSetBytes
    {
        get
        {
            _process.Refresh();
            return _process.PeakWorkingSet64;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _process.Dispose();
}
