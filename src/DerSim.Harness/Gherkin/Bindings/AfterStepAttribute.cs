namespace DerSim.Harness.Gherkin;

/// <summary>A <see cref="HookType.AfterStep"/> hook.</summary>
public sealed class AfterStepAttribute : HookAttribute
{
    /// <summary>A hook for the given tags (none: always).</summary>
    public AfterStepAttribute(params string[] tags)
        : base(HookType.AfterStep, tags)
    {
    }
}
