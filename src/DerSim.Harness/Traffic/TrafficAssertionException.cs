namespace DerSim.Harness.Traffic;

/// <summary>An assertion on recorded traffic failed; the message quotes the offending frames.</summary>
public sealed class TrafficAssertionException : Exception
{
    /// <summary>Creates the failure with <paramref name="problem"/> and the frames that show it.</summary>
    public TrafficAssertionException(string problem, IReadOnlyList<RecordedFrame> frames)
        : base(frames.Count == 0 ? problem : $"{problem}:\n{TrafficQuery.Quote(frames)}")
    {
        Problem = problem;
        OffendingFrames = frames;
    }

    /// <summary>What went wrong, without the quoted frames.</summary>
    public string Problem { get; }

    /// <summary>The frames that broke the expectation (reporters attach them).</summary>
    public IReadOnlyList<RecordedFrame> OffendingFrames { get; }
}
