namespace DerSim.Harness.Gherkin;

/// <summary>A <see cref="HookType.AfterScenario"/> hook.</summary>
public sealed class AfterScenarioAttribute : HookAttribute
{
    /// <summary>A hook for the given tags (none: always).</summary>
    public AfterScenarioAttribute(params string[] tags)
        : base(HookType.AfterScenario, tags)
    {
    }
}
