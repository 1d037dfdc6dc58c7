using System.Text;
using System.Xml.Linq;
using DerSim.Gherkin.Model;
using DerSim.Harness.Reporting;
using DerSim.Harness.Reporting.Evidence;
using DerSim.Harness.Traffic;
using DerSim.Ocpp.Rpc;

namespace DerSim.Harness.Tests.Reporting;

public sealed class ScenarioEvidenceTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary><paramref name="count"/> CALL/CALLRESULT pairs of <paramref name="action"/>, each CALL <paramref name="payload"/> characters of payload.</summary>
    private static IReadOnlyList<RecordedFrame> Traffic(int count, int payload = 40, string action = "MeterValues", string? errorAt = null)
    {
        var recorder = new TrafficRecorder();
        for (var i = 1; i <= count; i++)
        {
            var at = T0.AddMinutes(i);
            recorder.Record("DERSIM-E-1", new OcppFrameEvent(FrameDirection.Outbound, at, $"[2,\"m{i}\",\"{action}\",{{\"pad\":\"{new string('x', payload)}\"}}]", OcppMessageType.Call, $"m{i}", action, [], null, null), at);
            var error = errorAt == $"m{i}";
            recorder.Record("DERSIM-E-1", new OcppFrameEvent(FrameDirection.Inbound, at, error ? $"[4,\"m{i}\",\"InternalError\",\"\",{{}}]" : $"[3,\"m{i}\",{{}}]", error ? OcppMessageType.CallError : OcppMessageType.CallResult, $"m{i}", action, [], TimeSpan.FromMilliseconds(2), error ? "InternalError" : null), at);
        }

        return recorder.Frames;
    }

    [TestCase(ScenarioStatus.Failed, true)]
    [TestCase(ScenarioStatus.Ambiguous, true)]
    [TestCase(ScenarioStatus.Broken, true)]
    [TestCase(ScenarioStatus.Passed, false)]
    [TestCase(ScenarioStatus.Skipped, false)]
    [TestCase(ScenarioStatus.NotApplicable, false)]
    [TestCase(ScenarioStatus.Pending, false)]
    [TestCase(ScenarioStatus.Undefined, false)]
    public void Failed_ambiguous_and_broken_scenarios_carry_the_full_evidence(ScenarioStatus status, bool full) =>
        ScenarioEvidence.IsFailure(status).ShouldBe(full);

    [Test]
    public void An_excerpt_shows_the_first_and_last_frames_cut_short_and_says_what_it_left_out()
    {
        var frames = Traffic(20, payload: 400);
        var lines = ScenarioEvidence.Excerpt(frames).TrimEnd('\n').Split('\n');

        lines[0].ShouldBe($"OCPP traffic: 40 frames; the first 3 and the last 3 below, lines cut at {ScenarioEvidence.ExcerptLineLength} characters. The whole traffic is linked from this scenario.");
        lines.Length.ShouldBe(1 + 3 + 1 + 3);
        lines[1].ShouldStartWith("#1 08:01:00 DERSIM-E-1 → [2,\"m1\",\"MeterValues\"");
        lines[4].ShouldBe("… 34 frames left out …");
        lines[^1].ShouldStartWith("#40 08:20:00 DERSIM-E-1 ← [3,\"m20\"");
        lines.Skip(1).ShouldAllBe(l => l.Length <= ScenarioEvidence.ExcerptLineLength + 1);
        lines[1].ShouldEndWith("…");
    }

    [Test]
    public void A_short_traffic_is_excerpted_whole()
    {
        var text = ScenarioEvidence.Excerpt(Traffic(2));
        text.ShouldStartWith("OCPP traffic: 4 frames; all 4 below. The whole traffic is linked from this scenario.\n#1 ");
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(5);
    }

    [Test]
    public void A_failures_transcript_is_whole_while_it_fits()
    {
        var frames = Traffic(10, payload: 200);
        ScenarioEvidence.BoundedTranscript(frames).ShouldBe(string.Concat(frames.Select(f => f + "\n")));
    }

    [Test]
    public void A_long_transcript_cuts_long_frames_first()
    {
        // 20 frames of 2 KB: too long whole, within the limit with each cut at 600 characters.
        var frames = Traffic(10, payload: 2000);
        var text = ScenarioEvidence.BoundedTranscript(frames);
        var lines = text.TrimEnd('\n').Split('\n');
        lines[0].ShouldBe($"OCPP traffic: 20 frames, lines cut at {ScenarioEvidence.LongLineLength} characters; the whole transcript is linked from this scenario.");
        lines.Length.ShouldBe(21, "every frame is still there");
        lines[1].Length.ShouldBe(ScenarioEvidence.LongLineLength + 1);
        Encoding.UTF8.GetByteCount(text).ShouldBeLessThanOrEqualTo(ScenarioEvidence.TranscriptLimit + 200);
    }

    [Test]
    public void A_very_long_transcript_keeps_its_start_and_its_end()
    {
        var frames = Traffic(400, payload: 2000);
        var text = ScenarioEvidence.BoundedTranscript(frames);
        Encoding.UTF8.GetByteCount(text).ShouldBeLessThanOrEqualTo(ScenarioEvidence.TranscriptLimit + 300);
        var lines = text.TrimEnd('\n').Split('\n');
        lines[0].ShouldMatch(@"^OCPP traffic: 800 frames, lines cut at 600 characters, \d+ frames in the middle left out; the whole transcript is linked from this scenario\.$");
        lines[1].ShouldStartWith("#1 ");
        lines[^1].ShouldStartWith("#800 ");
        lines.ShouldContain(l => l.StartsWith("… ", StringComparison.Ordinal) && l.EndsWith(" frames left out …", StringComparison.Ordinal));
    }

    [Test]
    public void Cutting_never_splits_a_surrogate_pair()
    {
        var line = new string('a', 9) + "😀" + "tail";
        ScenarioEvidence.Cut(line, 10).ShouldBe(new string('a', 9) + "…");
        ScenarioEvidence.Cut(line, 11).ShouldBe(new string('a', 9) + "😀…");
        ScenarioEvidence.Cut("short", 10).ShouldBe("short");
    }

    [Test]
    public void Offending_frames_are_listed_as_in_the_transcript_as_many_as_fit()
    {
        var few = Traffic(2);
        ScenarioEvidence.OffendingFrames("2 samples were above 7 kW", few).ShouldBe($"2 samples were above 7 kW\n\nThe frames, as in the transcript:\n{few[0]}\n{few[1]}\n{few[2]}\n{few[3]}\n");

        var many = Traffic(100, payload: 1000);
        var text = ScenarioEvidence.OffendingFrames("too much", many);
        Encoding.UTF8.GetByteCount(text).ShouldBeLessThanOrEqualTo((ScenarioEvidence.TranscriptLimit / 4) + 200);
        text.ShouldEndWith(" more: see the scenario's traffic\n");
    }

    [Test]
    public void Identical_exchanges_in_a_row_are_one_sub_step_with_a_count()
    {
        // The erroring exchange stays alone, with its error; the runs around it collapse.
        var steps = TrafficSubSteps.Of(Renumbered([.. Traffic(1, action: "BootNotification"), .. Traffic(5), .. Traffic(3, errorAt: "m2")]), 40);
        steps.Select(s => s.Name).ShouldBe([
            "DERSIM-E-1 → BootNotification ✓",
            "DERSIM-E-1 → MeterValues ✓ ×6",
            "DERSIM-E-1 → MeterValues ✗ InternalError",
            "DERSIM-E-1 → MeterValues ✓",
        ]);
        steps[2].Status.ShouldBe(ScenarioStatus.Failed);
        steps[2].Detail!.ShouldStartWith("answered InternalError: [4,");
        steps.ShouldAllBe(s => !s.KeptWhenNotFailed, "a passing scenario's page leaves its OCPP sub-steps out");
    }

    [Test]
    public void Sub_steps_beyond_the_maximum_are_counted()
    {
        var frames = Renumbered([.. Traffic(2, action: "Authorize"), .. Traffic(2, action: "BootNotification"), .. Traffic(2, action: "Heartbeat"), .. Traffic(4, action: "StatusNotification")]);
        // Alternating actions never collapse: A, B, A, B ...
        var alternating = Renumbered([.. Enumerable.Range(0, 6).SelectMany(i => Traffic(1, action: i % 2 == 0 ? "Authorize" : "Heartbeat"))]);
        TrafficSubSteps.Of(alternating, 4).Select(s => s.Name).ShouldBe([
            "DERSIM-E-1 → Authorize ✓", "DERSIM-E-1 → Heartbeat ✓", "DERSIM-E-1 → Authorize ✓", "DERSIM-E-1 → Heartbeat ✓",
            "… 2 more OCPP exchanges (see the scenario's traffic)",
        ]);
        TrafficSubSteps.Of(frames, 40).Count.ShouldBe(4);
    }

    [Test]
    public void The_scenario_page_beside_the_report_links_its_files_and_shows_its_charts()
    {
        var html = TrafficIndexPage.Html("Boot <1.6> & more", [("OCPP traffic as NDJSON", "Boot_1.6.ndjson"), ("EVSE profile", "Boot 1.6.profile-X.json")], [("Power and SoC of X", "Boot_1.6.power-X.svg")]);
        var page = XDocument.Parse(html.Replace("<!DOCTYPE html>", "", StringComparison.Ordinal).Replace("<meta charset=\"utf-8\">", "<meta charset=\"utf-8\"/>", StringComparison.Ordinal).Replace("\">\n</body>", "\"/>\n</body>", StringComparison.Ordinal));
        page.Descendants("h1").Single().Value.ShouldBe("Boot <1.6> & more");
        page.Descendants("a").Select(a => a.Attribute("href")!.Value).ShouldBe(["Boot_1.6.ndjson", "Boot%201.6.profile-X.json"]);
        page.Descendants("img").Single().Attribute("src")!.Value.ShouldBe("Boot_1.6.power-X.svg");
    }

    /// <summary>The frames again with sequence numbers and message ids made unique across the concatenated pieces.</summary>
    private static IReadOnlyList<RecordedFrame> Renumbered(IReadOnlyList<RecordedFrame> frames) =>
        [.. frames.Select((f, i) => f with { Sequence = i + 1, MessageId = $"{f.Action}-{(i / 2) + 1}" })];
}
