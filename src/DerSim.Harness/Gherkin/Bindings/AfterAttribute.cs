namespace DerSim.Harness.Gherkin;

/// <summary>Reqnroll's short name for a <see cref="HookType.AfterScenario"/> hook.</summary>
public sealed class AfterAttribute : HookAttribute
{
    /// <summary>A hook for the given tags (none: always).</summary>
    public AfterAttribute(params string[] tags)
        : base(HookType.AfterScenario, tags)
    {
    }
}
