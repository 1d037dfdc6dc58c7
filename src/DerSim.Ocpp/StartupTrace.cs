using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace DerSim.Ocpp;

/// <summary>
/// Milestones of a process's start, for the breakdown that <c>bench/DerSim.Bench startup</c> prints. Off unless
/// <c>DERSIM_STARTUP_TRACE=1</c>; then each <see cref="Mark"/> notes the monotonic clock and the process's CPU time,
/// and the last one (<see cref="Flush"/>) writes them to stderr as <c>startup-trace NAME TICKS CPU_US</c> lines.
/// </summary>
/// <remarks>
/// <see cref="Stopwatch.GetTimestamp"/> reads CLOCK_MONOTONIC on Linux, one clock for every process, so the bench
/// subtracts the timestamp it took before starting the process. The marks are kept in memory until the end so that
/// writing them does not shift the ones after.
/// </remarks>
public static class StartupTrace
{
    /// <summary>The environment variable that turns the marks on.</summary>
    public const string EnvironmentVariable = "DERSIM_STARTUP_TRACE";

    private static readonly bool Enabled = Environment.GetEnvironmentVariable(EnvironmentVariable) == "1";
    private static readonly List<(string Name, long Ticks, TimeSpan Cpu)> Marks = [];
    private static bool flushed;

    /// <summary>Whether <c>DERSIM_STARTUP_TRACE=1</c> turned the marks on.</summary>
    public static bool IsEnabled => Enabled;

    /// <summary>Notes that the process reached <paramref name="name"/> (when the trace is on).</summary>
    public static void Mark(string name)
    {
        if (!Enabled || flushed)
        {
            return;
        }

        var ticks = Stopwatch.GetTimestamp();
        var cpu = Environment.CpuUsage.TotalTime;
        lock (Marks)
        {
            Marks.Add((name, ticks, cpu));
        }
    }

    /// <summary>Notes <paramref name="name"/> as the last mark and writes them all to stderr, once.</summary>
    public static void Flush(string name)
    {
        if (!Enabled)
        {
            return;
        }

        Mark(name);
        var text = new StringBuilder();
        lock (Marks)
        {
            if (flushed)
            {
                return;
            }

            flushed = true;
            foreach (var (mark, ticks, cpu) in Marks)
            {
                text.Append(CultureInfo.InvariantCulture, $"startup-trace {mark} {ticks} {(long)cpu.TotalMicroseconds}\n");
            }
        }

        Console.Error.Write(text.ToString());
        Console.Error.Flush();
    }
}
