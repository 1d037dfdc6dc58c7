using DerSim.Gherkin.Features;
using DerSim.Gherkin.Glue;
using DerSim.Gherkin.Model;

namespace DerSim.Gherkin.Tests.Glue;

/// <summary>
/// The glue drives the real Reqnroll 3.3.4 runtime from parsed pickles: bindings below are ordinary Reqnroll bindings
/// (Reqnroll's attributes, table, context injection), found by Reqnroll itself in this test assembly.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ReqnrollExecutorTests
{
    private const string Feature = """"
        Feature: Glue probe
          Background:
            Given the glue probe starts at 5

          Scenario: Steps share an injected object, read a table and a doc string
            When the glue probe adds the "amount" column of
              | name | amount |
              | a    | 2      |
              | b    | 3      |
            And the glue probe adds the length of
              """
              four
              """
            Then the glue probe holds 14

          Scenario: A failed assertion fails the scenario at its line
            Then the glue probe holds 99
            And the glue probe holds 5

          Scenario: An undefined step is named with a snippet
            When the glue probe does something nobody wrote

          Scenario: A pending step is pending
            When the glue probe is pending

          Scenario: The CSMS lacks the feature
            When the glue probe is not applicable because "no smart charging"

          Scenario: The operator did not act
            When the glue probe is inconclusive because "no operator sent Reset"
            Then the glue probe holds 5

          Scenario: Custom parameter types and floats convert as DerSim's steps write them
            When the glue probe speaks OCPP 2.0.1 at 7.5 kW as station-one
            Then the glue probe holds 5

          Scenario Outline: Outline rows run with their values
            When the glue probe adds <n>
            Then the glue probe holds <total>

            Examples:
              | n | total |
              | 1 | 6     |
              | 7 | 12    |
        """";

    private readonly Dictionary<string, ScenarioResult> _results = new(StringComparer.Ordinal);
    private string _folder = null!;
    private FeatureDocument _feature = null!;

    /// <summary>Runs every scenario once on one executor, then ends the run (which writes Reqnroll's own reports).</summary>
    [OneTimeSetUp]
    public async Task RunAll()
    {
        _folder = Directory.CreateTempSubdirectory("dersim-glue-").FullName;
        var config = Path.Combine(_folder, "reqnroll.json");
        File.WriteAllText(config, $$"""
            {
              "language": { "feature": "en-US" },
              "runtime": { "missingOrPendingStepsOutcome": "Inconclusive" },
              "formatters": {
                "message": { "outputFilePath": "{{Path.Combine(_folder, "cucumber.ndjson")}}" },
                "html": { "outputFilePath": "{{Path.Combine(_folder, "cucumber.html")}}" }
              }
            }
            """);
        var (feature, errors) = FeatureLoader.Parse(Feature, "glue/probe.feature", "glue/probe.feature", "en");
        errors.ShouldBeEmpty();
        _feature = feature!;
        using var executor = new ReqnrollExecutor(typeof(ReqnrollExecutorTests).Assembly, config);

        // Three at a time, as `dersim run --parallel 3` would: each gets a test runner (thread) of its own.
        using var gate = new SemaphoreSlim(3);
        var runs = _feature.Scenarios.Select(async scenario =>
        {
            await gate.WaitAsync();
            try
            {
                return await Task.Run(() => executor.RunAsync(scenario, CancellationToken.None));
            }
            finally
            {
                gate.Release();
            }
        });
        foreach (var result in await Task.WhenAll(runs))
        {
            _results[result.Scenario.TestName] = result;
        }

        await executor.EndRunAsync();
    }

    [OneTimeTearDown]
    public void TearDown() => Directory.Delete(_folder, recursive: true);

    private Task<ScenarioResult> Run(string title) => Task.FromResult(_results.Values.First(r => r.Scenario.Title.StartsWith(title, StringComparison.Ordinal)));

    [Test]
    public void The_cucumber_messages_name_every_scenario_and_the_html_report_carries_them()
    {
        var envelopes = File.ReadAllLines(Path.Combine(_folder, "cucumber.ndjson")).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement).ToList();
        var pickles = envelopes.Where(e => e.TryGetProperty("pickle", out _)).Select(e => e.GetProperty("pickle").GetProperty("name").GetString()).ToList();
        pickles.Count.ShouldBe(_feature.Scenarios.Count);
        foreach (var scenario in _feature.Scenarios)
        {
            pickles.ShouldContain(scenario.Title);
        }

        envelopes.Count(e => e.TryGetProperty("testCaseFinished", out _)).ShouldBe(_feature.Scenarios.Count);
        var html = File.ReadAllText(Path.Combine(_folder, "cucumber.html"));
        html.ShouldContain("A failed assertion fails the scenario at its line");
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task The_cucumber_html_report_opens_in_chromium_and_shows_the_scenarios()
    {
        await using var browser = await DerSim.Harness.Tests.Reporting.HeadlessChromium.StartAsync();
        await browser.NavigateAsync(new Uri(Path.Combine(_folder, "cucumber.html")).AbsoluteUri);
        var text = await browser.WaitForTextAsync(
            t => t.Contains("Glue probe", StringComparison.Ordinal) && t.Contains("Steps share an injected object", StringComparison.Ordinal),
            "the feature and its scenarios");
        text.ShouldContain("A failed assertion fails the scenario at its line");
    }

    [Test]
    public void Scenarios_ran_in_parallel_each_with_its_own_injected_state()
    {
        GlueProbeSteps.MostAtOnce.ShouldBeGreaterThanOrEqualTo(2);
    }

    [Test]
    public async Task A_passing_scenario_runs_background_table_doc_string_and_injection()
    {
        var result = await Run("Steps share");
        result.Status.ShouldBe(ScenarioStatus.Passed, result.Message);
        result.Steps.Select(s => s.Status).ShouldAllBe(s => s == ScenarioStatus.Passed);
        result.Steps.Count.ShouldBe(4);
    }

    [Test]
    public async Task A_failed_assertion_fails_at_the_step_line_and_skips_the_rest()
    {
        var result = await Run("A failed assertion");
        result.Status.ShouldBe(ScenarioStatus.Failed);
        result.Message.ShouldStartWith("glue/probe.feature:17: Then the glue probe holds 99 failed:");
        result.Steps.Select(s => s.Status).ShouldBe([ScenarioStatus.Passed, ScenarioStatus.Failed, ScenarioStatus.Skipped]);
    }

    [Test]
    public async Task An_undefined_step_is_undefined_with_a_snippet()
    {
        var result = await Run("An undefined step");
        result.Status.ShouldBe(ScenarioStatus.Undefined, result.Message);
        result.Message.ShouldContain("glue/probe.feature:21:");
        result.Message.ShouldContain("[When(\"the glue probe does something nobody wrote\")]");
    }

    [Test]
    public async Task A_pending_step_is_pending()
    {
        var result = await Run("A pending step");
        result.Status.ShouldBe(ScenarioStatus.Pending, result.Message);
    }

    [Test]
    public async Task Not_applicable_is_its_own_verdict()
    {
        var result = await Run("The CSMS lacks");
        result.Status.ShouldBe(ScenarioStatus.NotApplicable, result.Message);
        result.Message.ShouldContain("no smart charging");
    }

    [Test]
    public async Task Inconclusive_is_its_own_verdict_and_skips_the_rest()
    {
        var result = await Run("The operator did not act");
        result.Status.ShouldBe(ScenarioStatus.Inconclusive, result.Message);
        result.Message.ShouldContain("inconclusive: no operator sent Reset");
        result.Steps.Select(s => s.Status).TakeLast(2).ShouldBe([ScenarioStatus.Inconclusive, ScenarioStatus.Skipped]);
    }

    [Test]
    public async Task Custom_parameter_types_and_floats_convert()
    {
        var result = await Run("Custom parameter types");
        result.Status.ShouldBe(ScenarioStatus.Passed, result.Message);
        GlueProbeSteps.LastSpoken.ShouldBe("2.0.1 7.5 station-one");
    }

    [Test]
    public void Outline_rows_run_with_their_values()
    {
        var rows = _feature.Scenarios.Where(s => s.Title.StartsWith("Outline rows", StringComparison.Ordinal)).ToList();
        rows.Count.ShouldBe(2);
        foreach (var row in rows)
        {
            var result = _results[row.TestName];
            result.Status.ShouldBe(ScenarioStatus.Passed, result.Message);
        }
    }
}

/// <summary>A plain object Reqnroll injects into every binding of a scenario.</summary>
public sealed class GlueProbeState
{
    public int Total { get; set; }
}

/// <summary>Ordinary Reqnroll bindings for the glue test.</summary>
[Reqnroll.Binding]
public sealed class GlueProbeSteps(GlueProbeState state, Reqnroll.ScenarioContext scenario)
{
    private static int running;
    private static int mostAtOnce;

    /// <summary>The most background steps that were running at the same moment.</summary>
    public static int MostAtOnce => Volatile.Read(ref mostAtOnce);

    [Reqnroll.Given("the glue probe starts at {int}")]
    public async Task Start(int value)
    {
        var now = Interlocked.Increment(ref running);
        InterlockedMax(now);
        await Task.Delay(100);
        Interlocked.Decrement(ref running);
        state.Total = value;
    }

    private static void InterlockedMax(int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref mostAtOnce)) && Interlocked.CompareExchange(ref mostAtOnce, value, seen) != seen)
        {
        }
    }

    [Reqnroll.When("the glue probe adds the {string} column of")]
    public void AddColumn(string column, Reqnroll.Table table) => state.Total += table.Rows.Sum(r => int.Parse(r[column], System.Globalization.CultureInfo.InvariantCulture));

    [Reqnroll.When("the glue probe adds the length of")]
    public void AddLength(string text) => state.Total += text.Length;

    [Reqnroll.When("the glue probe adds {int}")]
    public void Add(int value) => state.Total += value;

    [Reqnroll.Then("the glue probe holds {int}")]
    public void Holds(int value) => state.Total.ShouldBe(value);

    /// <summary>What the custom-type step last received.</summary>
    public static string? LastSpoken { get; private set; }

    // Written as DerSim's StationSteps writes {ocppVersion}, with the regex in a group: Reqnroll passes a transformation
    // its regex's capture groups, so an ungrouped alternation would get no argument ("Parameter count mismatch"). Its
    // own name: parameter type names are global to a run, and DerSim's steps join the runs of this test assembly.
    [Reqnroll.StepArgumentTransformation(@"(1\.6J?|2\.0\.1|2\.1)", Name = "probeVersion")]
    public Version OcppVersion(string text) => Version.Parse(text.TrimEnd('J'));

    [Reqnroll.When("the glue probe speaks OCPP {probeVersion} at {float} kW as {word}")]
    public void Speaks(Version version, double kilowatts, string station) =>
        LastSpoken = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{version} {kilowatts} {station}");

    [Reqnroll.When("the glue probe is pending")]
    public void IsPending() => throw new Reqnroll.PendingStepException();

    [Reqnroll.When("the glue probe is not applicable because {string}")]
    public void NotApplicable(string reason) => scenario.NotApplicable(reason);

    [Reqnroll.When("the glue probe is inconclusive because {string}")]
    public void Inconclusive(string reason) => scenario.Inconclusive(reason);
}
