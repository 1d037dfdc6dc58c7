namespace DerSim.Harness.Reporting.Allure;

/// <summary>A label of a result (suite, feature, tag, severity, host ...).</summary>
public sealed record AllureLabel(string Name, string Value);
