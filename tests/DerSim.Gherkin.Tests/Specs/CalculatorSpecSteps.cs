using Reqnroll;
using Reqnroll.Assist;

namespace DerSim.Gherkin.Tests.Specs;

/// <summary>A per-scenario object two binding classes share through context injection.</summary>
public sealed class SpecCalculator
{
    public bool Created { get; set; }

    public int Value { get; set; }
}

[Binding]
public sealed class CalculatorSpecSteps(SpecCalculator calculator)
{
    [Given("a calculator")]
    public void New() => calculator.Created = true;

    [Given("the number {int} is entered")]
    public void Enter(int number) => calculator.Value = number;

    [When("{int} is added")]
    public void Add(int number) => calculator.Value += number;

    [When("it is multiplied by {int}")]
    public void Multiply(int factor) => calculator.Value *= factor;

    // A When definition only: "But nothing else happens" after When steps must be typed When to match it.
    [When("nothing else happens")]
    public void Nothing()
    {
    }
}

[Binding]
public sealed class CalculatorSpecAssertions(SpecCalculator calculator)
{
    [Then("the result is {int}")]
    public void Result(int expected)
    {
        calculator.Created.ShouldBeTrue("the background's step ran on the same injected calculator");
        calculator.Value.ShouldBe(expected);
    }
}
