using DerSim.Gherkin.Model;
using DerSim.Harness.Suite;
using DerSim.Gherkin.Tests.Runtime;

namespace DerSim.Harness.Tests.Suite;

public sealed class SuiteRunnerTests
{
    /// <summary>Passes every scenario but the one named "crash", for which it throws as a runner bug would.</summary>
    private sealed class CrashingExecutor : IScenarioExecutor
    {
        public bool Ended { get; private set; }

        public Task<ScenarioResult> RunAsync(ScenarioCase scenario, CancellationToken ct) =>
            scenario.Title == "crash"
                ? throw new InvalidOperationException("the executor fell over")
                : Task.FromResult(new ScenarioResult(scenario, ScenarioStatus.Passed, TimeSpan.Zero, null, "", []));

        public Task EndRunAsync()
        {
            Ended = true;
            return Task.CompletedTask;
        }
    }

    [Test]
    public async Task A_scenario_whose_run_throws_is_broken_and_the_suite_runs_on()
    {
        var feature = Scenarios.Feature("suite feature", [], [("before", [], ["Given x"]), ("crash", [], ["Given x"]), ("after", [], ["Given x"])]);
        var executor = new CrashingExecutor();
        using var progress = new StringWriter();

        var outcome = await new SuiteRunner(executor, progress, parallelism: 1).RunAsync(feature.Scenarios, CancellationToken.None);

        outcome.Results.Select(r => (r.Scenario.Title, r.Status)).ShouldBe([
            ("before", ScenarioStatus.Passed), ("crash", ScenarioStatus.Broken), ("after", ScenarioStatus.Passed),
        ]);
        outcome.Results[1].Message.ShouldContain("the runner failed: InvalidOperationException: the executor fell over");
        progress.ToString().ShouldContain("ERROR", Case.Sensitive);
        executor.Ended.ShouldBeTrue();
    }
}
