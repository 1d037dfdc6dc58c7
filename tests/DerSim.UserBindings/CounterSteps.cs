using Reqnroll;

namespace DerSim.UserBindings;

/// <summary>What a user's scenario keeps between its steps.</summary>
public sealed class Counter
{
    /// <summary>The count.</summary>
    public int Value { get; set; }
}

/// <summary>Ordinary Reqnroll bindings, written without DerSim in mind.</summary>
[Binding]
public sealed class CounterSteps(Counter counter, ScenarioContext scenario)
{
    /// <summary>Counts the rows of a table. Example: <c>Given the user counts the rows of</c> with a table.</summary>
    [Given("the user counts the rows of")]
    public void CountRows(Table table) => counter.Value += table.RowCount;

    /// <summary>Checks the count. Example: <c>Then the user's count is 2</c></summary>
    [Then("the user's count is {int}")]
    public void CountIs(int expected)
    {
        if (counter.Value != expected)
        {
            throw new InvalidOperationException($"the user's count is {counter.Value}, not {expected} ({scenario.ScenarioInfo.Title})");
        }
    }

    /// <summary>Tags the scenario's context so other bindings can see it ran.</summary>
    [BeforeScenario("user")]
    public void MarkUserScenario() => scenario["user-hook"] = true;

    /// <summary>Checks the hook ran. Example: <c>Then the user's hook ran</c></summary>
    [Then("the user's hook ran")]
    public void HookRan()
    {
        if (!scenario.ContainsKey("user-hook"))
        {
            throw new InvalidOperationException("the user's [BeforeScenario(\"user\")] hook did not run");
        }
    }
}
