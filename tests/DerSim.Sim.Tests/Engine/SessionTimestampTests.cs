using System.Text.Json;
using System.Text.RegularExpressions;
using DerSim.Ocpp;
using DerSim.Ocpp.Rpc;

namespace DerSim.Sim.Tests.Engine;

/// <summary>
/// Every timestamp a station writes — typed messages (StatusNotification) and the engine's transaction messages alike —
/// has exactly three fractional digits in UTC: CSMSes in the field reject more digits with a FormatViolation.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed partial class SessionTimestampTests
{
    [TestCase(OcppVersion.V16)]
    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task Every_date_time_of_a_session_is_written_with_milliseconds(OcppVersion version)
    {
        await using var rig = await LoopbackCsmsRig.StartAsync(version, $"MS-{version}", "EVSE-AC-22kW-1port");
        rig.ReleaseTime();

        await rig.Runner.SessionsCompleted.WaitAsync(TimeSpan.FromSeconds(30));

        var dates = new List<string>();
        foreach (var frame in rig.Frames.Where(f => f is { Direction: FrameDirection.Inbound, MessageType: OcppMessageType.Call }))
        {
            using var doc = JsonDocument.Parse(frame.Raw);
            Collect(doc.RootElement[3], dates);
        }

        rig.Calls("StatusNotification").Count.ShouldBeGreaterThan(0, rig.Describe());
        dates.Count.ShouldBeGreaterThan(5, rig.Describe());
        dates.Where(d => !Milliseconds().IsMatch(d)).ShouldBeEmpty(rig.Describe());
    }

    private static void Collect(JsonElement element, List<string> dates)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Collect(property.Value, dates);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, dates);
                }

                break;
            case JsonValueKind.String when DateLike().IsMatch(element.GetString()!):
                dates.Add(element.GetString()!);
                break;
        }
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T")]
    private static partial Regex DateLike();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")]
    private static partial Regex Milliseconds();
}
