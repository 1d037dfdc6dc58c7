namespace DerSim.Harness.Gherkin;

/// <summary>A <see cref="HookType.BeforeStep"/> hook.</summary>
public sealed class BeforeStepAttribute : HookAttribute
{
    /// <summary>A hook for the given tags (none: always).</summary>
    public BeforeStepAttribute(params string[] tags)
        : base(HookType.BeforeStep, tags)
    {
    }
}
