using DerSim.Gherkin.Model;
using DerSim.Gherkin.NUnit;

namespace DerSim.Gherkin.Tests.Specs;

/// <summary>The binding layer's own specification: every scenario of Specs/*.feature is a test.</summary>
public sealed class LayerSpecs
{
    [GherkinScenarios("Specs")]
    public Task Run(ScenarioCase scenario) => GherkinNUnit.RunAsync(scenario);
}
