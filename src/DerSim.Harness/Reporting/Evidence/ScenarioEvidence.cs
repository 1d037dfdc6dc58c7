using System.Text;
using DerSim.Gherkin.Model;
using DerSim.Harness.Traffic;

namespace DerSim.Harness.Reporting.Evidence;

/// <summary>
/// How much of a scenario's traffic its report page carries. The single-file report embeds every attachment as base64,
/// so the whole traffic of every scenario made it tens of megabytes; the whole traffic is now a file beside the report
/// (<see cref="ScenarioFiles"/>), and the page keeps what a reader needs: a failure's transcript (bounded) and an
/// excerpt of a passing scenario's.
/// </summary>
public static class ScenarioEvidence
{
    /// <summary>Frames an excerpt shows from the start and from the end of the traffic.</summary>
    public const int ExcerptFrames = 3;

    /// <summary>Characters of a frame line an excerpt shows.</summary>
    public const int ExcerptLineLength = 120;

    /// <summary>Bytes of a failure's transcript the page carries; beyond it long frames are cut, then the middle.</summary>
    public const int TranscriptLimit = 20 * 1024;

    /// <summary>Characters of a frame line a transcript over <see cref="TranscriptLimit"/> shows.</summary>
    public const int LongLineLength = 600;

    /// <summary>
    /// True for the outcomes whose page carries the full evidence (transcript, charts, profiles, each step's OCPP
    /// exchanges): failed, ambiguous and broken, Allure's failed and broken. Passed and not judged (skipped, not
    /// applicable, pending, undefined) scenarios carry an excerpt and links.
    /// </summary>
    public static bool IsFailure(ScenarioStatus status) => status is ScenarioStatus.Failed or ScenarioStatus.Ambiguous or ScenarioStatus.Broken;

    /// <summary>
    /// The first and last <see cref="ExcerptFrames"/> frames of <paramref name="frames"/>, one line each cut at
    /// <see cref="ExcerptLineLength"/> characters, under a line that says what was left out.
    /// </summary>
    public static string Excerpt(IReadOnlyList<RecordedFrame> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        var lines = frames.Select(f => f.ToString()).ToList();
        var cut = lines.Any(l => l.Length > ExcerptLineLength);
        var text = new StringBuilder();
        var shown = lines.Count <= 2 * ExcerptFrames ? $"all {lines.Count}" : $"the first {ExcerptFrames} and the last {ExcerptFrames}";
        text.Append($"OCPP traffic: {Frames(lines.Count)}; {shown} below{(cut ? $", lines cut at {ExcerptLineLength} characters" : "")}. The whole traffic is linked from this scenario.\n");
        if (lines.Count <= 2 * ExcerptFrames)
        {
            lines.ForEach(l => text.Append(Cut(l, ExcerptLineLength)).Append('\n'));
            return text.ToString();
        }

        lines.Take(ExcerptFrames).ToList().ForEach(l => text.Append(Cut(l, ExcerptLineLength)).Append('\n'));
        text.Append($"… {Frames(lines.Count - (2 * ExcerptFrames))} left out …\n");
        lines.TakeLast(ExcerptFrames).ToList().ForEach(l => text.Append(Cut(l, ExcerptLineLength)).Append('\n'));
        return text.ToString();
    }

    /// <summary>
    /// The transcript of <paramref name="frames"/> (one line per frame) when it fits in <see cref="TranscriptLimit"/>
    /// bytes; else with lines cut at <see cref="LongLineLength"/> characters, and if that is still too long its first
    /// quarter and last three quarters of the limit, under a line that says so.
    /// </summary>
    public static string BoundedTranscript(IReadOnlyList<RecordedFrame> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        var lines = frames.Select(f => f.ToString()).ToList();
        if (Bytes(lines) <= TranscriptLimit)
        {
            return string.Concat(lines.Select(l => l + "\n"));
        }

        var shortened = lines.Select(l => Cut(l, LongLineLength)).ToList();
        var note = $"OCPP traffic: {Frames(lines.Count)}, lines cut at {LongLineLength} characters";
        if (Bytes(shortened) <= TranscriptLimit)
        {
            return $"{note}; the whole transcript is linked from this scenario.\n" + string.Concat(shortened.Select(l => l + "\n"));
        }

        var head = Within(shortened, TranscriptLimit / 4);
        var tail = Within(Enumerable.Reverse(shortened).ToList(), TranscriptLimit - (TranscriptLimit / 4));
        tail.Reverse();
        var text = new StringBuilder($"{note}, {Frames(lines.Count - head.Count - tail.Count)} in the middle left out; the whole transcript is linked from this scenario.\n");
        head.ForEach(l => text.Append(l).Append('\n'));
        text.Append($"… {Frames(lines.Count - head.Count - tail.Count)} left out …\n");
        tail.ForEach(l => text.Append(l).Append('\n'));
        return text.ToString();
    }

    /// <summary>
    /// The failure's problem and the frames behind it, one transcript line each, as many as fit in a quarter of
    /// <see cref="TranscriptLimit"/> bytes; the rest are counted (all of them are in the traffic).
    /// </summary>
    public static string OffendingFrames(string problem, IReadOnlyList<RecordedFrame> frames)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(frames);
        var shown = Within([.. frames.Select(f => f.ToString())], TranscriptLimit / 4);
        var text = new StringBuilder($"{problem}\n\nThe frames, as in the transcript:\n");
        shown.ForEach(r => text.Append(r).Append('\n'));
        if (shown.Count < frames.Count)
        {
            text.Append($"… {Frames(frames.Count - shown.Count)} more: see the scenario's traffic\n");
        }

        return text.ToString();
    }

    /// <summary><paramref name="line"/> cut to <paramref name="length"/> characters with "…", never inside a surrogate pair.</summary>
    internal static string Cut(string line, int length)
    {
        if (line.Length <= length)
        {
            return line;
        }

        var end = char.IsHighSurrogate(line[length - 1]) ? length - 1 : length;
        return string.Concat(line.AsSpan(0, end), "…");
    }

    private static string Frames(int count) => count == 1 ? "1 frame" : $"{count} frames";

    private static int Bytes(IEnumerable<string> lines) => lines.Sum(l => Encoding.UTF8.GetByteCount(l) + 1);

    /// <summary>The leading lines of <paramref name="lines"/> whose bytes stay within <paramref name="budget"/>.</summary>
    private static List<string> Within(IReadOnlyList<string> lines, int budget)
    {
        var taken = new List<string>();
        foreach (var line in lines)
        {
            budget -= Encoding.UTF8.GetByteCount(line) + 1;
            if (budget < 0)
            {
                break;
            }

            taken.Add(line);
        }

        return taken;
    }
}
