using DerSim.Gherkin.Catalogue;
using DerSim.Gherkin.Glue;
using Reqnroll.Bindings;
using Reqnroll.Bindings.Reflection;

namespace DerSim.Harness.Tests.Steps;

/// <summary>The step library's documentation: every step has a doc comment with an example, and docs/steps.md is current.</summary>
public sealed class StepLibraryTests
{
    private static readonly Lazy<IBindingRegistry> Registry = new(() =>
    {
        var registry = DryRun.Of(typeof(DerSim.Harness.Steps.StationSteps).Assembly).Registry;
        registry.GetErrorMessages().Select(e => e.Message).ShouldBeEmpty();
        return registry;
    });

    private static readonly Lazy<IReadOnlyList<StepCatalogueEntry>> Entries = new(() => StepCatalogue.Entries(Registry.Value));

    [Test]
    public void Every_step_has_a_doc_comment_with_an_example_that_uses_the_steps_keyword()
    {
        Entries.Value.Count.ShouldBeGreaterThan(10);
        foreach (var entry in Entries.Value)
        {
            entry.Summary.ShouldNotBeNullOrWhiteSpace($"{entry.Binding} has no doc comment");
            entry.Example.ShouldNotBeNullOrWhiteSpace($"{entry.Binding}: its doc comment has no 'Example:'");
            entry.Example.ShouldStartWith(entry.Keyword == "Step" ? "" : entry.Keyword, Case.Sensitive, $"{entry.Binding}: the example should start with {entry.Keyword}");
        }
    }

    [Test]
    public void Every_example_matches_its_own_step_definition()
    {
        foreach (var entry in Entries.Value)
        {
            var example = entry.Example!;
            var text = example[(example.IndexOf(' ', StringComparison.Ordinal) + 1)..];
            var definition = Registry.Value.GetStepDefinitions().First(d =>
                d.SourceExpression == entry.Expression && entry.Binding.StartsWith($"{d.Method.Type.Name}.{d.Method.Name}(", StringComparison.Ordinal));
            definition.Regex.IsMatch(text).ShouldBeTrue($"the example \"{entry.Example}\" does not match {entry.Expression}");
        }
    }

    [Test]
    public void The_step_reference_page_is_current()
    {
        var committed = Path.Combine(StrictCsms.StrictCsmsProcess.RepoRoot(), "docs", "steps.md");
        File.Exists(committed).ShouldBeTrue($"{committed} is missing: run ./dersim steps --markdown");
        var onDisk = File.ReadAllText(committed).ReplaceLineEndings("\n").Split('\n');
        var expected = StepCatalogue.Markdown(Entries.Value).ReplaceLineEndings("\n").Split('\n');
        var first = Enumerable.Range(0, Math.Max(onDisk.Length, expected.Length))
            .FirstOrDefault(i => i >= onDisk.Length || i >= expected.Length || onDisk[i] != expected[i], -1);
        if (first >= 0)
        {
            Assert.Fail($"docs/steps.md is stale (line {first + 1}: expected \"{(first < expected.Length ? expected[first] : "<end>")}\", found \"{(first < onDisk.Length ? onDisk[first] : "<end>")}\"): run ./dersim steps --markdown");
        }
    }
}
