namespace DerSim.Gherkin.Model;

/// <summary>How one step ended.</summary>
/// <param name="Step">The step.</param>
/// <param name="Status">Its outcome.</param>
/// <param name="Duration">How long it ran (zero when skipped).</param>
/// <param name="Error">The exception for Failed/Broken/Pending/NotApplicable; a description exception for Undefined/Ambiguous.</param>
/// <param name="Binding">The matched method, "Class.Method(args)", or null.</param>
public sealed record StepResult(ScenarioStep Step, ScenarioStatus Status, TimeSpan Duration, Exception? Error, string? Binding);
