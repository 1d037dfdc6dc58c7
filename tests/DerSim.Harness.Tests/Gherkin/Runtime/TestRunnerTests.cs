using DerSim.Harness.Gherkin;
using DerSim.Harness.Gherkin.Model;
using DerSim.Harness.Gherkin.Runtime;

namespace DerSim.Harness.Tests.Gherkin.Runtime;

[NonParallelizable]
public sealed class TestRunnerTests
{
    private TestRunner _runner = null!;

    [SetUp]
    public void SetUp()
    {
        Calls.Clear();
        _runner = TestRunner.Create(BindingRegistry.Discover([typeof(RtSteps), typeof(RtHooks)]), new GherkinRunOptions { Log = TextWriter.Null });
    }

    [TearDown]
    public void TearDown() => _runner.Dispose();

    [Test]
    public async Task Hooks_and_steps_run_in_Reqnroll_order()
    {
        var feature = Scenarios.Feature("rt feature", ["rt"], [("one", [], ["Given rt the EV has 5 kWh"]), ("two", [], ["Given rt the EV has 6 kWh"])]);
        var first = await _runner.RunAsync(feature.Scenarios[0], CancellationToken.None);
        var second = await _runner.RunAsync(feature.Scenarios[1], CancellationToken.None);
        await _runner.EndRunAsync();

        first.Status.ShouldBe(ScenarioStatus.Passed, first.Message);
        second.Status.ShouldBe(ScenarioStatus.Passed, second.Message);
        var calls = Calls.All.Select(c => c.Contains("driver", StringComparison.Ordinal) ? c[..c.IndexOf(" driver", StringComparison.Ordinal)] : c).ToList();
        calls.ShouldBe(
        [
            "before run True", "before feature rt feature",
            "before scenario 10 one", "before scenario 20", "before step rt the EV has 5 kWh", "step given 5", "after step Passed", "after scenario Passed", "dispose",
            "before scenario 10 two", "before scenario 20", "before step rt the EV has 6 kWh", "step given 6", "after step Passed", "after scenario Passed", "dispose",
            "after feature rt feature", "after run",
        ]);
    }

    [Test]
    public async Task Binding_instances_are_shared_within_a_scenario_new_per_scenario_and_disposed_after_it()
    {
        var feature = Scenarios.Feature("rt feature", ["rt"], [
            ("one", [], ["Given rt the EV has 5 kWh", "When rt the EV charges 3 kWh more", "Then rt the EV has 8 kWh in total"]),
            ("two", [], ["Given rt the EV has 1 kWh"]),
        ]);
        (await _runner.RunAsync(feature.Scenarios[0], CancellationToken.None)).Status.ShouldBe(ScenarioStatus.Passed);
        (await _runner.RunAsync(feature.Scenarios[1], CancellationToken.None)).Status.ShouldBe(ScenarioStatus.Passed);

        var drivers = Calls.All.Where(c => c.StartsWith("step", StringComparison.Ordinal)).Select(c => c[(c.LastIndexOf(' ') + 1)..]).ToList();
        drivers.Count.ShouldBe(4);
        drivers.Take(3).Distinct().Count().ShouldBe(1, "one driver for the scenario's steps and hooks");
        drivers[3].ShouldNotBe(drivers[0]);
        var disposals = Calls.All.Where(c => c.StartsWith("dispose", StringComparison.Ordinal)).ToList();
        disposals.ShouldBe([$"dispose driver {drivers[0]}", $"dispose driver {drivers[3]}"]);
        Calls.All.ToList().IndexOf($"dispose driver {drivers[0]}").ShouldBeGreaterThan(Calls.All.ToList().FindIndex(c => c.StartsWith("after scenario", StringComparison.Ordinal)));
    }

    [Test]
    public async Task After_a_failure_the_rest_is_skipped_and_after_hooks_still_run()
    {
        var result = await Run("Given rt the EV has 5 kWh", "Then rt the EV has 9 kWh in total", "When rt the EV charges 1 kWh more");
        result.Status.ShouldBe(ScenarioStatus.Failed);
        result.Steps.Select(s => s.Status).ShouldBe([ScenarioStatus.Passed, ScenarioStatus.Failed, ScenarioStatus.Skipped]);
        result.Message.ShouldStartWith("features/rt.feature:5: Then rt the EV has 9 kWh in total failed: ");
        result.Message.ShouldContain("9");
        Calls.All.ShouldContain("after scenario Failed");
        Calls.All.ShouldNotContain(c => c.StartsWith("step when", StringComparison.Ordinal));
    }

    [Test]
    public async Task A_binding_that_throws_while_disposed_breaks_its_scenario_and_the_next_one_runs()
    {
        var feature = Scenarios.Feature("rt feature", ["rt"], [
            ("one", [], ["Given rt the driver breaks when disposed", "Given rt the EV has 5 kWh"]),
            ("two", [], ["Given rt the EV has 1 kWh"]),
        ]);

        var first = await _runner.RunAsync(feature.Scenarios[0], CancellationToken.None);
        var second = await _runner.RunAsync(feature.Scenarios[1], CancellationToken.None);

        first.Status.ShouldBe(ScenarioStatus.Broken);
        first.Message.ShouldContain("disposing the scenario's objects failed");
        first.Message.ShouldContain("broke while disposing");
        first.Steps.Select(s => s.Status).ShouldAllBe(s => s == ScenarioStatus.Passed);
        second.Status.ShouldBe(ScenarioStatus.Passed, second.Message);
    }

    [Test]
    public async Task Other_exceptions_are_broken_nunit_assertions_failed()
    {
        (await Run("Then rt it breaks")).Status.ShouldBe(ScenarioStatus.Broken);
        (await Run("Then rt it breaks")).Message.ShouldContain("InvalidOperationException: rt boom");
        (await Run("Then rt the NUnit assertion fails")).Status.ShouldBe(ScenarioStatus.Failed);
    }

    [Test]
    public async Task Pending_and_not_applicable()
    {
        var pending = await Run("Then rt it is pending", "Given rt the EV has 1 kWh");
        pending.Status.ShouldBe(ScenarioStatus.Pending);
        pending.Steps[1].Status.ShouldBe(ScenarioStatus.Skipped);
        var notApplicable = await Run("Then rt it does not apply");
        notApplicable.Status.ShouldBe(ScenarioStatus.NotApplicable);
        notApplicable.Message.ShouldContain("rt only for 2.1");
    }

    [Test]
    public async Task An_undefined_step_gives_a_snippet_and_later_undefined_steps_are_reported_too()
    {
        var result = await Run("Given rt nothing defines this", "Given rt the EV has 1 kWh", "When rt nor this");
        result.Status.ShouldBe(ScenarioStatus.Undefined);
        result.Steps.Select(s => s.Status).ShouldBe([ScenarioStatus.Undefined, ScenarioStatus.Skipped, ScenarioStatus.Undefined]);
        result.Message.ShouldStartWith("features/rt.feature:4: Given rt nothing defines this is undefined");
        result.Message.ShouldContain("[Given(\"rt nothing defines this\")]");
        result.Message.ShouldContain("features/rt.feature:6: ");
        result.Message.ShouldContain("[When(");
    }

    [Test]
    public async Task With_stopAtFirstError_later_steps_are_not_matched()
    {
        _runner.Dispose();
        _runner = TestRunner.Create(BindingRegistry.Discover([typeof(RtSteps)]), new GherkinRunOptions { StopAtFirstError = true });
        var result = await Run("Then rt it breaks", "When rt nor this");
        result.Steps[1].Status.ShouldBe(ScenarioStatus.Skipped);
        result.Message.ShouldNotContain("nor this");
    }

    [Test]
    public async Task An_ambiguous_step_names_both_bindings()
    {
        var result = await Run("Given rt the same step");
        result.Status.ShouldBe(ScenarioStatus.Ambiguous);
        result.Message.ShouldContain("features/rt.feature:4: ");
        result.Message.ShouldContain("RtSteps.Same1()");
        result.Message.ShouldContain("RtSteps.Same2()");
    }

    [Test]
    public async Task Tables_doc_strings_derived_names_and_step_context_reach_the_step()
    {
        var scenario = Scenarios.One("Given rt a table") with
        {
            Steps =
            [
                Scenarios.Step("Given rt a table", table: [["name", "kw"], ["CP-1", "11"], ["CP-2", "22"]]),
                Scenarios.Step("Given rt a doc string", docString: "line 1\nline 2"),
                Scenarios.Step("Given rt the station 'CP-9' has 3 connectors"),
                Scenarios.Step("When rt the step context is read"),
            ],
        };
        var result = await _runner.RunAsync(scenario, CancellationToken.None);
        result.Status.ShouldBe(ScenarioStatus.Passed, result.Message);
        Calls.All.ShouldContain("table 2 CP-1");
        Calls.All.ShouldContain("doc line 1\nline 2");
        Calls.All.ShouldContain("derived CP-9 3");
        Calls.All.ShouldContain("step context rt the step context is read");
    }

    [Test]
    public async Task Binding_errors_break_the_first_scenario_only()
    {
        _runner.Dispose();
        _runner = TestRunner.Create(BindingRegistry.Discover([typeof(RtBrokenBindings<int>)]), new GherkinRunOptions());
        var scenario = Scenarios.Feature("f", [], [("s", ["rt-broken"], ["Given rt fine"])]).Scenarios[0];
        var first = await _runner.RunAsync(scenario, CancellationToken.None);
        first.Status.ShouldBe(ScenarioStatus.Broken);
        first.Message.ShouldContain("NotStatic");
        first.Message.ShouldContain("BadRegex");
        (await _runner.RunAsync(scenario, CancellationToken.None)).Status.ShouldBe(ScenarioStatus.Passed);
    }

    [Test]
    public async Task A_filtered_run_still_gets_its_AfterFeature_hooks_at_the_end()
    {
        var feature = Scenarios.Feature("rt feature", ["rt"], [("one", [], ["Given rt the EV has 5 kWh"]), ("not run", [], ["Given rt the EV has 6 kWh"])]);
        await _runner.RunAsync(feature.Scenarios[0], CancellationToken.None);
        Calls.All.ShouldNotContain("after feature rt feature");
        await _runner.EndRunAsync();
        Calls.All.TakeLast(2).ShouldBe(["after feature rt feature", "after run"]);
    }

    [Test]
    public async Task Listeners_get_every_event_with_attachments_and_a_throwing_listener_changes_nothing()
    {
        var recorder = new RecordingListener();
        var log = new StringWriter();
        _runner.Dispose();
        _runner = TestRunner.Create(BindingRegistry.Discover([typeof(RtSteps), typeof(RtHooks)]), new GherkinRunOptions { Listeners = [new ThrowingListener()], Log = log });
        _runner.AddListener(recorder);
        var scenario = Scenarios.One("Given rt a table") with
        {
            Steps = [Scenarios.Step("Given rt a table", table: [["name"], ["CP-1"]]), Scenarios.Step("Then rt it breaks")],
        };
        var result = await _runner.RunAsync(scenario, CancellationToken.None);
        await _runner.EndRunAsync();

        result.Status.ShouldBe(ScenarioStatus.Broken);
        log.ToString().ShouldContain("ThrowingListener threw in ScenarioStarted");
        recorder.Events.Where(e => !e.StartsWith("hook", StringComparison.Ordinal)).ShouldBe(
        [
            "run started", "feature started rt feature", "scenario started rt scenario",
            "step started rt a table", "step finished Passed attachments table.txt parameters rows=1",
            "step started rt it breaks", "step finished Broken attachments  parameters ",
            "scenario finished Broken", "feature finished rt feature", "run finished",
        ]);
        recorder.Events.ShouldContain("hook finished BeforeScenario RtHooks.BeforeScenarioLate() Passed");
    }

    [Test]
    public async Task A_binding_whose_injected_object_throws_on_construction_fails_with_that_exception()
    {
        using var runner = TestRunner.Create(BindingRegistry.Discover([typeof(RtUnbuildableSteps)]), new GherkinRunOptions { Log = TextWriter.Null });

        var result = await runner.RunAsync(Scenarios.One("Given rt a step whose driver cannot be built"), CancellationToken.None);

        result.Status.ShouldBe(ScenarioStatus.Broken);
        result.Message.ShouldContain("InvalidOperationException: rt the driver's configuration is wrong");
        result.Message.ShouldNotContain("TargetInvocationException");
    }

    [Binding]
    public sealed class RtUnbuildableSteps(RtUnbuildableDriver driver)
    {
        [Given("rt a step whose driver cannot be built")]
        public void Step() => GC.KeepAlive(driver);
    }

    public sealed class RtUnbuildableDriver
    {
        public RtUnbuildableDriver() => throw new InvalidOperationException("rt the driver's configuration is wrong");
    }

    private async Task<ScenarioResult> Run(params string[] steps) => await _runner.RunAsync(Scenarios.One(steps), CancellationToken.None);

    private sealed class ThrowingListener : IGherkinRunListener
    {
        public void ScenarioStarted(ScenarioStartedEvent e) => throw new InvalidOperationException("listener bug");
    }

    private sealed class RecordingListener : IGherkinRunListener
    {
        public List<string> Events { get; } = [];

        public void RunStarted(RunStartedEvent e) => Events.Add("run started");

        public void RunFinished(RunFinishedEvent e) => Events.Add("run finished");

        public void FeatureStarted(FeatureStartedEvent e) => Events.Add($"feature started {e.Info.Title}");

        public void FeatureFinished(FeatureFinishedEvent e) => Events.Add($"feature finished {e.Info.Title}");

        public void ScenarioStarted(ScenarioStartedEvent e) => Events.Add($"scenario started {e.Context.ScenarioInfo.Title}");

        public void ScenarioFinished(ScenarioFinishedEvent e) => Events.Add($"scenario finished {e.Result.Status}");

        public void StepStarted(StepStartedEvent e) => Events.Add($"step started {e.Step.Text}");

        public void StepFinished(StepFinishedEvent e) =>
            Events.Add($"step finished {e.Result.Status} attachments {string.Join(",", e.Attachments.Select(a => a.Name))} parameters {string.Join(",", e.Parameters.Select(p => p.Name + "=" + p.Value))}");

        public void HookFinished(HookFinishedEvent e) => Events.Add($"hook finished {e.HookType} {e.Method} {e.Status}");
    }
}
