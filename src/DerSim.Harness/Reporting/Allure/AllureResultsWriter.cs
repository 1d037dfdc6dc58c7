using System.Collections.Concurrent;
using DerSim.Gherkin.Glue;
using Reqnroll;
using DerSim.Gherkin.Model;
using DerSim.Harness.Conformance;
using DerSim.Harness.Reporting.Evidence;

namespace DerSim.Harness.Reporting.Allure;

using HookType = global::Reqnroll.Bindings.HookType;

/// <summary>
/// A run listener that writes the allure2 model: one result per scenario (steps, sub-steps, parameters, labels, links,
/// attachments) and containers for the hooks around scenarios, features and the run. Scenarios may run in parallel;
/// state is kept per scenario.
/// </summary>
public sealed class AllureResultsWriter : IGherkinRunListener
{
    private readonly IAllureResultsSink _sink;
    private readonly AllureWriterOptions _options;
    private readonly ConcurrentDictionary<ScenarioCase, ScenarioState> _scenarios = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<FeatureDocument, HookGroup> _features = new(ReferenceEqualityComparer.Instance);
    private readonly HookGroup _run = new();
    private readonly AsyncLocal<FeatureDocument?> _startingFeature = new();

    /// <summary>Writes to <paramref name="sink"/>.</summary>
    public AllureResultsWriter(IAllureResultsSink sink, AllureWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sink);
        _sink = sink;
        _options = options ?? new AllureWriterOptions();
    }

    private long Now => _options.Clock.GetUtcNow().ToUnixTimeMilliseconds();

    /// <inheritdoc />
    public void RunStarted(RunStartedEvent e) => _run.Start = Now;

    /// <inheritdoc />
    public void RunFinished(RunFinishedEvent e) => WriteGroup(_run, "test run");

    /// <inheritdoc />
    public void FeatureStarted(FeatureStartedEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        _features.GetOrAdd(e.Feature, _ => new HookGroup()).Start = Now;

        // The feature's BeforeFeature hooks run next in the same async flow, which is how they are told apart from
        // another feature's starting in parallel.
        _startingFeature.Value = e.Feature;
    }

    /// <inheritdoc />
    public void FeatureFinished(FeatureFinishedEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (_features.TryRemove(e.Feature, out var group))
        {
            WriteGroup(group, e.Feature.Title);
        }
    }

    /// <inheritdoc />
    public void ScenarioStarted(ScenarioStartedEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        _scenarios[e.Scenario] = new ScenarioState(e.Context, _options.NewUuid(), Now, _options.Thread());
    }

    /// <inheritdoc />
    public void StepStarted(StepStartedEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (_scenarios.TryGetValue(e.Scenario, out var state))
        {
            state.StepStart = Now;
            state.StepHooks.Clear();
        }
    }

    /// <inheritdoc />
    public void StepFinished(StepFinishedEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (!_scenarios.TryGetValue(e.Scenario, out var state))
        {
            return;
        }

        var result = e.Result;
        var start = state.StepStart;
        var stop = Math.Max(start, Now);
        var subSteps = new List<AllureStep>(state.StepHooks);
        foreach (var reported in ReportChannels.SubSteps.Take(state.Context))
        {
            var subStep = new AllureStep
            {
                Name = reported.Name,
                Status = AllureStatusMapping.StatusOf(reported.Status, _options.MissingStepsFail),
                StatusDetails = reported.Detail is null ? null : new AllureStatusDetails(reported.Detail, null),
                Start = start,
                Stop = stop,
            };
            subSteps.Add(subStep);
            if (!reported.KeptWhenNotFailed)
            {
                state.FailureOnly.Add(subStep);
            }
        }

        var parameters = e.Parameters.Select(p => Masked(p.Name, p.Value, excluded: null)).ToList();
        state.Parameters.AddRange(e.Parameters);
        state.Steps.Add(new AllureStep
        {
            Name = result.Step.ToString(),
            Status = AllureStatusMapping.StatusOf(result.Status, _options.MissingStepsFail),
            StatusDetails = result.Status == ScenarioStatus.Skipped ? null : AllureStatusMapping.DetailsOf(result.Status, result.Error?.Message, result.Error),
            Start = start,
            Stop = stop,
            Steps = subSteps,
            Attachments = [.. e.Attachments.Select(Attach)],
            Parameters = parameters,
        });
        state.StepHooks.Clear();
    }

    /// <inheritdoc />
    public void HookFinished(HookFinishedEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var stop = Now;
        var start = stop - (long)e.Duration.TotalMilliseconds;
        var name = $"[{e.HookType}] {e.Method}";
        var status = AllureStatusMapping.StatusOf(e.Status, _options.MissingStepsFail);
        var details = AllureStatusMapping.DetailsOf(e.Status, e.Error?.Message, e.Error);
        switch (e.HookType)
        {
            case HookType.BeforeStep or HookType.AfterStep when e.Scenario is not null && _scenarios.TryGetValue(e.Scenario, out var state):
                if (e.Status == ScenarioStatus.Passed && _options.QuietHooks.Any(q => e.Method.StartsWith(q, StringComparison.Ordinal)))
                {
                    break;
                }

                state.StepHooks.Add(new AllureStep { Name = name, Status = status, StatusDetails = details, Start = start, Stop = stop });
                break;
            case HookType.BeforeScenario or HookType.AfterScenario when e.Scenario is not null && _scenarios.TryGetValue(e.Scenario, out var state):
                if (e.Status == ScenarioStatus.Passed && _options.QuietHooks.Any(q => e.Method.StartsWith(q, StringComparison.Ordinal)))
                {
                    break;
                }

                var fixture = new AllureStep { Name = name, Status = status, StatusDetails = details, Start = start, Stop = stop };
                (e.HookType == HookType.BeforeScenario ? state.Befores : state.Afters).Add(fixture);
                break;
            case HookType.BeforeFeature or HookType.AfterFeature when FeatureOfHook() is { } group:
                lock (group)
                {
                    (e.HookType == HookType.BeforeFeature ? group.Befores : group.Afters).Add(new AllureStep { Name = name, Status = status, StatusDetails = details, Start = start, Stop = stop });
                }

                break;
            case HookType.BeforeTestRun or HookType.AfterTestRun:
                lock (_run)
                {
                    (e.HookType == HookType.BeforeTestRun ? _run.Befores : _run.Afters).Add(new AllureStep { Name = name, Status = status, StatusDetails = details, Start = start, Stop = stop });
                }

                break;
            default:
                break;
        }
    }

    /// <inheritdoc />
    public void ScenarioFinished(ScenarioFinishedEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var scenario = e.Result.Scenario;
        if (!_scenarios.TryRemove(scenario, out var state))
        {
            return;
        }

        var stop = Math.Max(state.Start, Now);
        var parameters = new List<AllureParameter>();
        foreach (var (name, value) in scenario.Arguments)
        {
            parameters.Add(new AllureParameter(name, SecretMasking.MaskValue(name, value)));
        }

        // What bindings report (version, profile, CSMS) describes the run, not the test case: excluded from history ids.
        var seen = new HashSet<(string, string)>();
        foreach (var p in state.Parameters.Concat(e.Parameters))
        {
            if (seen.Add((p.Name, p.Value)))
            {
                parameters.Add(Masked(p.Name, p.Value, excluded: true));
            }
        }

        var verdict = Verdicts.Of(e.Result.Status, _options.MissingStepsFail);
        var result = new AllureTestResult
        {
            Uuid = state.Uuid,
            HistoryId = AllureIds.HistoryId(scenario),
            TestCaseId = AllureIds.TestCaseId(scenario),
            FullName = AllureIds.FullName(scenario),
            Name = scenario.Title,
            Description = string.IsNullOrWhiteSpace(scenario.Description) ? null : scenario.Description.Trim(),
            Status = AllureStatusMapping.StatusOf(verdict),
            StatusDetails = AllureStatusMapping.DetailsOf(e.Result.Status, Headline(e.Result.Message), e.Result.Error),
            Start = state.Start,
            Stop = stop,
            Steps = ScenarioEvidence.IsFailure(e.Result.Status) || state.FailureOnly.Count == 0
                ? [.. state.Steps]
                : [.. state.Steps.Select(s => s with { Steps = [.. s.Steps.Where(sub => !state.FailureOnly.Contains(sub))] })],
            Attachments = [.. e.Attachments.Select(Attach)],
            Parameters = parameters,
            Labels = [.. AllureTags.Labels(scenario, _options.Host, state.Thread), new AllureLabel("verdict", Verdicts.Label(verdict)), .. AllureTags.CaseLabels(scenario)],
            Links = [.. AllureTags.Links(scenario, _options.Links, _options.ConformanceCaseLink), .. ReportChannels.Links.Take(state.Context).Select(l => new AllureLink(l.Name, l.Url, "link"))],
        };
        _sink.WriteResult(result);

        if (state.Befores.Count + state.Afters.Count > 0)
        {
            _sink.WriteContainer(new AllureContainer
            {
                Uuid = _options.NewUuid(),
                Name = scenario.Title,
                Children = [state.Uuid],
                Befores = [.. state.Befores],
                Afters = [.. state.Afters],
                Start = state.Start,
                Stop = stop,
            });
        }

        _features.GetOrAdd(scenario.Feature, _ => new HookGroup()).AddChild(state.Uuid);
        _run.AddChild(state.Uuid);
    }

    /// <summary>
    /// A scenario's message as its result shows it: whole up to <see cref="HeadlineLength"/> characters, else cut at a
    /// line end. Allure repeats the result's message in its categories (twice in the page), and a traffic failure's
    /// message quotes up to 12 frames; the whole message stays on the failing step (or hook).
    /// </summary>
    internal static string? Headline(string? message)
    {
        if (message is null || message.Length <= HeadlineLength)
        {
            return message;
        }

        var end = message.LastIndexOf('\n', HeadlineLength);
        var cut = end > 0 ? message[..end] : ScenarioEvidence.Cut(message, HeadlineLength);
        return $"{cut.TrimEnd()}\n… (the whole message is on the failing step)";
    }

    private const int HeadlineLength = 600;

    /// <summary>
    /// The feature a feature hook belongs to (the events do not say): the one starting in this async flow for
    /// BeforeFeature; for AfterFeature the only open feature, else none (parallel features stay unattributed).
    /// </summary>
    private HookGroup? FeatureOfHook()
    {
        if (_startingFeature.Value is { } starting && _features.TryGetValue(starting, out var group))
        {
            return group;
        }

        var open = _features.Values.Take(2).ToList();
        return open.Count == 1 ? open[0] : null;
    }

    private static AllureParameter Masked(string name, string value, bool? excluded) =>
        new(name, SecretMasking.MaskValue(name, value)) { Excluded = excluded };

    private AllureAttachment Attach(ScenarioAttachment attachment)
    {
        var source = $"{_options.NewUuid()}-attachment{AttachmentTypes.ExtensionOf(attachment.Name, attachment.MimeType)}";
        _sink.WriteAttachment(source, attachment.Content);
        return new AllureAttachment(attachment.Name, source, attachment.MimeType);
    }

    private void WriteGroup(HookGroup group, string name)
    {
        List<AllureStep> befores, afters;
        List<string> children;
        lock (group)
        {
            befores = [.. group.Befores];
            afters = [.. group.Afters];
            children = [.. group.Children];
        }

        if (befores.Count + afters.Count == 0 || children.Count == 0)
        {
            return;
        }

        _sink.WriteContainer(new AllureContainer
        {
            Uuid = _options.NewUuid(),
            Name = name,
            Children = children,
            Befores = befores,
            Afters = afters,
            Start = group.Start,
            Stop = Math.Max(group.Start, Now),
        });
    }

    private sealed class ScenarioState(ScenarioContext context, string uuid, long start, string thread)
    {
        public ScenarioContext Context { get; } = context;

        public string Uuid { get; } = uuid;

        public long Start { get; } = start;

        public string Thread { get; } = thread;

        public long StepStart { get; set; } = start;

        public List<AllureStep> Steps { get; } = [];

        public List<AllureStep> StepHooks { get; } = [];

        public List<AllureStep> Befores { get; } = [];

        public List<AllureStep> Afters { get; } = [];

        public List<ScenarioParameter> Parameters { get; } = [];

        /// <summary>Sub-steps only a failure keeps (<see cref="ReportSubStep.KeptWhenNotFailed"/>).</summary>
        public HashSet<AllureStep> FailureOnly { get; } = new(ReferenceEqualityComparer.Instance);
    }

    private sealed class HookGroup
    {
        public long Start { get; set; }

        public List<AllureStep> Befores { get; } = [];

        public List<AllureStep> Afters { get; } = [];

        public List<string> Children { get; } = [];

        public void AddChild(string uuid)
        {
            lock (this)
            {
                Children.Add(uuid);
            }
        }
    }
}
