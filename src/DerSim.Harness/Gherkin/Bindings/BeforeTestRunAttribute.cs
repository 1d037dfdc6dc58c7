namespace DerSim.Harness.Gherkin;

/// <summary>A <see cref="HookType.BeforeTestRun"/> hook.</summary>
public sealed class BeforeTestRunAttribute : HookAttribute
{
    /// <summary>A hook for the given tags (none: always).</summary>
    public BeforeTestRunAttribute(params string[] tags)
        : base(HookType.BeforeTestRun, tags)
    {
    }
}
