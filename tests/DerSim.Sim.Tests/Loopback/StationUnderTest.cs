using System.Collections.Concurrent;
using DerSim.Csms;
using DerSim.Sim.Adapters;
using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;
using DerSim.Ocpp;
using DerSim.Ocpp.Rpc;
using DerSim.Ocpp.Transport;
using DerSim.Ocpp.Validation;
using DerSim.Sim.Runtime;

namespace DerSim.Sim.Tests.Loopback;

/// <summary>A simulated station (the real <see cref="StationRunner"/>) running against a CSMS over loopback.</summary>
internal sealed class StationUnderTest : IAsyncDisposable
{
    /// <summary>Two EVSEs with one connector each: the smallest profile that shows per-connector behaviour.</summary>
    public const string TwoPortProfile = "EVSE-AC-7.4kW-2port";

    /// <summary>How long the station waits for an answer to its CALLs.</summary>
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(5);

    private static readonly OcppSchemaValidator Validator = new();

    private readonly CancellationTokenSource _stop = new();

    private StationUnderTest(ChargingStation station, StationRunner runner, ConcurrentQueue<string> log, Action<StationRunner>? configure)
    {
        Station = station;
        Log = log;
        Runner = runner;
        runner.Booted += Boots.Enqueue;
        configure?.Invoke(runner);
        Running = Task.Run(() => runner.RunAsync(_stop.Token));
    }

    public ChargingStation Station { get; }

    public StationRunner Runner { get; }

    public Task Running { get; }

    public string Id => Station.StationId;

    public ConcurrentQueue<string> Log { get; }

    public ConcurrentQueue<BootOutcome> Boots { get; } = new();

    public static StationUnderTest Start(Uri csmsUrl, OcppVersion version, string stationId, string profile = TwoPortProfile, string? password = null, int? maxConnectAttempts = null, Action<StationRunner>? configure = null, TimeProvider? time = null)
    {
        var station = new ChargingStation(stationId, EvseProfileLoader.Load(profile, ProfilesDirectory.Locate()));
        var options = new OcppClientOptions
        {
            Url = csmsUrl,
            StationId = stationId,
            Version = version,
            BasicAuthPassword = password,
            Reconnect = new OcppReconnectPolicy { InitialDelay = TimeSpan.FromMilliseconds(200), MaxDelay = TimeSpan.FromSeconds(1), MaxAttempts = maxConnectAttempts },
            // Validating both ways, as ./sim does by default.
            Rpc = new OcppRpcOptions { CallTimeout = CallTimeout, Validator = Validator },
        };
        var log = new ConcurrentQueue<string>();
        var runner = new StationRunner(station, options, time ?? TimeProvider.System, log.Enqueue);
        runner.Frame += f => log.Enqueue(FramePrinter.Format(f, stationId, stationSide: true));
        return new StationUnderTest(station, runner, log, configure);
    }

    public static StationUnderTest Start(ReferenceCsms csms, OcppVersion version, string stationId, string profile = TwoPortProfile, string? password = null) =>
        Start(csms.Url, version, stationId, profile, password);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await Running.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
            // The normal end of a run.
        }
        catch (OcppConnectException)
        {
            // A test that expected the connection to fail has already looked at it.
        }

        _stop.Dispose();
    }
}
