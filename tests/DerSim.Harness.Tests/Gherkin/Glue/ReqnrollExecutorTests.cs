using DerSim.Harness.Gherkin.Features;
using DerSim.Harness.Gherkin.Glue;
using DerSim.Harness.Gherkin.Model;

namespace DerSim.Harness.Tests.Gherkin.Glue;

/// <summary>
/// The glue drives the real Reqnroll 3.3.4 runtime from parsed pickles: bindings below are ordinary Reqnroll bindings
/// (Reqnroll's attributes, table, context injection), found by Reqnroll itself in this test assembly.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ReqnrollExecutorTests : IDisposable
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

          Scenario Outline: Outline rows run with their values
            When the glue probe adds <n>
            Then the glue probe holds <total>

            Examples:
              | n | total |
              | 1 | 6     |
              | 7 | 12    |
        """";

    private ReqnrollExecutor _executor = null!;
    private string _config = null!;
    private FeatureDocument _feature = null!;

    [OneTimeSetUp]
    public void SetUp()
    {
        _config = Path.Combine(Path.GetTempPath(), $"dersim-glue-{Guid.NewGuid():N}.json");
        File.WriteAllText(_config, """{ "language": { "feature": "en-US" }, "runtime": { "missingOrPendingStepsOutcome": "Inconclusive" } }""");
        _executor = new ReqnrollExecutor(typeof(ReqnrollExecutorTests).Assembly, _config);
        var (feature, errors) = FeatureLoader.Parse(Feature, "glue/probe.feature", "glue/probe.feature", "en");
        errors.ShouldBeEmpty();
        _feature = feature!;
    }

    [OneTimeTearDown]
    public async Task TearDown()
    {
        await _executor.EndRunAsync();
        File.Delete(_config);
    }

    public void Dispose() => _executor?.Dispose();

    private Task<ScenarioResult> Run(string title) => _executor.RunAsync(_feature.Scenarios.First(s => s.Title.StartsWith(title, StringComparison.Ordinal)), CancellationToken.None);

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
    public async Task Outline_rows_run_with_their_values()
    {
        var rows = _feature.Scenarios.Where(s => s.Title.StartsWith("Outline rows", StringComparison.Ordinal)).ToList();
        rows.Count.ShouldBe(2);
        foreach (var row in rows)
        {
            var result = await _executor.RunAsync(row, CancellationToken.None);
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
    [Reqnroll.Given("the glue probe starts at {int}")]
    public void Start(int value) => state.Total = value;

    [Reqnroll.When("the glue probe adds the {string} column of")]
    public void AddColumn(string column, Reqnroll.Table table) => state.Total += table.Rows.Sum(r => int.Parse(r[column], System.Globalization.CultureInfo.InvariantCulture));

    [Reqnroll.When("the glue probe adds the length of")]
    public void AddLength(string text) => state.Total += text.Length;

    [Reqnroll.When("the glue probe adds {int}")]
    public void Add(int value) => state.Total += value;

    [Reqnroll.Then("the glue probe holds {int}")]
    public void Holds(int value) => state.Total.ShouldBe(value);

    [Reqnroll.When("the glue probe is pending")]
    public void IsPending() => throw new Reqnroll.PendingStepException();

    [Reqnroll.When("the glue probe is not applicable because {string}")]
    public void NotApplicable(string reason) => scenario.NotApplicable(reason);
}
