namespace DerSim.Gherkin.Catalogue;

/// <summary>One step of the library as the catalogue shows it.</summary>
/// <param name="Area">The binding class's name without "Steps" (Station, Session, Traffic, …).</param>
/// <param name="Keyword">Given, When, Then, or Step for a definition that answers to all three.</param>
/// <param name="Expression">The Cucumber or regular expression.</param>
/// <param name="Parameters">"name: Type" per method parameter.</param>
/// <param name="Summary">The doc comment without its example, or null.</param>
/// <param name="Example">The doc comment's example step, or null.</param>
/// <param name="Binding">"Class.Method(…)".</param>
public sealed record StepCatalogueEntry(
    string Area,
    string Keyword,
    string Expression,
    IReadOnlyList<string> Parameters,
    string? Summary,
    string? Example,
    string Binding);
