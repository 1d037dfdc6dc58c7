using Reqnroll;
using Reqnroll.Assist;

namespace DerSim.Gherkin.Tests.Specs;

public sealed class SpecGreeting
{
    public string Text { get; set; } = "";
}

[Binding]
public sealed class ScopeSpecSteps(SpecGreeting greeting)
{
    [When("the greeting is chosen")]
    public void Plain() => greeting.Text = "hello";

    [When("the greeting is chosen")]
    [Scope(Tag = "formal")]
    public void Formal() => greeting.Text = "good day";

    [When("the greeting is chosen for a scenario named by its title")]
    public void Unscoped() => greeting.Text = "unscoped";

    [When("the greeting is chosen for a scenario named by its title")]
    [Scope(Feature = "Scopes", Scenario = "A definition scoped to this scenario's title runs only here")]
    public void ByTitle() => greeting.Text = "by title";

    [Then("the greeting is {string}")]
    public void Is(string expected) => greeting.Text.ShouldBe(expected);
}
