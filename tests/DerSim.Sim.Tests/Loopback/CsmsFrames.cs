using System.Text.Json;
using DerSim.Csms;
using DerSim.Ocpp.Rpc;

namespace DerSim.Sim.Tests.Loopback;

/// <summary>Records, in wire order, every frame the reference CSMS sees, so tests can check what came before what.</summary>
internal sealed class CsmsFrames
{
    private readonly Lock _gate = new();
    private readonly List<(string StationId, OcppFrameEvent Frame)> _frames = [];

    public CsmsFrames(ReferenceCsms csms) => csms.Frame += (id, frame) =>
    {
        lock (_gate)
        {
            _frames.Add((id, frame));
        }
    };

    /// <summary>The frames of one station so far.</summary>
    public IReadOnlyList<OcppFrameEvent> Of(string stationId)
    {
        lock (_gate)
        {
            return [.. _frames.Where(f => f.StationId == stationId).Select(f => f.Frame)];
        }
    }

    /// <summary>CALLs the station sent, in order, as action names.</summary>
    public IReadOnlyList<string> CallsFrom(string stationId) =>
        [.. Of(stationId).Where(f => f is { Direction: FrameDirection.Inbound, MessageType: OcppMessageType.Call }).Select(f => f.Action!)];

    /// <summary>Every frame of the station with a schema violation, as text for a failure message.</summary>
    public IReadOnlyList<string> Violations(string stationId) =>
        [.. Of(stationId).Where(f => f.Violations.Count > 0).Select(f => $"{f.Raw} !! {string.Join("; ", f.Violations)}")];

    /// <summary>A readable dump for failure messages.</summary>
    public string Dump(string stationId) =>
        string.Join(Environment.NewLine, Of(stationId).Select(f => $"{(f.Direction == FrameDirection.Inbound ? "<-" : "->")} {f.Raw}"));

    /// <summary>The payload of a CALL frame: [2, id, action, payload].</summary>
    public static JsonElement Payload(OcppFrameEvent frame)
    {
        using var doc = JsonDocument.Parse(frame.Raw);
        return doc.RootElement[frame.MessageType == OcppMessageType.Call ? 3 : 2].Clone();
    }
}
