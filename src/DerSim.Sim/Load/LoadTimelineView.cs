namespace DerSim.Sim.Load;

/// <summary>One point of the report's charts: an interval of the timeline ending at <see cref="AtSeconds"/>.</summary>
/// <param name="AtSeconds">The end of the interval, in seconds since the run started.</param>
/// <param name="Seconds">How long the interval was.</param>
/// <param name="Connected">Stations connected at its end.</param>
/// <param name="Booted">Stations booted at its end.</param>
/// <param name="Charging">Stations charging at its end.</param>
/// <param name="SentPerSecond">Frames the stations sent per second during it.</param>
/// <param name="ReceivedPerSecond">Frames the stations received per second during it.</param>
/// <param name="Latency">Latency of the CALLs answered during it.</param>
internal sealed record LoadTimelinePoint(double AtSeconds, double Seconds, int Connected, int Booted, int Charging, double SentPerSecond, double ReceivedPerSecond, LatencySnapshot Latency);

/// <summary>
/// The timeline as chart points: one per sample (second) up to <see cref="MaxPoints"/>; a longer run is drawn with
/// one point per group of consecutive samples (station counts of the group's last, frames per second over the group,
/// latency percentiles of all the group's calls together), so a day-long soak still makes a page of a few hundred KB.
/// </summary>
internal static class LoadTimelineView
{
    /// <summary>The most points a chart series gets.</summary>
    public const int MaxPoints = 1200;

    /// <summary>How many consecutive samples make one point for a timeline of <paramref name="samples"/>.</summary>
    public static int GroupSize(int samples, int maxPoints = MaxPoints) =>
        samples <= maxPoints ? 1 : (int)(((long)samples + maxPoints - 1) / maxPoints);

    /// <summary>The chart points of <paramref name="timeline"/>.</summary>
    public static IReadOnlyList<LoadTimelinePoint> Points(IReadOnlyList<LoadSample> timeline, int maxPoints = MaxPoints)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var ordered = timeline.OrderBy(s => s.AtSeconds).ToList();
        var group = GroupSize(ordered.Count, maxPoints);
        var points = new List<LoadTimelinePoint>((ordered.Count + group - 1) / group);
        var previousEnd = 0.0;
        for (var i = 0; i < ordered.Count; i += group)
        {
            var samples = ordered.GetRange(i, Math.Min(group, ordered.Count - i));
            var last = samples[^1];
            // A first sample at 0 s, or two at one instant, would divide by nothing: count such an interval as a second.
            var seconds = last.AtSeconds - previousEnd > 0 ? last.AtSeconds - previousEnd : 1;
            previousEnd = last.AtSeconds;
            points.Add(new LoadTimelinePoint(
                last.AtSeconds,
                seconds,
                last.Connected,
                last.Booted,
                last.Charging,
                samples.Sum(s => s.FramesSent) / seconds,
                samples.Sum(s => s.FramesReceived) / seconds,
                samples.Count == 1 ? last.Latency : LatencySnapshot.Merge(samples.Select(s => s.Latency))));
        }

        return points;
    }

    /// <summary>Frames per second each way for every sample of <paramref name="timeline"/> (no grouping).</summary>
    public static IReadOnlyList<(double Sent, double Received)> Rates(IReadOnlyList<LoadSample> timeline) =>
        [.. Points(timeline, int.MaxValue).Select(p => (p.SentPerSecond, p.ReceivedPerSecond))];
}
