using System.Globalization;

namespace DerSim.Sim.Load;

/// <summary>
/// The progress of a load run on stderr: on a terminal one line rewritten every second (carriage return), else a
/// plain line every <see cref="PlainEverySeconds"/> seconds with the rates and latencies of those seconds.
/// </summary>
public sealed class ProgressPrinter(TextWriter output, bool terminal)
{
    /// <summary>Seconds between lines when the output is not a terminal (a log file, CI).</summary>
    public const int PlainEverySeconds = 10;

    private readonly List<LoadSample> _window = [];
    private int _width;
    private LoadProgress _last;

    /// <summary>Takes one second's sample; prints when it is time.</summary>
    public void Add(LoadSample sample, LoadProgress progress)
    {
        ArgumentNullException.ThrowIfNull(sample);
        _window.Add(sample);
        _last = progress;
        if (terminal)
        {
            var line = Line(_window, progress);
            _window.Clear();
            // Padded over the previous line, which may have been longer.
            output.Write("\r" + line.PadRight(_width));
            _width = line.Length;
            output.Flush();
        }
        else if (_window.Count >= PlainEverySeconds)
        {
            output.WriteLine(Line(_window, progress));
            _window.Clear();
        }
    }

    /// <summary>Ends the rewritten line (terminal), or prints the seconds not yet printed (plain), so the last state is shown.</summary>
    public void Finish()
    {
        if (terminal && _width > 0)
        {
            output.WriteLine();
        }
        else if (!terminal && _window.Count > 0)
        {
            output.WriteLine(Line(_window, _last));
            _window.Clear();
        }
    }

    /// <summary>
    /// <c>t=42s connected 9,812/10,000 booted 9,800 charging 9,790 | tx 1,020/s rx 1,019/s | p50 2.1 p99 14.2 ms |
    /// errors 0 unanswered 0 reconnects 0 lost 0 | 412 MB 31 % CPU</c> over the samples of <paramref name="window"/>
    /// (CPU as top shows it: 100 % is one core).
    /// </summary>
    public static string Line(IReadOnlyList<LoadSample> window, LoadProgress progress)
    {
        ArgumentNullException.ThrowIfNull(window);
        var last = window[^1];
        var seconds = Math.Max(1, window.Count);
        var latency = window.Count == 1 ? last.Latency : LatencySnapshot.Merge(window.Select(s => s.Latency));
        var c = CultureInfo.InvariantCulture;
        return string.Create(c,
            $"t={last.AtSeconds:0}s connected {last.Connected:N0}/{progress.Stations:N0} booted {last.Booted:N0} charging {last.Charging:N0} | " +
            $"tx {window.Sum(s => s.FramesSent) / (double)seconds:N0}/s rx {window.Sum(s => s.FramesReceived) / (double)seconds:N0}/s | " +
            $"p50 {latency.PercentileMicros(50) / 1000.0:0.0} p99 {latency.PercentileMicros(99) / 1000.0:0.0} ms | " +
            $"errors {progress.Errors:N0} unanswered {progress.Unanswered:N0} reconnects {progress.Reconnects:N0} lost {progress.Lost:N0} | " +
            $"{last.WorkingSetBytes / 1048576.0:N0} MB {window.Sum(s => s.CpuSeconds) * 100 / seconds:0} % CPU");
    }
}
