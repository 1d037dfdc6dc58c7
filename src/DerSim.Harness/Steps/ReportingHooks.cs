using System.Text;
using System.Text.Json;
using DerSim.Harness.Drivers;
using DerSim.Gherkin.Glue;
using Reqnroll;
using DerSim.Gherkin.Model;
using DerSim.Harness.Reporting;
using DerSim.Harness.Reporting.Evidence;
using DerSim.Harness.Traffic;
using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;
using DerSim.Ocpp;
using DerSim.Ocpp.Rpc;

namespace DerSim.Harness.Steps;

/// <summary>
/// Gives reporters what a reader of a failed scenario needs: each step's OCPP exchanges as sub-steps (reporters keep
/// them for failures only), the frames behind a failed traffic assertion or a schema check, each station's EVSE profile
/// and a power chart, plus the OCPP version, profile and CSMS as parameters. When the run saves files beside the report
/// (<see cref="ScenarioWorld.ReportsDirectory"/>) the whole traffic, the charts and the profiles are linked and the page
/// carries, for a failed or broken scenario, its transcript (bounded), charts and profiles, and for any other an excerpt
/// of its transcript (<see cref="ScenarioEvidence"/>); without such files the page carries everything.
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

    /// <summary>Adds one sub-step per CALL the step's traffic carried (<see cref="TrafficSubSteps"/>).</summary>
    [AfterStep]
    public static void TrafficSubSteps(ScenarioWorld world, ScenarioContext context)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(context);
        var from = context.TryGetValue<int>(MarkKey, out var mark) ? mark : 0;
        foreach (var subStep in Reporting.TrafficSubSteps.Of([.. world.Recorder.Frames.Skip(from)], MaxSubSteps))
        {
            ReportChannels.SubSteps.Add(context, subStep);
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

        // The outcome so far: a later hook or the teardown can still break the scenario, but that is not about the
        // traffic, which is linked anyway.
        var failed = ScenarioEvidence.IsFailure(context.Outcome());
        var files = TrafficHooks.FilesOf(world, context);
        if (frames.Count > 0 && files is null)
        {
            using var ndjson = new MemoryStream();
            world.Recorder.WriteNdjson(ndjson);
            context.AddAttachment("OCPP traffic (transcript).txt", "text/plain", Encoding.UTF8.GetBytes(world.Recorder.Transcript()));
            context.AddAttachment("OCPP traffic.ndjson", "application/x-ndjson", ndjson.ToArray());
        }
        else if (frames.Count > 0)
        {
            context.AddAttachment(
                failed ? "OCPP traffic (transcript).txt" : "OCPP traffic (excerpt).txt",
                "text/plain",
                Encoding.UTF8.GetBytes(failed ? ScenarioEvidence.BoundedTranscript(frames) : ScenarioEvidence.Excerpt(frames)));
        }

        if (context.TestError is TrafficAssertionException { OffendingFrames.Count: > 0 } failure)
        {
            context.AddAttachment("Offending frames.txt", "text/plain", Encoding.UTF8.GetBytes(ScenarioEvidence.OffendingFrames(failure.Problem, failure.OffendingFrames)));
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

        var linked = new List<(string Text, string File)>();
        var charts = new List<(string Title, string File)>();
        if (files is not null && frames.Count > 0)
        {
            linked.Add(($"OCPP traffic, one line per frame ({frames.Count} frames)", files.Name + ".txt"));
            linked.Add(("OCPP traffic as NDJSON", files.Name + ".ndjson"));
        }

        foreach (var station in stations)
        {
            var profile = JsonSerializer.SerializeToUtf8Bytes(station.Profile, ProfileJson);
            var svg = PowerChart.Svg(frames, station.Id) is { } chart ? Encoding.UTF8.GetBytes(chart) : null;
            if (files is not null)
            {
                var id = TrafficHooks.FileNameOf(station.Id);
                files.Write($".profile-{id}.json", profile);
                linked.Add(($"EVSE profile of {station.Id} ({station.Profile.Name})", $"{files.Name}.profile-{id}.json"));
                if (svg is not null)
                {
                    files.Write($".power-{id}.svg", svg);
                    charts.Add(($"Power and SoC of {station.Id}", $"{files.Name}.power-{id}.svg"));
                }
            }

            if (files is null || failed)
            {
                context.AddAttachment($"EVSE profile {station.Id} ({station.Profile.Name}).json", "application/json", profile);
                if (svg is not null)
                {
                    context.AddAttachment($"Power and SoC {station.Id}.svg", "image/svg+xml", svg);
                }
            }
        }

        if (files is not null && linked.Count > 0)
        {
            files.Write(".html", Encoding.UTF8.GetBytes(TrafficIndexPage.Html(context.TestName(), linked, charts)));
            ReportChannels.Links.Add(context, new ReportLink("OCPP traffic, charts and profiles", files.UrlOf(".html")));
        }
    }

    private static readonly JsonSerializerOptions ProfileJson = new(EvseProfileJson.Options) { WriteIndented = true };
}
