using System.Globalization;
using DerSim.Ocpp;
using DerSim.Ocpp.Rpc;

namespace DerSim.Sim.Runtime;

/// <summary>
/// Formats one line per OCPP frame: time, direction, station, the frame as on the wire (passwords masked), and any
/// findings, with control characters escaped (<see cref="LogText"/>).
/// </summary>
public static class FramePrinter
{
    /// <summary>
    /// "13:05:01.123 DERSIM-1 -> [2,"…","BootNotification",{…}]"; arrows point from the sender's point of view
    /// of <paramref name="stationId"/>: "->" leaves the station side, "<-" arrives at it.
    /// </summary>
    public static string Format(OcppFrameEvent frame, string stationId, bool stationSide)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var outbound = frame.Direction == FrameDirection.Outbound;
        var arrow = outbound == stationSide ? "->" : "<-";
        var line = $"{frame.Timestamp.ToLocalTime().ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)} {stationId} {arrow} {FrameSecrets.Masked(frame.Raw)}";
        if (frame.Latency is { } latency)
        {
            line += $"  ({latency.TotalMilliseconds:0} ms)";
        }

        if (frame.Violations.Count > 0)
        {
            line += "  !! schema: " + string.Join("; ", frame.Violations);
        }

        if (frame.Note is { } note)
        {
            line += "  !! " + note;
        }

        // The frame as received may hold raw newlines (JSON whitespace) and the findings quote it: one frame, one line.
        return LogText.Escape(line);
    }
}
