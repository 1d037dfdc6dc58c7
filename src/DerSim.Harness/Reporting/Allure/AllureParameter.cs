namespace DerSim.Harness.Reporting.Allure;

/// <summary>A parameter of a result or step (outline value, OCPP version, profile, CSMS URL).</summary>
/// <param name="Name">Its name.</param>
/// <param name="Value">Its value, with secrets already masked.</param>
public sealed record AllureParameter(string Name, string Value)
{
    /// <summary>True when the value describes the run rather than the test case, so Allure leaves it out of history ids.</summary>
    public bool? Excluded { get; init; }
}
