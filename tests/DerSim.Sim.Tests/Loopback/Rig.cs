using System.Text.Json;
using DerSim.Csms;
using DerSim.Ocpp;

namespace DerSim.Sim.Tests.Loopback;

/// <summary>A reference CSMS on a free port, its frame recorder, and one simulated station booted against it.</summary>
internal sealed class Rig : IAsyncDisposable
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private Rig(ReferenceCsms csms, CsmsFrames frames, StationUnderTest station)
    {
        Csms = csms;
        Frames = frames;
        Station = station;
    }

    public ReferenceCsms Csms { get; }

    public CsmsFrames Frames { get; }

    public StationUnderTest Station { get; }

    public string Id => Station.Id;

    public CsmsStationState State => Csms.Stations[Id];

    /// <summary>Starts the CSMS and the station; waits for the boot to be accepted and every connector reported.</summary>
    public static async Task<Rig> BootAsync(OcppVersion version, int heartbeatIntervalSeconds, string stationId, ReferenceCsmsOptions? options = null)
    {
        var csms = new ReferenceCsms((options ?? new ReferenceCsmsOptions()) with { HeartbeatIntervalSeconds = heartbeatIntervalSeconds });
        var frames = new CsmsFrames(csms);
        await csms.StartAsync();
        var station = StationUnderTest.Start(csms, version, stationId);
        var rig = new Rig(csms, frames, station);
        if (csms.Options.BootStatus == CsmsBootStatus.Accepted)
        {
            await rig.WaitAsync(s => s.Registration == CsmsBootStatus.Accepted && s.ConnectorStatus.Count == 2, "boot accepted, 2 connectors reported");
        }

        return rig;
    }

    /// <summary>Waits for a CSMS-side condition, failing with everything the CSMS saw.</summary>
    public async Task<CsmsStationState> WaitAsync(Func<CsmsStationState, bool> condition, string what)
    {
        try
        {
            return await Csms.WaitForAsync(Id, condition, Wait);
        }
        catch (TimeoutException ex)
        {
            throw new AssertionException($"{what}: {ex.Message}\n{Describe()}");
        }
    }

    /// <summary>A CSMS-initiated CALL with a JSON payload; returns the station's answer.</summary>
    public Task<JsonElement> CallAsync(string action, string payloadJson) =>
        Csms.CallRawAsync(Id, action, Json(payloadJson));

    public string Describe() =>
        $"CSMS frames:\n{Frames.Dump(Id)}\nstation log:\n{string.Join("\n", Station.Log)}";

    public static JsonElement Json(string text)
    {
        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        await Station.DisposeAsync();
        await Csms.DisposeAsync();
    }
}
