using System.Collections.Specialized;

namespace DerSim.Harness.Gherkin;

/// <summary>What a binding may know about the running scenario.</summary>
/// <param name="Title">The scenario's name (placeholders of an outline filled in).</param>
/// <param name="Description">The text under the title.</param>
/// <param name="Tags">The scenario's own tags (rule, scenario and examples tags), without '@'.</param>
/// <param name="CombinedTags">Every tag that applies, the feature's included.</param>
/// <param name="Arguments">An outline row's values by column, in column order; empty for a plain scenario.</param>
/// <param name="Rule">The Rule the scenario sits under, or null.</param>
public sealed record ScenarioInfo(
    string Title,
    string Description,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> CombinedTags,
    IOrderedDictionary Arguments,
    string? Rule)
{
    /// <summary>The scenario's id, stable across runs (feature path, scenario line, example row line).</summary>
    public string Id { get; init; } = Title;

    /// <summary>"&lt;Feature&gt; / &lt;Scenario&gt;" with an outline row's values: the NUnit test name.</summary>
    public string TestName { get; init; } = Title;

    /// <summary>The feature file as shown in messages.</summary>
    public string FeatureFile { get; init; } = "";
}
