namespace DerSim.Harness.Gherkin;

/// <summary>A <see cref="HookType.BeforeFeature"/> hook.</summary>
public sealed class BeforeFeatureAttribute : HookAttribute
{
    /// <summary>A hook for the given tags (none: always).</summary>
    public BeforeFeatureAttribute(params string[] tags)
        : base(HookType.BeforeFeature, tags)
    {
    }
}
