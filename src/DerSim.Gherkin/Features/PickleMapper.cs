using StepDefinitionType = Reqnroll.Bindings.StepDefinitionType;
using DerSim.Gherkin.Model;
using Messages = Io.Cucumber.Messages.Types;

namespace DerSim.Gherkin.Features;

/// <summary>Maps the Gherkin package's document and pickles onto the layer's model records.</summary>
internal static class PickleMapper
{
    public static FeatureDocument Map(Messages.GherkinDocument document, IReadOnlyList<Messages.Pickle> pickles, string path, string relativePath, FeatureMessages? messages = null)
    {
        var feature = document.Feature;
        var index = AstIndex.Build(feature);
        var scenarios = new List<ScenarioCase>();
        var title = string.IsNullOrWhiteSpace(feature.Name) ? Path.GetFileNameWithoutExtension(path) : feature.Name.Trim();
        var doc = new FeatureDocument(
            path, relativePath, title, NormalizeDescription(feature.Description), TagNames(feature.Tags),
            feature.Language, (int)feature.Location.Line, scenarios) { Messages = messages };

        var namesSeen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var pickle in pickles)
        {
            var (scenario, rule) = index.Scenarios[pickle.AstNodeIds[0]];
            var row = pickle.AstNodeIds.Count > 1 ? index.Rows[pickle.AstNodeIds[1]] : default;
            var scenarioLine = (int)scenario.Location.Line;
            var arguments = row.Row is null ? [] : RowValues(row.Header!, row.Row);
            var name = string.IsNullOrWhiteSpace(pickle.Name) ? $"line {scenarioLine}" : pickle.Name.Trim();
            var testName = $"{title} / {name}";
            if (arguments.Count > 0)
            {
                testName += " (" + string.Join(", ", arguments.Select(a => $"{a.Key}: {a.Value}")) + ")";
            }

            testName = MakeUnique(testName, namesSeen);
            var arguments2 = arguments.ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
            scenarios.Add(new ScenarioCase(
                doc,
                row.Row is null ? $"{relativePath}:{scenarioLine}" : $"{relativePath}:{scenarioLine}:{row.Row.Location.Line}",
                name,
                testName,
                NormalizeDescription(scenario.Description),
                rule?.Name.Trim(),
                pickle.Tags.Select(t => t.Name.TrimStart('@')).Distinct(StringComparer.Ordinal).ToList(),
                row.Row is null ? scenarioLine : (int)row.Row.Location.Line,
                arguments2,
                MapSteps(pickle, index)));
        }

        return doc;
    }

    private static List<ScenarioStep> MapSteps(Messages.Pickle pickle, AstIndex index)
    {
        var steps = new List<ScenarioStep>(pickle.Steps.Count);
        StepDefinitionType? previous = null;
        foreach (var step in pickle.Steps)
        {
            var (ast, fromBackground) = index.Steps[step.AstNodeIds[0]];

            // The compiler already gives And/But the type of the step before; "*" stays UNKNOWN, so it inherits too.
            var type = step.Type switch
            {
                Messages.PickleStepType.CONTEXT => StepDefinitionType.Given,
                Messages.PickleStepType.ACTION => StepDefinitionType.When,
                Messages.PickleStepType.OUTCOME => StepDefinitionType.Then,
                _ => previous ?? StepDefinitionType.Given,
            };
            previous = type;
            var table = step.Argument?.DataTable?.Rows
                .Select(r => (IReadOnlyList<string>)r.Cells.Select(c => c.Value).ToList())
                .ToList();
            var docString = step.Argument?.DocString is { } d
                ? new DocStringArgument(d.Content, string.IsNullOrEmpty(d.MediaType) ? null : d.MediaType)
                : null;
            steps.Add(new ScenarioStep(ast.Keyword.Trim(), type, step.Text, (int)ast.Location.Line, fromBackground, table, docString));
        }

        return steps;
    }

    private static List<KeyValuePair<string, string>> RowValues(Messages.TableRow header, Messages.TableRow row) =>
        header.Cells.Zip(row.Cells, (h, v) => new KeyValuePair<string, string>(h.Value, v.Value)).ToList();

    private static string MakeUnique(string name, Dictionary<string, int> seen)
    {
        if (!seen.TryGetValue(name, out var count))
        {
            seen[name] = 1;
            return name;
        }

        // An appended "#n" could itself collide with a literal scenario name; keep counting until it does not.
        string candidate;
        do
        {
            count++;
            candidate = $"{name} #{count}";
        }
        while (seen.ContainsKey(candidate));

        seen[name] = count;
        seen[candidate] = 1;
        return candidate;
    }

    private static List<string> TagNames(IEnumerable<Messages.Tag> tags) =>
        tags.Select(t => t.Name.TrimStart('@')).Distinct(StringComparer.Ordinal).ToList();

    private static string NormalizeDescription(string? description) =>
        string.IsNullOrWhiteSpace(description)
            ? string.Empty
            : string.Join('\n', description.Split('\n').Select(l => l.Trim())).Trim();

    private sealed class AstIndex
    {
        public Dictionary<string, (Messages.Scenario Scenario, Messages.Rule? Rule)> Scenarios { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, (Messages.TableRow? Header, Messages.TableRow? Row)> Rows { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, (Messages.Step Step, bool FromBackground)> Steps { get; } = new(StringComparer.Ordinal);

        public static AstIndex Build(Messages.Feature feature)
        {
            var index = new AstIndex();
            foreach (var child in feature.Children)
            {
                index.Add(child.Background);
                index.Add(child.Scenario, null);
                if (child.Rule is { } rule)
                {
                    foreach (var ruleChild in rule.Children)
                    {
                        index.Add(ruleChild.Background);
                        index.Add(ruleChild.Scenario, rule);
                    }
                }
            }

            return index;
        }

        private void Add(Messages.Background? background)
        {
            foreach (var step in background?.Steps ?? [])
            {
                Steps[step.Id] = (step, true);
            }
        }

        private void Add(Messages.Scenario? scenario, Messages.Rule? rule)
        {
            if (scenario is null)
            {
                return;
            }

            Scenarios[scenario.Id] = (scenario, rule);
            foreach (var step in scenario.Steps)
            {
                Steps[step.Id] = (step, false);
            }

            foreach (var examples in scenario.Examples)
            {
                foreach (var row in examples.TableBody)
                {
                    Rows[row.Id] = (examples.TableHeader, row);
                }
            }
        }
    }
}
