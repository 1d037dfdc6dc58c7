using Reqnroll;
using Reqnroll.Assist;

namespace DerSim.Gherkin.Tests.Specs;

[Binding]
public sealed class GermanSpecSteps
{
    private int _free;

    [Given("eine Ladesäule mit {int} Anschlüssen")]
    public void Station(int connectors) => _free = connectors;

    [When("ein Fahrzeug an Anschluss {int} ansteckt")]
    public void PlugIn(int connector) => _free -= connector > 0 ? 1 : 0;

    [Then("ist {int} Anschluss frei")]
    public void Free(int expected) => _free.ShouldBe(expected);
}
