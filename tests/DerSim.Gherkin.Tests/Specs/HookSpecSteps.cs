using Reqnroll;
using Reqnroll.Assist;

namespace DerSim.Gherkin.Tests.Specs;

/// <summary>What the hooks and steps of one scenario did, in order.</summary>
public sealed class SpecHookLog
{
    public List<string> Entries { get; } = [];
}

[Binding]
public sealed class HookSpecSteps(SpecHookLog log, FeatureContext feature)
{
    private const string FeatureRuns = "spec.before-feature-runs";

    [BeforeFeature("hooks")]
    public static void CountFeatureStarts(FeatureContext featureContext)
    {
        featureContext.Set(featureContext.TryGetValue<int>(FeatureRuns, out var runs) ? runs + 1 : 1, FeatureRuns);
    }

    [BeforeScenario("hooks", Order = 1)]
    public void First() => log.Entries.Add("BeforeScenario order 1");

    [BeforeScenario("hooks")]
    public void Default() => log.Entries.Add("BeforeScenario default");

    [BeforeScenario("with-tag-hook")]
    public void Tagged() => log.Entries.Add("tag hook");

    [BeforeStep("hooks")]
    public void BeforeStep() => log.Entries.Add("BeforeStep");

    [AfterStep("hooks")]
    public void AfterStep() => log.Entries.Add("AfterStep");

    [StepDefinition("a step runs")]
    public void AStep() => log.Entries.Add("step");

    [Then("the hooks so far were:")]
    public void HooksWere(DataTable table) =>
        log.Entries.ShouldBe([.. table.Rows.Select(r => r["hook"])]);

    [Then("the tag hook ran")]
    public void TagHookRan() => log.Entries.ShouldContain("tag hook");

    [Then("the feature hook ran once before this scenario")]
    public void FeatureHookRan() => feature.Get<int>(FeatureRuns).ShouldBe(1);
}
