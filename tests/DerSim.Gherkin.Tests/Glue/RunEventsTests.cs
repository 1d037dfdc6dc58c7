using System.Collections.Concurrent;
using DerSim.Gherkin.Features;
using DerSim.Gherkin.Glue;
using DerSim.Gherkin.Model;
using Reqnroll.Bindings;

namespace DerSim.Gherkin.Tests.Glue;

/// <summary>
/// What reporters hear from a run on Reqnroll: the run, feature, scenario and step events in order, and Reqnroll's own
/// hook events (its execution-event publisher) naming the hook and the scenario it ran for, a failing hook included.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class RunEventsTests
{
    private const string Feature = """
        @hook-probe
        Feature: Hook probe
          Scenario: Hooks around two steps
            Given the hook probe step runs
            And the hook probe step runs

          @hook-probe-breaks
          Scenario: A BeforeScenario hook that throws breaks the scenario
            Given the hook probe step runs
        """;

    [Test]
    public async Task Listeners_hear_the_run_its_steps_and_reqnrolls_hooks_with_their_scenario()
    {
        var folder = Directory.CreateTempSubdirectory("dersim-events-").FullName;
        try
        {
            var config = Path.Combine(folder, "reqnroll.json");
            await File.WriteAllTextAsync(config, """{ "language": { "feature": "en-US" } }""");
            var (feature, errors) = FeatureLoader.Parse(Feature, "hooks.feature", "hooks.feature", "en");
            errors.ShouldBeEmpty();
            var heard = new Heard();
            using var executor = new ReqnrollExecutor(typeof(RunEventsTests).Assembly, config) { Listeners = [heard] };
            var passing = await executor.RunAsync(feature!.Scenarios[0], CancellationToken.None);
            var broken = await executor.RunAsync(feature.Scenarios[1], CancellationToken.None);
            await executor.EndRunAsync();

            passing.Status.ShouldBe(ScenarioStatus.Passed, passing.Message);
            broken.Status.ShouldBe(ScenarioStatus.Broken, broken.Message);
            broken.Message.ShouldContain("the hook probe's BeforeScenario broke on purpose");
            heard.Events[0].ShouldBe("run started");
            heard.Events[^1].ShouldBe("run finished");
            var first = heard.Events.SkipWhile(e => !e.StartsWith("scenario started Hooks around", StringComparison.Ordinal)).TakeWhile(e => !e.StartsWith("scenario finished", StringComparison.Ordinal)).ToList();
            first.ShouldBe(
            [
                "scenario started Hooks around two steps",
                "hook BeforeScenario HookProbeSteps.Before Passed for Hooks around two steps",
                "step started the hook probe step runs",
                "hook AfterStep HookProbeSteps.AfterEachStep Passed for Hooks around two steps",
                "step finished the hook probe step runs Passed by HookProbeSteps.Step with after-step.txt",
                "step started the hook probe step runs",
                "hook AfterStep HookProbeSteps.AfterEachStep Passed for Hooks around two steps",
                "step finished the hook probe step runs Passed by HookProbeSteps.Step with after-step.txt",
            ]);
            heard.Events.ShouldContain("hook BeforeScenario HookProbeSteps.Breaks Broken for A BeforeScenario hook that throws breaks the scenario");
            heard.Events.ShouldContain("scenario finished A BeforeScenario hook that throws breaks the scenario Broken");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed class Heard : IGherkinRunListener
    {
        private readonly ConcurrentQueue<string> _events = new();

        public IReadOnlyList<string> Events => [.. _events];

        public void RunStarted(RunStartedEvent e) => _events.Enqueue("run started");

        public void RunFinished(RunFinishedEvent e) => _events.Enqueue("run finished");

        public void ScenarioStarted(ScenarioStartedEvent e) => _events.Enqueue($"scenario started {e.Scenario.Title}");

        public void ScenarioFinished(ScenarioFinishedEvent e) => _events.Enqueue($"scenario finished {e.Result.Scenario.Title} {e.Result.Status}");

        public void StepStarted(StepStartedEvent e) => _events.Enqueue($"step started {e.Step.Text}");

        // What an AfterStep hook attaches belongs to its step (Reqnroll's own StepFinished event comes before those hooks).
        public void StepFinished(StepFinishedEvent e) =>
            _events.Enqueue($"step finished {e.Result.Step.Text} {e.Result.Status} by {e.Result.Binding} with {string.Join(", ", e.Attachments.Select(a => a.Name))}");

        public void HookFinished(HookFinishedEvent e)
        {
            if (e.HookType is HookType.BeforeScenario or HookType.AfterStep)
            {
                _events.Enqueue($"hook {e.HookType} {e.Method} {e.Status} for {e.Scenario?.Title}");
            }
        }
    }
}

/// <summary>The hook probe's bindings: tagged hooks, so no other run of this assembly sees them.</summary>
[Reqnroll.Binding]
public sealed class HookProbeSteps
{
    [Reqnroll.BeforeScenario("hook-probe")]
    public static void Before()
    {
    }

    [Reqnroll.BeforeScenario("hook-probe-breaks")]
    public static void Breaks() => throw new InvalidOperationException("the hook probe's BeforeScenario broke on purpose");

    [Reqnroll.AfterStep("hook-probe")]
    public static void AfterEachStep(Reqnroll.ScenarioContext scenario) => scenario.AddAttachment("after-step.txt", "text/plain", [1]);

    [Reqnroll.Given("the hook probe step runs")]
    public static void Step()
    {
    }
}
