namespace DerSim.Gherkin.Model;

/// <summary>How a scenario ended.</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="Status">Its outcome (the first non-passing step's, or a hook's).</param>
/// <param name="Duration">Wall time including hooks.</param>
/// <param name="Error">The error behind <paramref name="Status"/>, or null when passed.</param>
/// <param name="Message">A readable verdict pointing at the feature file and line ("features/x.feature:12: ..."), empty when passed.</param>
/// <param name="Steps">One result per step, in order.</param>
public sealed record ScenarioResult(
    ScenarioCase Scenario,
    ScenarioStatus Status,
    TimeSpan Duration,
    Exception? Error,
    string Message,
    IReadOnlyList<StepResult> Steps);
