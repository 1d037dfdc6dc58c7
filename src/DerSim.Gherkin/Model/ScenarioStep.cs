using StepDefinitionType = Reqnroll.Bindings.StepDefinitionType;
namespace DerSim.Gherkin.Model;

/// <summary>One step of a scenario.</summary>
/// <param name="Keyword">The keyword as written, trimmed ("Given", "And", "Angenommen", "*").</param>
/// <param name="Type">Given/When/Then; And, But and * take the type of the step before (Given for a first step).</param>
/// <param name="Text">The step text after the keyword, outline placeholders filled in.</param>
/// <param name="Line">The line in the feature file.</param>
/// <param name="FromBackground">Whether the step comes from a Background.</param>
/// <param name="DataTable">The data table's cells row by row (header first), or null.</param>
/// <param name="DocString">The doc string, or null.</param>
public sealed record ScenarioStep(
    string Keyword,
    StepDefinitionType Type,
    string Text,
    int Line,
    bool FromBackground,
    IReadOnlyList<IReadOnlyList<string>>? DataTable,
    DocStringArgument? DocString)
{
    /// <inheritdoc />
    public override string ToString() => $"{Keyword} {Text}";
}
