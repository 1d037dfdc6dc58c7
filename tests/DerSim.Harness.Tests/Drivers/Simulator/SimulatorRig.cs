using DerSim.Csms;
using DerSim.Harness.Drivers;
using DerSim.Harness.Drivers.Csms;
using DerSim.Harness.Traffic;
using DerSim.Ocpp;
using DerSim.Ocpp.Rpc;

namespace DerSim.Harness.Tests.Drivers.Simulator;

/// <summary>A scenario's driver on the embedded reference CSMS, one station booted, for tests of step-driven sessions.</summary>
internal sealed class SimulatorRig : IAsyncDisposable
{
    private SimulatorRig(CsmsTarget csms, SimulatorDriver driver, StationUnderTest station)
    {
        Csms = csms;
        Driver = driver;
        Station = station;
    }

    public CsmsTarget Csms { get; }

    public SimulatorDriver Driver { get; }

    public StationUnderTest Station { get; }

    public TrafficRecorder Recorder => Driver.Recorder;

    public CsmsStationState CsmsView => Csms.Embedded!.Stations[Station.Id];

    public static async Task<SimulatorRig> StartAsync(OcppVersion version, string profile, string id, ReferenceCsmsOptions? options = null)
    {
        var csms = CsmsTarget.Reference(options ?? new ReferenceCsmsOptions { HeartbeatIntervalSeconds = 300 });
        var driver = new SimulatorDriver(csms, new TrafficRecorder()) { WaitTimeout = TimeSpan.FromSeconds(10) };
        var station = driver.AddStation(id, profile, version);
        await driver.StartAsync(station);
        await driver.BootedAsync(station);
        return new SimulatorRig(csms, driver, station);
    }

    /// <summary>The station's CALLs of <paramref name="action"/>, in wire order.</summary>
    public IReadOnlyList<RecordedFrame> Calls(string action) => Recorder.Query().Station(Station.Id).Sent().Calls().Action(action).Frames;

    public string Describe() => $"log:\n{string.Join("\n", Station.Log)}\nframes:\n{TrafficQuery.Quote(Recorder.Frames)}";

    public static string? Text(RecordedFrame frame, string path) =>
        frame.Payload is { } p && FrameFields.At(p, path) is { } v ? FrameFields.Text(v) : null;

    public async ValueTask DisposeAsync()
    {
        await Driver.DisposeAsync();
        await Csms.DisposeAsync();
    }
}
