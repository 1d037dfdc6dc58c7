using System.Text;
using System.Text.Json.Nodes;
using DerSim.Harness.Reporting.Allure;
using Microsoft.Extensions.Time.Testing;

namespace DerSim.Harness.Tests.Reporting;

/// <summary>
/// The result JSON of a passing, a failing and an outline scenario against checked-in copies, with uuids from a
/// counter, a fixed clock, host and thread, times and traces normalised. Set DERSIM_UPDATE_GOLDEN=1 to rewrite them
/// (the test then fails once so a rewrite is never silent).
/// </summary>
public sealed class AllureGoldenTests
{
    private static InMemoryAllureSink _sink = null!;

    [OneTimeSetUp]
    public static async Task RunGoldenFeature()
    {
        _sink = new InMemoryAllureSink();
        var next = 0;
        var options = new AllureWriterOptions
        {
            Clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero)),
            NewUuid = () => $"00000000-0000-0000-0000-{Interlocked.Increment(ref next):D12}",
            Host = "golden-host",
            Thread = () => "golden-thread",
        };
        await ReportingRig.RunAsync("golden", [typeof(ReportSuiteSteps)], new AllureResultsWriter(_sink, options));
    }

    [TestCase("A passing scenario", "passing.json")]
    [TestCase("A failing scenario", "failing.json")]
    [TestCase("An outline scenario with 2 kWh", "outline.json")]
    public void Result_json_matches_the_golden_file(string name, string golden)
    {
        var result = _sink.Results.Single(r => r.Name == name);
        var actual = Normalise(result);
        var path = Path.Combine(ReportingRig.SourceDirectory(), "Golden", golden);
        if (Environment.GetEnvironmentVariable("DERSIM_UPDATE_GOLDEN") == "1" || !File.Exists(path))
        {
            File.WriteAllText(path, actual);
            Assert.Fail($"wrote {path}; check it and run again without DERSIM_UPDATE_GOLDEN");
        }

        actual.ShouldBe(File.ReadAllText(path).ReplaceLineEndings("\n"));
    }

    [Test]
    public void Ids_are_stable_and_outline_rows_differ_only_in_history()
    {
        var rows = _sink.Results.Where(r => r.Name.StartsWith("An outline scenario", StringComparison.Ordinal)).ToList();
        rows.Count.ShouldBe(2);
        rows[0].HistoryId.ShouldNotBe(rows[1].HistoryId);
        _sink.Results.Select(r => r.HistoryId).Distinct().Count().ShouldBe(_sink.Results.Count);
        var passing = _sink.Results.Single(r => r.Name == "A passing scenario");
        passing.HistoryId.Length.ShouldBe(32);
        passing.Attachments.ShouldBeEmpty("the note was attached by a step, so it sits on the step");
        _sink.Files[passing.Steps[1].Attachments.Single().Source].ShouldBe(Encoding.UTF8.GetBytes("a golden note\n"));
    }

    /// <summary>The result as indented JSON with run-specific values replaced.</summary>
    private static string Normalise(AllureTestResult result)
    {
        var node = JsonNode.Parse(AllureJson.Serialize(result))!;
        Scrub(node);
        var text = node.ToJsonString(AllureJson.Options).ReplaceLineEndings("\n") + "\n";
        return text.Replace(ReportingRig.FeaturesDirectory("golden").Replace('\\', '/'), "<features>", StringComparison.Ordinal);
    }

    private static void Scrub(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var key in o.Select(p => p.Key).ToList())
                {
                    if (key is "start" or "stop")
                    {
                        o[key] = 0;
                    }
                    else if (key == "trace" && o[key] is not null)
                    {
                        o[key] = "<trace>";
                    }
                    else
                    {
                        Scrub(o[key]);
                    }
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    Scrub(item);
                }

                break;
            default:
                break;
        }
    }
}
