namespace DerSim.Harness.Gherkin;

/// <summary>Reqnroll's short name for a <see cref="HookType.BeforeScenario"/> hook.</summary>
public sealed class BeforeAttribute : HookAttribute
{
    /// <summary>A hook for the given tags (none: always).</summary>
    public BeforeAttribute(params string[] tags)
        : base(HookType.BeforeScenario, tags)
    {
    }
}
