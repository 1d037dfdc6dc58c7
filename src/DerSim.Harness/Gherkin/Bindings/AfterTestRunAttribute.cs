namespace DerSim.Harness.Gherkin;

/// <summary>A <see cref="HookType.AfterTestRun"/> hook.</summary>
public sealed class AfterTestRunAttribute : HookAttribute
{
    /// <summary>A hook for the given tags (none: always).</summary>
    public AfterTestRunAttribute(params string[] tags)
        : base(HookType.AfterTestRun, tags)
    {
    }
}
