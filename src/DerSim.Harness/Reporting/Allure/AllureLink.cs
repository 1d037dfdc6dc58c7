namespace DerSim.Harness.Reporting.Allure;

/// <summary>A link of a result; <paramref name="Type"/> is "issue", "tms" or "link".</summary>
public sealed record AllureLink(string Name, string Url, string Type);
