using System.CommandLine;
using DerSim.Ocpp;
using DerSim.Sim.Load;

namespace DerSim.Harness.Cli;

/// <summary>
/// <c>dersim load-merge DIR|FILE…</c>: the summaries of a load run's shards (<c>./sim --stations N --shard K/N</c>, one
/// process each) merged into one (<see cref="LoadSummaryMerge"/>: counts add, latency histograms add bucket by bucket,
/// timelines on one clock), written as <c>summary.json</c> and <c>index.html</c> into <c>reports/load/merged-&lt;UTC
/// time&gt;/</c> or <c>--out</c>. Every input is read and checked before anything is written: a missing file, a file
/// that is not a summary (its JSON path named), a shard given twice or shards of differently split runs is one line
/// naming the file, exit 2, and no folder.
/// </summary>
internal static class LoadMergeCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("DIR|FILE") { Description = "each shard's report folder (reports/load/<time>/, holding summary.json) or its summary.json", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string?>("--out") { Description = "the folder for the merged summary.json and index.html (default: reports/load/merged-<UTC time>/)" };
        var command = new Command("load-merge", "Merge the summary.json of each shard of a load run (./sim --stations N --shard K/N) into one summary.json and index.html: counts add up, latency percentiles are those of every call of every shard, the timelines share one clock. See docs/load-sharding.md.")
        {
            inputs, output,
        };
        command.SetAction(result => Run(result.GetValue(inputs) ?? [], result.GetValue(output), Console.Out, Console.Error, TimeProvider.System));
        return command;
    }

    /// <summary>Merges <paramref name="inputs"/> into <paramref name="output"/> (null: the default folder); the exit code.</summary>
    internal static int Run(IReadOnlyList<string> inputs, string? output, TextWriter stdout, TextWriter stderr, TimeProvider time)
    {
        var shards = new List<(string File, LoadSummary Summary)>();
        foreach (var input in inputs)
        {
            if (Read(input, out var problem) is not { } read)
            {
                return Refuse(stderr, problem!);
            }

            shards.Add(read);
        }

        if (Check(shards) is { } mismatch)
        {
            return Refuse(stderr, mismatch);
        }

        var folder = output ?? DefaultFolder(time);
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        var clash = shards.Find(s => Path.GetDirectoryName(Path.GetFullPath(s.File)) == full).File;
        if (clash is not null)
        {
            return Refuse(stderr, $"--out {output}: holds the input {clash}, which the merge would replace; write it elsewhere");
        }

        LoadSummary merged;
        try
        {
            merged = LoadSummaryMerge.Merge([.. shards.Select(s => s.Summary)]);
        }
        catch (InvalidDataException ex)
        {
            return Refuse(stderr, ex.Message);
        }

        try
        {
            LoadReportFolder.Write(merged, folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Refuse(stderr, $"{(output is null ? "" : "--out ")}{folder}: cannot write the merged report ({ex.Message})");
        }

        var headline = LoadHeadline.Of(merged);
        if (headline.ShardsMissing.Count > 0)
        {
            stderr.WriteLine($"dersim load-merge: note: shard {string.Join(", ", headline.ShardsMissing)} of {headline.ShardCount} not given; the merged figures cover {headline.ShardsPresent.Count} shards");
        }

        stdout.Write(LoadReportText.Headline(merged));
        stdout.WriteLine($"merged {shards.Count} summaries into {Shown(full)}{Path.DirectorySeparatorChar} ({LoadSummaryJson.FileName}, {LoadReportHtml.FileName})");
        return 0;
    }

    /// <summary>The summary of one input (a folder with summary.json, or the file), or null and one line why not.</summary>
    private static (string File, LoadSummary Summary)? Read(string input, out string? problem)
    {
        problem = null;
        var file = input;
        if (Directory.Exists(input))
        {
            file = Path.Combine(input, LoadSummaryJson.FileName);
            if (!File.Exists(file))
            {
                problem = $"{input}: no {LoadSummaryJson.FileName} in this folder";
                return null;
            }
        }
        else if (!File.Exists(input))
        {
            problem = $"{input}: no such file or folder";
            return null;
        }

        try
        {
            return (file, LoadSummaryJson.Read(File.ReadAllText(file)));
        }
        catch (InvalidDataException ex)
        {
            problem = $"{file}: {ex.Message}";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problem = $"{file}: cannot read it ({ex.Message})";
        }

        return null;
    }

    /// <summary>
    /// Null when the summaries are shards of one run, each once; else one line naming the file at fault (the merge
    /// itself checks the same, but knows no file names).
    /// </summary>
    private static string? Check(List<(string File, LoadSummary Summary)> shards)
    {
        var seen = new Dictionary<int, string>();
        var (firstFile, first) = shards[0];
        foreach (var (file, summary) in shards)
        {
            if (summary.Run.ShardCount != first.Run.ShardCount)
            {
                return $"{file}: a run split into {summary.Run.ShardCount} shards, but {firstFile} is of a run split into {first.Run.ShardCount}: merge the shards of one run";
            }

            foreach (var run in summary.Shards.Count > 0 ? summary.Shards : [summary.Run])
            {
                if (run.ShardIndex < 1 || run.ShardIndex > run.ShardCount)
                {
                    return $"{file}: shard {run.ShardIndex}/{run.ShardCount}: a shard number is 1-{run.ShardCount}";
                }

                if (!seen.TryAdd(run.ShardIndex, file))
                {
                    return $"{file}: shard {run.ShardIndex}/{run.ShardCount} again, {seen[run.ShardIndex]} has it already: give each shard's summary once";
                }
            }
        }

        return null;
    }

    private static string DefaultFolder(TimeProvider time)
    {
        var load = Path.Combine(GherkinSetup.Root(), "reports", "load");
        var name = $"merged-{LoadReportFolder.Name(time.GetUtcNow())}";
        var folder = Path.Combine(load, name);
        for (var n = 2; Directory.Exists(folder); n++)
        {
            folder = Path.Combine(load, $"{name}-{n}");
        }

        return folder;
    }

    private static string Shown(string path)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }

    private static int Refuse(TextWriter stderr, string problem)
    {
        stderr.WriteLine($"dersim load-merge: {LogText.Escape(problem)}");
        return DersimCli.ExitUsage;
    }
}
