namespace DerSim.Harness.Gherkin;

/// <summary>Values shared by the scenarios of one feature, and the feature's description; injectable.</summary>
public sealed class FeatureContext : KeyedContext
{
    /// <summary>Creates the context of the feature <paramref name="featureInfo"/>.</summary>
    public FeatureContext(FeatureInfo featureInfo)
    {
        FeatureInfo = featureInfo;
    }

    /// <summary>The running feature.</summary>
    public FeatureInfo FeatureInfo { get; }

    /// <summary>The first error of a feature-level hook, if any.</summary>
    public Exception? TestError { get; internal set; }
}
