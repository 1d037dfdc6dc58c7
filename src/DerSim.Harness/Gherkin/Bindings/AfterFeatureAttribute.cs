namespace DerSim.Harness.Gherkin;

/// <summary>A <see cref="HookType.AfterFeature"/> hook.</summary>
public sealed class AfterFeatureAttribute : HookAttribute
{
    /// <summary>A hook for the given tags (none: always).</summary>
    public AfterFeatureAttribute(params string[] tags)
        : base(HookType.AfterFeature, tags)
    {
    }
}
