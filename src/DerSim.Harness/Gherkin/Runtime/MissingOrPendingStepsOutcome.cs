namespace DerSim.Harness.Gherkin.Runtime;

/// <summary>How a test runner reports a scenario with undefined or pending steps (Reqnroll's runtime.missingOrPendingStepsOutcome).</summary>
public enum MissingOrPendingStepsOutcome
{
    /// <summary>Inconclusive (Reqnroll's default).</summary>
    Inconclusive,

    /// <summary>Ignored.</summary>
    Ignore,

    /// <summary>Failed.</summary>
    Error,
}
