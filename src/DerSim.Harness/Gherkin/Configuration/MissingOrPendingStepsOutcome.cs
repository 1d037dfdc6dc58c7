namespace DerSim.Harness.Gherkin.Configuration;

/// <summary>What an undefined or pending step makes of its scenario (<c>runtime.missingOrPendingStepsOutcome</c>).</summary>
public enum MissingOrPendingStepsOutcome
{
    /// <summary>Reqnroll's default: reported as pending, which NUnit shows as inconclusive.</summary>
    Pending,

    /// <summary>The test is inconclusive.</summary>
    Inconclusive,

    /// <summary>The test is ignored.</summary>
    Ignore,

    /// <summary>The test fails.</summary>
    Error,
}
