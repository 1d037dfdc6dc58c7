namespace DerSim.Harness.Reporting;

/// <summary>A failure category in Allure's compatibility form.</summary>
/// <param name="Name">Its title.</param>
/// <param name="MatchedStatuses">Statuses it takes.</param>
/// <param name="MessageRegex">A regular expression the whole message must match.</param>
public sealed record AllureCategory(string Name, IReadOnlyList<string> MatchedStatuses, string MessageRegex);
