using DerSim.Gherkin.Configuration;
using DerSim.Gherkin.Model;
using DerSim.Gherkin.NUnit;

using Reqnroll.Configuration;

namespace DerSim.Gherkin.Tests.NUnit;

/// <summary>
/// The glue as a user would write it, run by the real NUnit runner over Features/nunit. Scenarios tagged
/// @expect-* must produce that NUnit outcome, which this method checks, so the suite stays green while every mapping
/// runs for real; untagged scenarios simply pass.
/// </summary>
public sealed class GherkinNUnitFixture
{
    private static readonly StepTextExecutor Executor = new();

    [GherkinScenarios("Features/nunit")]
    public async Task Run(ScenarioCase scenario)
    {
        var config = ReqnrollConfig.Default with
        {
            MissingOrPendingStepsOutcome = scenario.Tags.Contains("outcome-ignore") ? MissingOrPendingStepsOutcome.Ignore
                : scenario.Tags.Contains("outcome-error") ? MissingOrPendingStepsOutcome.Error
                : MissingOrPendingStepsOutcome.Pending,
        };
        var expected = scenario.Tags.SingleOrDefault(t => t.StartsWith("expect-", StringComparison.Ordinal));
        Task Act() => GherkinNUnit.RunAsync(scenario, Executor, config);
        var where = $"{scenario.Feature.Path}:";

        switch (expected)
        {
            case null:
                await Act();
                break;
            case "expect-failed":
                Assert.ThrowsAsync<AssertionException>(Act)!.Message.ShouldContain(where);
                break;
            case "expect-broken":
                var broken = Assert.ThrowsAsync<GherkinScenarioException>(Act)!;
                broken.InnerException.ShouldBeOfType<InvalidOperationException>().Message.ShouldBe("socket closed");
                broken.Message.ShouldContain(where);
                break;
            case "expect-inconclusive":
                Assert.ThrowsAsync<InconclusiveException>(Act)!.Message.ShouldContain(where);
                break;
            case "expect-ignored":
                Assert.ThrowsAsync<IgnoreException>(Act)!.Message.ShouldContain(where);
                break;
            default:
                Assert.Fail($"Unknown expectation tag @{expected} on {scenario.Id}");
                break;
        }
    }
}
