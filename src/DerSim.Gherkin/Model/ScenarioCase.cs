namespace DerSim.Gherkin.Model;

/// <summary>
/// One runnable scenario (a pickle): a plain scenario, or one example row of an outline, with the background's steps
/// first.
/// </summary>
/// <param name="Feature">The feature it belongs to (its <see cref="FeatureDocument.Scenarios"/> holds it).</param>
/// <param name="Id">Stable across runs: file path, line of the scenario and of the example row.</param>
/// <param name="Title">The scenario's name, with outline placeholders filled in.</param>
/// <param name="TestName">"&lt;Feature&gt; / &lt;Scenario&gt;", plus the example values for an outline row so rows differ.</param>
/// <param name="Description">The free text under the scenario title, or empty.</param>
/// <param name="Rule">The Rule the scenario sits under, or null.</param>
/// <param name="Tags">All tags that apply (feature, rule, scenario, examples), without '@', de-duplicated, in that order.</param>
/// <param name="Line">The line of the Scenario keyword (the example row's line for an outline row).</param>
/// <param name="Arguments">An outline row's values by column name; empty for a plain scenario.</param>
/// <param name="Steps">Background steps, then the scenario's.</param>
public sealed record ScenarioCase(
    FeatureDocument Feature,
    string Id,
    string Title,
    string TestName,
    string Description,
    string? Rule,
    IReadOnlyList<string> Tags,
    int Line,
    IReadOnlyDictionary<string, string> Arguments,
    IReadOnlyList<ScenarioStep> Steps)
{
    /// <inheritdoc />
    public override string ToString() => TestName;
}
