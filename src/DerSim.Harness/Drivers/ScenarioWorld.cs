using DerSim.Harness.Configuration;
using DerSim.Harness.Traffic;

namespace DerSim.Harness.Drivers;

/// <summary>
/// Everything one scenario drives: the target CSMS, the traffic recorder and the simulated stations. Created per
/// scenario by context injection and shared by every binding class of that scenario.
/// </summary>
public sealed class ScenarioWorld : IAsyncDisposable, IDisposable
{
    private int _disposed;

    /// <summary>Reads <c>reqnroll.json</c> and <c>DERSIM_CSMS_URL</c> for the target.</summary>
    public ScenarioWorld()
    {
        Settings = DerSimConfig.Load(DerSimConfig.Locate());
        var url = Settings.ResolveCsmsUrl(Environment.GetEnvironmentVariable);
        Csms = url is null ? CsmsTarget.Reference() : CsmsTarget.External(url, Environment.GetEnvironmentVariable("DERSIM_CSMS_PASSWORD"));
        Recorder = new TrafficRecorder();
        Simulator = new SimulatorDriver(Csms, Recorder);
    }

    /// <summary>The <c>dersim</c> section of <c>reqnroll.json</c>.</summary>
    public DerSimSettings Settings { get; }

    /// <summary>The CSMS under test.</summary>
    public CsmsTarget Csms { get; }

    /// <summary>Every frame of the scenario.</summary>
    public TrafficRecorder Recorder { get; }

    /// <summary>The scenario's stations and clock.</summary>
    public SimulatorDriver Simulator { get; }

    /// <summary>Stops the stations, then the embedded CSMS.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await Simulator.DisposeAsync().ConfigureAwait(false);
        await Csms.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>For containers that only know IDisposable: the same as <see cref="DisposeAsync"/>.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
