using System.Diagnostics;
using DerSim.Gherkin.Glue;
using DerSim.Gherkin.Model;
using DerSim.Harness.Conformance;
using DerSim.Harness.Reporting.Allure;

namespace DerSim.Harness.Reporting;

/// <summary>
/// Everything a suite run reports, in one listener: Allure results into <c>&lt;reports&gt;/allure-results</c> while the
/// scenarios run, then at <see cref="CompleteAsync"/> the run-level files, <c>&lt;reports&gt;/junit.xml</c>, the
/// conformance report (<c>&lt;reports&gt;/conformance.json</c> and <c>.html</c>), the console summary and the HTML report
/// (<c>&lt;reports&gt;/allure-report/index.html</c>).
/// </summary>
public sealed class ReportSession : IGherkinRunListener
{
    private readonly AllureResultsWriter _allure;
    private readonly bool _missingStepsFail;
    private readonly long _created = Stopwatch.GetTimestamp();
    private long _writeTicks;

    /// <summary>
    /// Starts a session writing under <paramref name="reportsDirectory"/>; the previous results are removed (the
    /// history file beside the report keeps the trend).
    /// </summary>
    public ReportSession(string reportsDirectory, AllureWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reportsDirectory);
        ReportsDirectory = Path.GetFullPath(reportsDirectory);
        Sink = AllureDirectorySink.Fresh(ResultsDirectory);
        _allure = new AllureResultsWriter(Sink, options);
        _missingStepsFail = options?.MissingStepsFail ?? false;
    }

    /// <summary>
    /// The scenarios the run chose from (every scenario of the features), so that the conformance report tells a case
    /// left out of the run ("not run") from one without a scenario. The default value is none: only the scenarios that
    /// ran count.
    /// </summary>
    public IReadOnlyList<ScenarioCase> CatalogueScenarios { get; init; } = [];

    /// <summary><c>&lt;reports&gt;/conformance.json</c>.</summary>
    public string ConformanceJsonFile => Path.Combine(ReportsDirectory, ConformanceReportJson.FileName);

    /// <summary><c>&lt;reports&gt;/conformance.html</c>.</summary>
    public string ConformanceHtmlFile => Path.Combine(ReportsDirectory, ConformanceReportHtml.FileName);

    /// <summary>The reports folder (e.g. <c>reports</c>).</summary>
    public string ReportsDirectory { get; }

    /// <summary><c>&lt;reports&gt;/allure-results</c>.</summary>
    public string ResultsDirectory => Path.Combine(ReportsDirectory, "allure-results");

    /// <summary><c>&lt;reports&gt;/allure-report</c>.</summary>
    public string ReportDirectory => Path.Combine(ReportsDirectory, "allure-report");

    /// <summary><c>&lt;reports&gt;/junit.xml</c>.</summary>
    public string JUnitFile => Path.Combine(ReportsDirectory, "junit.xml");

    /// <summary>The results directory writer.</summary>
    public AllureDirectorySink Sink { get; }

    /// <summary>Time spent building and writing Allure results so far (the reporting overhead of the run).</summary>
    public TimeSpan WriteTime => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _writeTicks));

    /// <summary>The scenario results collected so far.</summary>
    public ScenarioResultCollector Collector { get; } = new();

    /// <inheritdoc />
    public void RunStarted(RunStartedEvent e) => _allure.RunStarted(e);

    /// <inheritdoc />
    public void RunFinished(RunFinishedEvent e) => _allure.RunFinished(e);

    /// <inheritdoc />
    public void FeatureStarted(FeatureStartedEvent e) => _allure.FeatureStarted(e);

    /// <inheritdoc />
    public void FeatureFinished(FeatureFinishedEvent e) => _allure.FeatureFinished(e);

    /// <inheritdoc />
    public void ScenarioStarted(ScenarioStartedEvent e) => _allure.ScenarioStarted(e);

    /// <inheritdoc />
    public void ScenarioFinished(ScenarioFinishedEvent e)
    {
        Timed(() => _allure.ScenarioFinished(e));
        Collector.ScenarioFinished(e);
    }

    /// <inheritdoc />
    public void StepStarted(StepStartedEvent e) => _allure.StepStarted(e);

    /// <inheritdoc />
    public void StepFinished(StepFinishedEvent e) => Timed(() => _allure.StepFinished(e));

    /// <inheritdoc />
    public void HookFinished(HookFinishedEvent e) => _allure.HookFinished(e);

    /// <summary>
    /// Call after the runner's EndRunAsync: writes environment/executor/categories, junit.xml, prints the summary
    /// table (last line "N passed, N failed, N skipped") unless <paramref name="summary"/> is false (the caller prints
    /// its own) and, when <paramref name="render"/>, the HTML report; returns
    /// the exit code a CI gate wants (1 when a scenario failed or broke, else 0).
    /// </summary>
    public async Task<int> CompleteAsync(ReportEnvironment environment, TextWriter output, bool render = true, bool summary = true, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(output);
        Timed(() => AllureRunFiles.Write(Sink, environment));
        var results = Collector.Results;
        JUnitReport.Write(results, JUnitFile, _missingStepsFail);
        var conformance = ConformanceReport.Build(ConformanceCatalogue.Default, CatalogueScenarios, results, _missingStepsFail);
        await File.WriteAllTextAsync(ConformanceJsonFile, ConformanceReportJson.Write(conformance), ct).ConfigureAwait(false);
        await File.WriteAllTextAsync(ConformanceHtmlFile, ConformanceReportHtml.Write(conformance), ct).ConfigureAwait(false);
        var written = Stopwatch.GetElapsedTime(_created);
        output.WriteLine();
        output.WriteLine($"Allure results: {ResultsDirectory} ({results.Count} scenarios in {written.TotalSeconds:0.0}s, of which writing results {WriteTime.TotalMilliseconds:0}ms)");
        output.WriteLine($"JUnit XML: {JUnitFile}");
        output.WriteLine($"Conformance report: {ConformanceHtmlFile} ({ConformanceReportJson.FileName} beside it)");
        if (render)
        {
            var outcome = await ReportRenderer.RenderAsync(ResultsDirectory, ReportDirectory, ct).ConfigureAwait(false);
            output.WriteLine(outcome.Rendered ? $"{outcome.Message} (rendered in {outcome.Elapsed.TotalSeconds:0.0}s)" : outcome.Message);
        }

        if (summary)
        {
            output.WriteLine();
            ConsoleSummary.Write(results, output, _missingStepsFail);
        }

        return results.Any(r => ConsoleSummary.IsFailure(r.Status, _missingStepsFail)) ? 1 : 0;
    }

    private void Timed(Action action)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            action();
        }
        finally
        {
            Interlocked.Add(ref _writeTicks, Stopwatch.GetTimestamp() - started);
        }
    }
}
