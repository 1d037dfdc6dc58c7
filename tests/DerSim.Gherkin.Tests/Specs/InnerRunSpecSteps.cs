using Reqnroll;
using Reqnroll.Assist;
using DerSim.Gherkin.Features;
using DerSim.Gherkin.Model;
using DerSim.Gherkin.Glue;

namespace DerSim.Gherkin.Tests.Specs;

/// <summary>Runs a feature given as a doc string through a fresh runner over this assembly's bindings.</summary>
[Binding]
public sealed class InnerRunSpecSteps : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "dersim-spec-" + Guid.NewGuid().ToString("N"));
    private List<ScenarioResult> _results = [];
    private IReadOnlyList<FeatureParseError> _errors = [];

    [When("this feature runs:")]
    public async Task Run(string featureText)
    {
        SpecTracker.Reset();
        Directory.CreateDirectory(_directory);
        await File.WriteAllTextAsync(Path.Combine(_directory, "inner.feature"), featureText);
        var loaded = FeatureLoader.Load([_directory], "en");
        _errors = loaded.Errors;
        if (_errors.Count > 0)
        {
            return;
        }

        using var runner = new ReqnrollExecutor(typeof(InnerRunSpecSteps).Assembly);
        foreach (var scenario in loaded.Features.SelectMany(f => f.Scenarios))
        {
            _results.Add(await runner.RunAsync(scenario, CancellationToken.None));
        }

        await runner.EndRunAsync();
    }

    [Then("scenario {string} is {word}")]
    public void ScenarioIs(string title, ScenarioStatus status) => Result(title).Status.ShouldBe(status, Result(title).Message);

    [Then("the message names {string}")]
    public void MessageNames(string text) => _results.Single().Message.ShouldContain(text, Case.Sensitive);

    [Then("the message contains:")]
    public void MessageContains(string text) => _results.Single().Message.ShouldContain(text.Trim(), Case.Sensitive);

    [Then("step {int} is {word}")]
    public void StepIs(int number, ScenarioStatus status) => _results.Single().Steps[number - 1].Status.ShouldBe(status);

    [Then("the parse error names {string}")]
    public void ParseError(string text)
    {
        _errors.ShouldNotBeEmpty();
        string.Join("\n", _errors).ShouldContain(text);
    }

    [Then("every scenario passed")]
    public void AllPassed() => _results.ShouldAllBe(r => r.Status == ScenarioStatus.Passed);

    [Then("{int} trackers were created and {int} disposed")]
    public void Trackers(int created, int disposed)
    {
        SpecTracker.Created.ShouldBe(created);
        SpecTracker.Disposed.ShouldBe(disposed);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private ScenarioResult Result(string title) => _results.Single(r => r.Scenario.Title == title);
}
