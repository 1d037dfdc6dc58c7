namespace DerSim.Harness.Reporting.Allure;

/// <summary>Allure's result statuses, spelled as in the allure2 model's JSON.</summary>
public static class AllureStatus
{
    /// <summary>Every step passed.</summary>
    public const string Passed = "passed";

    /// <summary>An assertion failed: the system under test misbehaved.</summary>
    public const string Failed = "failed";

    /// <summary>Another error: the scenario could not be judged.</summary>
    public const string Broken = "broken";

    /// <summary>Not run, or not judged (pending, undefined, not applicable).</summary>
    public const string Skipped = "skipped";
}
