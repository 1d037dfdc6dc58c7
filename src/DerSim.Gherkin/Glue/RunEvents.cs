using DerSim.Gherkin.Model;
using Reqnroll.Bindings;

namespace DerSim.Gherkin.Glue;

using ScenarioContext = global::Reqnroll.ScenarioContext;

/// <summary>The run started.</summary>
public sealed record RunStartedEvent;

/// <summary>The run ended.</summary>
/// <param name="Error">The error of an AfterFeature or AfterTestRun hook, or null.</param>
public sealed record RunFinishedEvent(Exception? Error);

/// <summary>A feature started.</summary>
/// <param name="Feature">The feature.</param>
public sealed record FeatureStartedEvent(FeatureDocument Feature);

/// <summary>A feature ended.</summary>
/// <param name="Feature">The feature.</param>
/// <param name="Error">The first error of a feature hook, or null.</param>
public sealed record FeatureFinishedEvent(FeatureDocument Feature, Exception? Error);

/// <summary>A scenario started.</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="Context">Its Reqnroll context.</param>
public sealed record ScenarioStartedEvent(ScenarioCase Scenario, ScenarioContext Context);

/// <summary>A scenario ended.</summary>
/// <param name="Result">Its result: status, duration, error, message and the steps'.</param>
/// <param name="Attachments">What hooks attached outside steps.</param>
/// <param name="Parameters">What hooks reported outside steps.</param>
public sealed record ScenarioFinishedEvent(ScenarioResult Result, IReadOnlyList<ScenarioAttachment> Attachments, IReadOnlyList<ScenarioParameter> Parameters);

/// <summary>A step started.</summary>
/// <param name="Scenario">Its scenario.</param>
/// <param name="Step">The step.</param>
/// <param name="Binding">The matched method, "Class.Method(types)", or null.</param>
public sealed record StepStartedEvent(ScenarioCase Scenario, ScenarioStep Step, string? Binding);

/// <summary>A step ended.</summary>
/// <param name="Scenario">Its scenario.</param>
/// <param name="Result">Status, duration, error and binding.</param>
/// <param name="Attachments">What the step (and its step hooks) attached.</param>
/// <param name="Parameters">What the step (and its step hooks) reported.</param>
public sealed record StepFinishedEvent(ScenarioCase Scenario, StepResult Result, IReadOnlyList<ScenarioAttachment> Attachments, IReadOnlyList<ScenarioParameter> Parameters);

/// <summary>A hook ended.</summary>
/// <param name="HookType">Which kind.</param>
/// <param name="Method">"Class.Method(types)".</param>
/// <param name="Scenario">The scenario it ran for; null for run and feature hooks.</param>
/// <param name="Status">Passed, or how it failed.</param>
/// <param name="Duration">How long it ran.</param>
/// <param name="Error">Its exception, or null.</param>
public sealed record HookFinishedEvent(HookType HookType, string Method, ScenarioCase? Scenario, ScenarioStatus Status, TimeSpan Duration, Exception? Error);
