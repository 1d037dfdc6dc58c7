using StepDefinitionType = Reqnroll.Bindings.StepDefinitionType;
using DerSim.Gherkin.Model;

namespace DerSim.Gherkin.Tests.Runtime;

/// <summary>Builds features and scenarios in code for runner tests.</summary>
internal static class Scenarios
{
    public static ScenarioCase One(params string[] steps) => Feature("rt feature", ["rt"], [("rt scenario", [], steps)]).Scenarios[0];

    public static FeatureDocument Feature(string title, string[] featureTags, (string Title, string[] Tags, string[] Steps)[] scenarios)
    {
        var cases = new List<ScenarioCase>();
        var feature = new FeatureDocument("features/rt.feature", "rt.feature", title, string.Empty, featureTags, "en", 1, cases);
        var line = 3;
        foreach (var (scenarioTitle, tags, steps) in scenarios)
        {
            var scenarioLine = line;
            var parsed = steps.Select(s => Step(s, ++line)).ToList();
            line += 2;
            cases.Add(new ScenarioCase(
                feature,
                $"rt.feature:{scenarioLine}",
                scenarioTitle,
                $"{title} / {scenarioTitle}",
                string.Empty,
                null,
                [.. featureTags, .. tags],
                scenarioLine,
                new Dictionary<string, string>(),
                parsed));
        }

        return feature;
    }

    public static ScenarioStep Step(string text, int line = 4, IReadOnlyList<IReadOnlyList<string>>? table = null, string? docString = null)
    {
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        var keyword = text[..space];
        var type = keyword switch
        {
            "When" => StepDefinitionType.When,
            "Then" => StepDefinitionType.Then,
            _ => StepDefinitionType.Given,
        };
        return new ScenarioStep(keyword, type, text[(space + 1)..], line, false, table, docString is null ? null : new DocStringArgument(docString, null));
    }
}
