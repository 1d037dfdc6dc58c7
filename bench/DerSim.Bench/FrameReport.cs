using System.Globalization;
using BenchmarkDotNet.Reports;

namespace DerSim.Bench;

/// <summary>Prints the figures issue 2 asks for: ops/s, bytes per op, and encode+decode against a plain parse.</summary>
public static class FrameReport
{
    /// <summary>The 0.5× target: encode+decode must keep at least half the throughput of a plain parse.</summary>
    public const double TargetRatio = 0.5;

    /// <summary>Writes the table and the ratio for every summary holding <see cref="FrameBenchmarks"/>.</summary>
    public static void Print(IEnumerable<Summary> summaries)
    {
        foreach (var summary in summaries)
        {
            var rows = summary.Reports
                .Where(r => r.ResultStatistics is not null && r.BenchmarkCase.Descriptor.Type == typeof(FrameBenchmarks))
                .ToDictionary(
                    r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name,
                    r => (MeanNs: r.ResultStatistics!.Mean, Bytes: r.GcStats.GetBytesAllocatedPerOperation(r.BenchmarkCase)));
            if (rows.Count == 0)
            {
                continue;
            }

            var invariant = CultureInfo.InvariantCulture;
            var sample = new FrameBenchmarks();
            sample.Setup();
            Console.WriteLine();
            Console.WriteLine($"TransactionEvent CALL frame: {sample.FrameBytes} bytes");
            Console.WriteLine($"{"Benchmark",-30} {"mean µs",10} {"ops/s",12} {"bytes/op",10}");
            foreach (var (name, (meanNs, bytes)) in rows)
            {
                Console.WriteLine(string.Format(invariant, "{0,-30} {1,10:0.000} {2,12:N0} {3,10}", name, meanNs / 1000, 1e9 / meanNs, bytes?.ToString(invariant) ?? "?"));
            }

            if (rows.TryGetValue(nameof(FrameBenchmarks.EncodeDecode), out var ours) && rows.TryGetValue(nameof(FrameBenchmarks.PlainJsonDocumentParse), out var plain))
            {
                var ratio = plain.MeanNs / ours.MeanNs;
                Console.WriteLine(string.Format(invariant, "encode+decode throughput / JsonDocument.Parse throughput = {0:0.00}× (target ≥ {1}×): {2}",
                    ratio, TargetRatio, ratio >= TargetRatio ? "met" : "NOT met"));
            }
        }
    }
}
