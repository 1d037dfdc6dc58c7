using System.Globalization;
using System.Net;
using System.Text;

namespace DerSim.Sim.Load;

/// <summary>
/// One line of a chart: its name in the legend, its colour, its points (a null value leaves a gap), and whether it is
/// dashed (so a line that often lies on another still shows).
/// </summary>
internal sealed record ChartSeries(string Name, string Color, IReadOnlyList<(double X, double? Y)> Points, bool Dashed = false);

/// <summary>
/// A line chart over the run's clock as inline SVG, written by hand so the page needs no script, font or library and
/// the output is the same for the same summary. Every series is one <c>path</c> with <c>data-series</c> (its name) and
/// <c>data-points</c> (how many points it draws), so a test can count what the chart shows.
/// </summary>
internal static class LoadChartSvg
{
    private const int Width = 960;
    private const int Height = 280;
    private const int Left = 70;
    private const int Right = 20;
    private const int Top = 36;
    private const int Bottom = 40;

    /// <summary>
    /// The chart <paramref name="id"/>: <paramref name="series"/> from 0 to <paramref name="xEnd"/> seconds; with
    /// <paramref name="logScale"/> the value axis has a gridline per power of ten (latencies: a 5 ms median and a 2 s
    /// tail both stay readable).
    /// </summary>
    public static string Write(string id, string title, string unit, double xEnd, IReadOnlyList<ChartSeries> series, bool logScale = false)
    {
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var xMax = Math.Max(1, xEnd);
        var values = series.SelectMany(s => s.Points).Where(p => p.Y is not null).Select(p => p.Y!.Value).ToList();
        var yMax = NiceCeiling(values.DefaultIfEmpty(0).Max());
        var (low, high) = Decades(values);
        double X(double seconds) => Left + (Math.Clamp(seconds, 0, xMax) / xMax * plotWidth);
        double Y(double value) => logScale
            ? Top + plotHeight - ((Math.Clamp(Math.Log10(Math.Max(value, Math.Pow(10, low))), low, high) - low) / (high - low) * plotHeight)
            : Top + plotHeight - (Math.Clamp(value, 0, yMax) / yMax * plotHeight);

        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" data-chart=\"{E(id)}\" role=\"img\" aria-label=\"{E(title)}\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\">\n"));
        svg.Append(Invariant($"<title>{E(title)}</title>\n"));
        svg.Append(Invariant($"<rect x=\"{Left}\" y=\"{Top}\" width=\"{plotWidth}\" height=\"{plotHeight}\" fill=\"#fff\" stroke=\"#999\"/>\n"));
        var gridlines = logScale ? Enumerable.Range(low, high - low + 1).Select(e => Math.Pow(10, e)) : Enumerable.Range(0, 5).Select(i => yMax * i / 4);
        foreach (var value in gridlines)
        {
            var y = Y(value);
            svg.Append(Invariant($"<line x1=\"{Left}\" y1=\"{F(y)}\" x2=\"{Left + plotWidth}\" y2=\"{F(y)}\" stroke=\"#e4e4e4\"/>"))
                .Append(Invariant($"<text x=\"{Left - 6}\" y=\"{F(y + 4)}\" text-anchor=\"end\">{E(LoadFormat.Number(value))}</text>\n"));
        }

        var step = TimeStep(xMax);
        for (var t = 0.0; t <= xMax + 1e-9; t += step)
        {
            var x = X(t);
            svg.Append(Invariant($"<line x1=\"{F(x)}\" y1=\"{Top + plotHeight}\" x2=\"{F(x)}\" y2=\"{Top + plotHeight + 5}\" stroke=\"#999\"/>"))
                .Append(Invariant($"<text x=\"{F(x)}\" y=\"{Top + plotHeight + 18}\" text-anchor=\"middle\">{E(LoadFormat.Clock(t))}</text>\n"));
        }

        svg.Append(Invariant($"<text x=\"{Left + (plotWidth / 2)}\" y=\"{Height - 4}\" text-anchor=\"middle\" fill=\"#555\">time since the start of the run</text>\n"));
        svg.Append(Invariant($"<text x=\"14\" y=\"{Top + (plotHeight / 2)}\" text-anchor=\"middle\" fill=\"#555\" transform=\"rotate(-90 14 {Top + (plotHeight / 2)})\">{E(unit)}</text>\n"));

        var legendX = Left;
        foreach (var line in series)
        {
            var d = new StringBuilder();
            var count = 0;
            var pen = false;
            foreach (var (px, py) in line.Points)
            {
                if (py is not { } value)
                {
                    pen = false;
                    continue;
                }

                d.Append(pen ? " L" : (d.Length > 0 ? " M" : "M")).Append(F(X(px))).Append(',').Append(F(Y(value)));
                pen = true;
                count++;
            }

            svg.Append(Invariant($"<path class=\"series\" data-series=\"{E(line.Name)}\" data-points=\"{count}\" fill=\"none\" stroke=\"{E(line.Color)}\" stroke-width=\"1.6\" stroke-linejoin=\"round\"{(line.Dashed ? " stroke-dasharray=\"6 4\"" : "")} d=\"{d}\"/>\n"));
            svg.Append(Invariant($"<rect x=\"{legendX}\" y=\"12\" width=\"14\" height=\"4\" fill=\"{E(line.Color)}\"/><text x=\"{legendX + 18}\" y=\"18\">{E(line.Name)}</text>\n"));
            legendX += 30 + (line.Name.Length * 7);
        }

        if (series.All(s => s.Points.All(p => p.Y is null)))
        {
            svg.Append(Invariant($"<text x=\"{Left + (plotWidth / 2)}\" y=\"{Top + (plotHeight / 2)}\" text-anchor=\"middle\" fill=\"#888\">no data</text>\n"));
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>The powers of ten around <paramref name="values"/>' positive values (at least one decade apart).</summary>
    private static (int Low, int High) Decades(List<double> values)
    {
        var positive = values.Where(v => v > 0).ToList();
        if (positive.Count == 0)
        {
            return (0, 1);
        }

        var low = (int)Math.Floor(Math.Log10(positive.Min()));
        var high = (int)Math.Ceiling(Math.Log10(positive.Max()));
        return (low, Math.Max(high, low + 1));
    }

    /// <summary>A round number at or above <paramref name="value"/> for the top of the axis: 1, 2, 2.5 or 5 × 10^n.</summary>
    internal static double NiceCeiling(double value)
    {
        if (value <= 0 || double.IsNaN(value))
        {
            return 1;
        }

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var factor in new[] { 1, 2, 2.5, 5, 10 })
        {
            if (value <= factor * magnitude * (1 + 1e-12))
            {
                return factor * magnitude;
            }
        }

        return 10 * magnitude;
    }

    /// <summary>A tick step of whole seconds or minutes that gives at most ten ticks.</summary>
    private static double TimeStep(double span)
    {
        foreach (var step in new double[] { 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400 })
        {
            if (span / step <= 10)
            {
                return step;
            }
        }

        return Math.Ceiling(span / 10 / 86400) * 86400;
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
