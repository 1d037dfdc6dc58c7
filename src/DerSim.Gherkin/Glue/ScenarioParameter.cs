namespace DerSim.Gherkin.Glue;

/// <summary>A name/value pair a binding reported for the running scenario or step (a report parameter).</summary>
public sealed record ScenarioParameter(string Name, string Value);
