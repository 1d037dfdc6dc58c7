using DerSim.Gherkin.Model;
using DerSim.Harness.Reporting.Evidence;
using DerSim.Harness.Traffic;
using DerSim.Ocpp;
using DerSim.Ocpp.Rpc;

namespace DerSim.Harness.Reporting;

/// <summary>
/// A step's OCPP exchanges as sub-steps: one per CALL ("DERSIM-1 → BootNotification ✓"), failed when its answer was an
/// error or a frame broke the schema. A run of identical exchanges that went well is one sub-step with a count
/// ("DERSIM-1 → MeterValues ✓ ×40"): a charging step sends dozens, and the page needs them once.
/// </summary>
public static class TrafficSubSteps
{
    /// <summary>The sub-steps of <paramref name="frames"/> (the step's traffic), at most <paramref name="max"/> and then a line with the rest.</summary>
    public static IReadOnlyList<ReportSubStep> Of(IReadOnlyList<RecordedFrame> frames, int max)
    {
        ArgumentNullException.ThrowIfNull(frames);
        var answers = frames.Where(f => f.MessageType is not (OcppMessageType.Call or OcppMessageType.Send) && f.MessageId is not null)
            .GroupBy(f => (f.StationId, f.MessageId)).ToDictionary(g => g.Key, g => g.First());
        var each = new List<ReportSubStep>();
        foreach (var call in frames.Where(f => f.MessageType is OcppMessageType.Call or OcppMessageType.Send))
        {
            answers.TryGetValue((call.StationId, call.MessageId), out var answer);
            var arrow = call.Direction == FrameDirection.Outbound ? "→" : "←";
            var problems = call.Violations.Concat(answer?.Violations ?? []).ToList();
            var failed = answer?.ErrorCode is not null || problems.Count > 0;
            var detail = failed ? string.Join("\n", new[] { answer?.ErrorCode is { } code ? $"answered {code}: {answer.Raw}" : null }.Concat(problems).OfType<string>()) : null;
            var outcome = answer is null ? " (no answer during this step)" : answer.ErrorCode is { } error ? $" ✗ {error}" : " ✓";
            each.Add(new ReportSubStep($"{call.StationId} {arrow} {call.Action}{outcome}", failed ? ScenarioStatus.Failed : ScenarioStatus.Passed, detail) { KeptWhenNotFailed = false });
        }

        var collapsed = new List<(ReportSubStep Step, int Count)>();
        foreach (var step in each)
        {
            if (collapsed.Count > 0 && step.Detail is null && collapsed[^1].Step == step)
            {
                collapsed[^1] = (step, collapsed[^1].Count + 1);
            }
            else
            {
                collapsed.Add((step, 1));
            }
        }

        var shown = collapsed.Take(max).Select(c => c.Count == 1 ? c.Step : c.Step with { Name = $"{c.Step.Name} ×{c.Count}" }).ToList();
        var rest = collapsed.Skip(max).Sum(c => c.Count);
        if (rest > 0)
        {
            shown.Add(new ReportSubStep($"… {rest} more OCPP exchanges (see the scenario's traffic)", ScenarioStatus.Passed) { KeptWhenNotFailed = false });
        }

        return shown;
    }
}
