namespace DerSim.Harness.Gherkin;

/// <summary>A <see cref="HookType.BeforeScenario"/> hook.</summary>
public sealed class BeforeScenarioAttribute : HookAttribute
{
    /// <summary>A hook for the given tags (none: always).</summary>
    public BeforeScenarioAttribute(params string[] tags)
        : base(HookType.BeforeScenario, tags)
    {
    }
}
