using System.Diagnostics;
using System.Globalization;
using DerSim.Ocpp;

namespace DerSim.Bench;

/// <summary>
/// One start of the sim cut into phases by its <see cref="StartupTrace"/> marks: wall and CPU milliseconds from the
/// process start to each mark, the last one being the BootNotification's arrival at the CSMS.
/// </summary>
internal sealed record StartupBreakdown(IReadOnlyDictionary<string, (double WallMs, double CpuMs)> Marks)
{
    /// <summary>What each mark ends: the phase from the mark before it (the first from the process start) to it.</summary>
    private static readonly Dictionary<string, string> Phases = new(StringComparer.Ordinal)
    {
        ["main"] = "process start to Main: dotnet host, runtime, entry assembly",
        ["cli"] = "command line parsed",
        ["profile"] = "EVSE profile loaded and checked (validator set up)",
        ["runner"] = "station, engine and runner built, first line printed",
        ["boot-schemas"] = "BootNotification schemas built (on a pool thread, from the command line on)",
        ["connect"] = "to the WebSocket connect call",
        ["open"] = "WebSocket connected (TCP, HTTP upgrade)",
        ["boot"] = "BootNotification built, encoded and validated",
        ["arrived"] = "written and read by the CSMS",
    };

    /// <summary>Reads the <c>startup-trace</c> lines of <paramref name="stderr"/>; null when there are none.</summary>
    public static StartupBreakdown? Parse(string stderr, long startedTicks, double arrivedMs, double cpuAfterBootMs)
    {
        var marks = new Dictionary<string, (double, double)>(StringComparer.Ordinal);
        foreach (var line in stderr.Split('\n'))
        {
            var parts = line.Trim().Split(' ');
            if (parts is ["startup-trace", var name, var ticks, var cpuUs]
                && long.TryParse(ticks, CultureInfo.InvariantCulture, out var t)
                && long.TryParse(cpuUs, CultureInfo.InvariantCulture, out var c))
            {
                marks[name] = ((t - startedTicks) * 1000.0 / Stopwatch.Frequency, c / 1000.0);
            }
        }

        if (marks.Count == 0)
        {
            return null;
        }

        // The CPU figure at the arrival is read a moment later, from outside: it includes what the sim did meanwhile.
        marks["arrived"] = (arrivedMs, cpuAfterBootMs);
        return new StartupBreakdown(marks);
    }

    /// <summary>Prints each phase's median and p90 of wall and CPU time over <paramref name="runs"/>.</summary>
    public static void Print(IReadOnlyList<StartupBreakdown> runs)
    {
        if (runs.Count == 0)
        {
            Console.WriteLine("no breakdown: the sim wrote no startup-trace lines (is it older than the trace?)");
            return;
        }

        Console.WriteLine($"where the time goes (median / p90 over {runs.Count} run(s), ms; CPU is user+sys of the sim, all threads):");
        Console.WriteLine($"  {"phase (to the mark)",-70} {"wall",15} {"CPU",15}");

        // Marks in the order they come (by median time), so a mark added to the sim shows without a change here.
        var order = runs.SelectMany(r => r.Marks.Keys).Distinct(StringComparer.Ordinal)
            .OrderBy(m => StartupBench.Median(runs.Where(r => r.Marks.ContainsKey(m)).Select(r => r.Marks[m].WallMs).ToList()))
            .ToList();
        string? previous = null;
        foreach (var mark in order)
        {
            var wall = new List<double>();
            var cpu = new List<double>();
            foreach (var run in runs)
            {
                var from = previous is null ? (0.0, 0.0) : run.Marks.GetValueOrDefault(previous, (double.NaN, double.NaN));
                if (run.Marks.TryGetValue(mark, out var at) && !double.IsNaN(from.Item1))
                {
                    wall.Add(at.WallMs - from.Item1);
                    cpu.Add(at.CpuMs - from.Item2);
                }
            }

            previous = mark;
            var phase = $"{Phases.GetValueOrDefault(mark, mark)} ({mark})";
            Console.WriteLine(wall.Count == 0
                ? $"  {phase,-70} {"-",15} {"-",15}"
                : string.Format(
                    CultureInfo.InvariantCulture,
                    "  {0,-70} {1,6:0.0} / {2,6:0.0} {3,6:0.0} / {4,6:0.0}",
                    phase,
                    StartupBench.Median(wall),
                    StartupBench.Percentile(wall, 0.9),
                    StartupBench.Median(cpu),
                    StartupBench.Percentile(cpu, 0.9)));
        }
    }
}
