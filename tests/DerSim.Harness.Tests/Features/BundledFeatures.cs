using DerSim.Gherkin.Model;
using DerSim.Gherkin.NUnit;

namespace DerSim.Harness.Tests.Features;

/// <summary>The repository's conformance scenarios (features/), each an NUnit test, against the embedded reference CSMS.</summary>
public sealed class BundledFeatures
{
    [GherkinScenarios("features")]
    public Task Run(ScenarioCase scenario) => GherkinNUnit.RunAsync(scenario);
}
