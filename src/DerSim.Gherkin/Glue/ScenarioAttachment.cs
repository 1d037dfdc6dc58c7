namespace DerSim.Gherkin.Glue;

/// <summary>A file a binding attached to the running scenario or step, for reporters.</summary>
/// <param name="Name">A display name ("request.json").</param>
/// <param name="MimeType">Its media type ("application/json").</param>
/// <param name="Content">The bytes.</param>
public sealed record ScenarioAttachment(string Name, string MimeType, byte[] Content);
