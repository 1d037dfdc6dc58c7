using DerSim.Gherkin.Configuration;
using DerSim.Gherkin.Features;
using DerSim.Gherkin.Model;
using DerSim.Gherkin.NUnit;

using Reqnroll.Configuration;

namespace DerSim.Gherkin.Tests.NUnit;

// The process-wide executor is shared state: keep these away from other tests that might run scenarios.
[NonParallelizable]
public sealed class GherkinNUnitTests
{
    private static ScenarioCase Scenario(string steps)
    {
        var (feature, errors) = FeatureLoader.Parse($"Feature: Glue\n  Scenario: One\n{steps}", "glue.feature", "glue.feature", "en");
        errors.ShouldBeEmpty();
        return feature!.Scenarios.Single();
    }

    [TearDown]
    public void Reset() => GherkinNUnit.ResetExecutor();

    [Test]
    public async Task UseExecutor_makes_RunAsync_and_EndRunAsync_use_it()
    {
        var executor = new StepTextExecutor();
        GherkinNUnit.UseExecutor(executor);

        await GherkinNUnit.RunAsync(Scenario("    Given a station\n"));
        await GherkinNUnit.EndRunAsync();
        await GherkinNUnit.EndRunAsync();

        executor.Runs.ShouldBe(1);
        executor.Ends.ShouldBe(1);
    }

    [Test]
    public void Without_executor_or_factory_RunAsync_says_what_to_set()
    {
        var factory = GherkinNUnit.ExecutorFactory;
        GherkinNUnit.ExecutorFactory = null;
        try
        {
            Should.Throw<InvalidOperationException>(() => GherkinNUnit.RunAsync(Scenario("    Given a station\n")))
                .Message.ShouldContain("GherkinNUnit.ExecutorFactory");
        }
        finally
        {
            GherkinNUnit.ExecutorFactory = factory;
        }
    }

    [Test]
    public async Task The_factory_gets_the_test_assembly_and_the_reqnroll_json_beside_it()
    {
        var factory = GherkinNUnit.ExecutorFactory;
        var executor = new StepTextExecutor();
        (System.Reflection.Assembly Assembly, ReqnrollConfig Config)? seen = null;
        GherkinNUnit.ExecutorFactory = (assembly, config) =>
        {
            seen = (assembly, config);
            return executor;
        };
        try
        {
            await GherkinNUnit.RunAsync(Scenario("    Given a station\n"));
            await GherkinNUnit.RunAsync(Scenario("    Given a station\n"));
        }
        finally
        {
            GherkinNUnit.ExecutorFactory = factory;
        }

        seen.ShouldNotBeNull();
        seen.Value.Assembly.ShouldBe(typeof(GherkinNUnitTests).Assembly);
        seen.Value.Config.FilePath.ShouldBe(Path.Combine(TestContext.CurrentContext.TestDirectory, "reqnroll.json"));
        seen.Value.Config.MissingOrPendingStepsOutcome.ShouldBe(MissingOrPendingStepsOutcome.Inconclusive);
        executor.Runs.ShouldBe(2);
    }

    [Test]
    public async Task Step_log_lists_every_step_with_its_status_and_the_error()
    {
        var result = await new StepTextExecutor().RunAsync(Scenario("    Given a station\n    When this step fails\n    Then nothing\n"), default);

        var log = GherkinNUnit.StepLog(result);

        log.ShouldStartWith("Glue / One (glue.feature:2): Failed\n");
        log.ShouldContain("passed       Given a station  [line 3]");
        log.ShouldContain("failed       When this step fails  [line 4]");
        log.ShouldContain("      expected 1 but was 2\n");
        log.ShouldContain("skipped      Then nothing  [line 5]\n");
    }

    [Test]
    public void A_failure_keeps_the_original_stack()
    {
        var scenario = Scenario("    Given this step fails\n");

        var e = Assert.ThrowsAsync<AssertionException>(() => GherkinNUnit.RunAsync(scenario, new StepTextExecutor(), ReqnrollConfig.Default))!;

        e.Message.ShouldStartWith("glue.feature:3: expected 1 but was 2");
        e.Message.ShouldContain(nameof(StepTextExecutor));
    }
}
