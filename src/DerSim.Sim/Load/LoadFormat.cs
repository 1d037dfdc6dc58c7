using System.Globalization;

namespace DerSim.Sim.Load;

/// <summary>How the load reports show numbers: invariant culture, thousands separated, units a person reads at once.</summary>
public static class LoadFormat
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>A count: <c>1,000,000</c>.</summary>
    public static string Count(long value) => value.ToString("N0", Invariant);

    /// <summary>A latency given in µs: three significant digits in ms, seconds from 10 s up.</summary>
    public static string Latency(long micros) => micros switch
    {
        >= 10_000_000 => $"{Significant(micros / 1e6)} s",
        _ => $"{Significant(micros / 1e3)} ms",
    };

    /// <summary>A rate per second with at most one decimal: <c>12,345.6/s</c>.</summary>
    public static string Rate(double perSecond) => $"{perSecond.ToString(perSecond >= 100 ? "N0" : "N1", Invariant)}/s";

    /// <summary>Seconds: <c>12.3 s</c>, from a minute on <c>2 min 05 s</c>.</summary>
    public static string Duration(double seconds)
    {
        if (seconds < 60)
        {
            return $"{seconds.ToString(seconds < 10 ? "0.##" : "0.#", Invariant)} s";
        }

        var whole = (long)Math.Round(seconds);
        return whole < 3600
            ? string.Create(Invariant, $"{whole / 60} min {whole % 60:00} s")
            : string.Create(Invariant, $"{whole / 3600} h {whole / 60 % 60:00} min {whole % 60:00} s");
    }

    /// <summary>A clock reading on a chart axis: <c>45 s</c>, <c>2:30</c>, <c>1:02:30</c>.</summary>
    public static string Clock(double seconds)
    {
        var whole = (long)Math.Round(seconds);
        return whole < 60 ? $"{whole} s"
            : whole < 3600 ? string.Create(Invariant, $"{whole / 60}:{whole % 60:00}")
            : string.Create(Invariant, $"{whole / 3600}:{whole / 60 % 60:00}:{whole % 60:00}");
    }

    /// <summary>Bytes in KB or MB (1024-based), three significant digits.</summary>
    public static string Bytes(double bytes) => bytes switch
    {
        >= 1024 * 1024 * 1024 => $"{Significant(bytes / (1024.0 * 1024 * 1024))} GB",
        >= 1024 * 1024 => $"{Significant(bytes / (1024.0 * 1024))} MB",
        >= 1024 => $"{Significant(bytes / 1024)} KB",
        _ => $"{Math.Round(bytes).ToString("0", Invariant)} B",
    };

    /// <summary>A plain number for an axis or an SVG coordinate, at most two decimals.</summary>
    public static string Number(double value) => value.ToString("0.##", Invariant);

    /// <summary>Three significant digits (<c>0.123</c>, <c>1.23</c>, <c>12.3</c>, <c>123</c>, <c>1,234</c>).</summary>
    public static string Significant(double value) => Math.Abs(value) switch
    {
        0 => "0",
        < 1 => value.ToString("0.###", Invariant),
        < 10 => value.ToString("0.##", Invariant),
        < 100 => value.ToString("0.#", Invariant),
        _ => value.ToString("N0", Invariant),
    };
}
