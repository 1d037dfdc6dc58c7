using System.Text;
using System.Text.Json;
using DerSim.Harness.Drivers;
using DerSim.Harness.Gherkin;
using DerSim.Harness.Gherkin.Model;
using DerSim.Harness.Reporting;
using DerSim.Harness.Traffic;
using DerSim.Sim.Evse;
using DerSim.Sim.Ocpp;
using DerSim.Sim.Ocpp.Rpc;

namespace DerSim.Harness.Steps;

/// <summary>
/// Gives reporters what a reader of a failed scenario needs: each step's OCPP exchanges as sub-steps, and on every
/// scenario the traffic (NDJSON and a transcript), the frames behind a failed traffic assertion or a schema check, each
/// station's EVSE profile and a power chart, plus the OCPP version, profile and CSMS as parameters.
/// </summary>
[Binding]
public sealed class ReportingHooks
{
    private const string MarkKey = "DerSim.Reporting.FramesBeforeStep";
    private const int MaxSubSteps = 40;

    /// <summary>Remembers how much traffic there was when the step began.</summary>
    [BeforeStep]
    public static void MarkTraffic(ScenarioWorld world, ScenarioContext context)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(context);
        context.Set(world.Recorder.Frames.Count, MarkKey);
    }

    /// <summary>Adds one sub-step per CALL the step's traffic carried, marked failed when its answer was an error or a frame broke the schema.</summary>
    [AfterStep]
    public static void TrafficSubSteps(ScenarioWorld world, ScenarioContext context)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(context);
        var from = context.TryGetValue<int>(MarkKey, out var mark) ? mark : 0;
        var frames = world.Recorder.Frames.Skip(from).ToList();
        var answers = frames.Where(f => f.MessageType is not (OcppMessageType.Call or OcppMessageType.Send) && f.MessageId is not null)
            .GroupBy(f => (f.StationId, f.MessageId)).ToDictionary(g => g.Key, g => g.First());
        var calls = frames.Where(f => f.MessageType is OcppMessageType.Call or OcppMessageType.Send).ToList();
        foreach (var call in calls.Take(MaxSubSteps))
        {
            answers.TryGetValue((call.StationId, call.MessageId), out var answer);
            var arrow = call.Direction == FrameDirection.Outbound ? "→" : "←";
            var problems = call.Violations.Concat(answer?.Violations ?? []).ToList();
            var failed = answer?.ErrorCode is not null || problems.Count > 0;
            var detail = failed ? string.Join("\n", new[] { answer?.ErrorCode is { } code ? $"answered {code}: {answer.Raw}" : null }.Concat(problems).OfType<string>()) : null;
            var outcome = answer is null ? " (no answer during this step)" : answer.ErrorCode is { } error ? $" ✗ {error}" : " ✓";
            ReportSubSteps.Add(context, new ReportSubStep($"{call.StationId} {arrow} {call.Action}{outcome}", failed ? ScenarioStatus.Failed : ScenarioStatus.Passed, detail));
        }

        if (calls.Count > MaxSubSteps)
        {
            ReportSubSteps.Add(context, new ReportSubStep($"… {calls.Count - MaxSubSteps} more OCPP exchanges (see the traffic attachment)", ScenarioStatus.Passed));
        }
    }

    /// <summary>Attaches the traffic, offending frames, profiles and charts, and reports the run's parameters.</summary>
    [AfterScenario]
    public static async Task AttachScenarioEvidence(ScenarioWorld world, ScenarioContext context)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(context);
        var frames = world.Recorder.Frames;
        var stations = world.Simulator.Stations.Values.OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
        if (frames.Count == 0 && stations.Count == 0)
        {
            return;
        }

        var csms = world.Csms.IsEmbedded ? "embedded reference CSMS" : SecretMasking.MaskUrl((await world.Csms.UrlAsync().ConfigureAwait(false)).ToString());
        context.AddParameter("CSMS", csms);
        foreach (var station in stations)
        {
            var prefix = stations.Count == 1 ? "" : $"{station.Id} ";
            context.AddParameter($"{prefix}OCPP version", station.Version.DisplayName());
            context.AddParameter($"{prefix}profile", station.Profile.Name);
        }

        if (frames.Count > 0)
        {
            using var ndjson = new MemoryStream();
            world.Recorder.WriteNdjson(ndjson);
            context.AddAttachment("OCPP traffic (transcript).txt", "text/plain", Encoding.UTF8.GetBytes(world.Recorder.Transcript()));
            context.AddAttachment("OCPP traffic.ndjson", "application/x-ndjson", ndjson.ToArray());
        }

        if (context.TestError is TrafficAssertionException { OffendingFrames.Count: > 0 } failure)
        {
            context.AddAttachment("Offending frames.txt", "text/plain", Encoding.UTF8.GetBytes($"{failure.Message}\n\nRaw frames:\n{string.Join("\n", failure.OffendingFrames.Select(f => f.Raw))}\n"));
        }

        var invalid = frames.Where(f => f.Violations.Count > 0).ToList();
        if (invalid.Count > 0)
        {
            var text = new StringBuilder();
            foreach (var frame in invalid)
            {
                text.AppendLine(frame.ToString());
                foreach (var violation in frame.Violations)
                {
                    text.Append("    ").AppendLine(violation);
                }
            }

            context.AddAttachment("Schema violations.txt", "text/plain", Encoding.UTF8.GetBytes(text.ToString()));
        }

        foreach (var station in stations)
        {
            context.AddAttachment($"EVSE profile {station.Id} ({station.Profile.Name}).json", "application/json", JsonSerializer.SerializeToUtf8Bytes(station.Profile, ProfileJson));
            if (PowerChart.Svg(frames, station.Id) is { } svg)
            {
                context.AddAttachment($"Power and SoC {station.Id}.svg", "image/svg+xml", Encoding.UTF8.GetBytes(svg));
            }
        }
    }

    private static readonly JsonSerializerOptions ProfileJson = new(EvseProfileJson.Options) { WriteIndented = true };
}
