namespace DerSim.Gherkin.Model;

/// <summary>A step's doc string and its media type (```json), if any.</summary>
public sealed record DocStringArgument(string Content, string? MediaType);
