using DerSim.Harness.Gherkin;

namespace DerSim.Harness.Tests.Gherkin.Runtime;

/// <summary>
/// Bindings with mistakes, generic so that scanning the test assembly skips them (an open generic): only the tests
/// that look for the errors discover them, closed as RtBrokenBindings of int.
/// </summary>
[Binding]
[Scope(Tag = "rt-broken")]
public sealed class RtBrokenBindings<T>
{
    [BeforeFeature]
    public void NotStatic() => Calls.Add("never");

    [Given(@"rt unbalanced (\d+")]
    public void BadRegex(int n) => Calls.Add($"never {n}");

    [Given]
    public void Given_rt_P1_before_P0(int p0, int p1) => Calls.Add($"never {p0}{p1}");

    [Given("rt fine")]
    public void Fine() => Calls.Add("fine");

    [Given("rt takes {int} things")]
    public void TooMany(int a, int b) => Calls.Add($"never {a}{b}");
}
