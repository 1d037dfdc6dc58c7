namespace DerSim.Sim.Load;

/// <summary>
/// The figures a reader of a <see cref="LoadSummary"/> asks for first, derived from it (the progress line, the final
/// table, the benchmark, the HTML page): memory per station, CPU per frame in the steady phase, rates.
/// </summary>
public static class LoadFigures
{
    /// <summary>Seconds after every station was up before the steady phase starts: the last boots' traffic settles.</summary>
    public const double SettleSeconds = 10;

    /// <summary>(Steady working set − baseline) ÷ stations, in bytes; null without a steady reading.</summary>
    public static double? BytesPerStation(LoadSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var p = summary.Process;
        return p.SteadyWorkingSetBytes > 0 && summary.Run.Stations > 0
            ? (double)(p.SteadyWorkingSetBytes - p.BaselineWorkingSetBytes) / summary.Run.Stations
            : null;
    }

    /// <summary>The samples of the steady phase: from <see cref="SettleSeconds"/> after every station was up to the end.</summary>
    public static IReadOnlyList<LoadSample> Steady(LoadSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return summary.Stations.AllBootedAfterSeconds is { } up
            ? [.. summary.Timeline.Where(s => s.AtSeconds > up + SettleSeconds)]
            : [];
    }

    /// <summary>CPU milliseconds per frame (sent + received) in the steady phase; null when it had no frames.</summary>
    public static double? SteadyCpuMsPerFrame(LoadSummary summary)
    {
        var steady = Steady(summary);
        var frames = steady.Sum(s => s.FramesSent + s.FramesReceived);
        return frames > 0 ? steady.Sum(s => s.CpuSeconds) * 1000 / frames : null;
    }

    /// <summary>CPU milliseconds per frame over the whole run (connecting and booting included).</summary>
    public static double? CpuMsPerFrame(LoadSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var frames = summary.Frames.Sent + summary.Frames.Received;
        return frames > 0 ? summary.Process.CpuSeconds * 1000 / frames : null;
    }

    /// <summary>Frames per second each way in the steady phase (sent, received); zeros without one.</summary>
    public static (double Sent, double Received) SteadyFramesPerSecond(LoadSummary summary)
    {
        var steady = Steady(summary);
        if (steady.Count < 2)
        {
            return (0, 0);
        }

        var seconds = steady[^1].AtSeconds - steady[0].AtSeconds + 1;
        return (steady.Sum(s => s.FramesSent) / seconds, steady.Sum(s => s.FramesReceived) / seconds);
    }

    /// <summary>The latency of the stations' calls answered in the steady phase, every action together.</summary>
    public static LatencySnapshot SteadyLatency(LoadSummary summary) => LatencySnapshot.Merge(Steady(summary).Select(s => s.Latency));

    /// <summary>Every call of the stations' answered or not, every action together.</summary>
    public static LatencySnapshot StationLatency(LoadSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return LatencySnapshot.Merge(summary.Actions.Where(a => a.CalledBy == LoadMetrics.ByStation).Select(a => a.Latency));
    }
}
