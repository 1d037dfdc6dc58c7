using System.Globalization;
using System.Text;
using System.Text.Json;
using DerSim.Harness.Traffic;
using DerSim.Ocpp.Rpc;

namespace DerSim.Harness.Reporting;

/// <summary>
/// An SVG chart over virtual time of one station's ports: delivered power (Power.Active.Import), offered power
/// (Power.Offered) and the EV's state of charge (SoC), from the samples the station reported. Written by hand so the
/// output is byte-for-byte deterministic and needs no native graphics library.
/// </summary>
public static class PowerChart
{
    private const int Width = 760;
    private const int PanelHeight = 220;
    private const int Left = 60;
    private const int Right = 60;
    private const int Top = 34;
    private const int Bottom = 36;

    /// <summary>The chart of <paramref name="stationId"/>'s ports, or null when it reported none of the measurands.</summary>
    public static string? Svg(IReadOnlyList<RecordedFrame> frames, string stationId)
    {
        ArgumentNullException.ThrowIfNull(frames);
        var samples = SamplesOf(frames, stationId);
        var panels = new List<(int Evse, Series Delivered, Series Offered, Series Soc)>();
        foreach (var evse in samples.Select(s => s.Evse).Distinct().Order())
        {
            Series Of(string measurand, decimal scale) =>
                new([.. samples.Where(s => s.Evse == evse && s.Measurand == measurand).Select(s => (s.At, s.Value * scale)).OrderBy(s => s.At)]);
            var delivered = Of("Power.Active.Import", 0.001m);
            var offered = Of("Power.Offered", 0.001m);
            var soc = Of("SoC", 1m);
            if (delivered.Points.Count + offered.Points.Count + soc.Points.Count > 0)
            {
                panels.Add((evse, delivered, offered, soc));
            }
        }

        if (panels.Count == 0)
        {
            return null;
        }

        var all = panels.SelectMany(p => p.Delivered.Points.Concat(p.Offered.Points).Concat(p.Soc.Points)).ToList();
        var t0 = all.Min(p => p.At);
        var t1 = all.Max(p => p.At);
        var span = Math.Max(60, (t1 - t0).TotalSeconds);
        var height = panels.Count * PanelHeight;
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" font-family=\"sans-serif\" font-size=\"11\">\n"));
        svg.Append(Invariant($"<rect width=\"{Width}\" height=\"{height}\" fill=\"#ffffff\"/>\n"));
        for (var i = 0; i < panels.Count; i++)
        {
            Panel(svg, i * PanelHeight, stationId, panels[i], t0, span);
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static void Panel(StringBuilder svg, int y0, string stationId, (int Evse, Series Delivered, Series Offered, Series Soc) panel, DateTimeOffset t0, double span)
    {
        var plotWidth = Width - Left - Right;
        var plotHeight = PanelHeight - Top - Bottom;
        var maxKw = (double)Math.Max(1m, panel.Delivered.Points.Concat(panel.Offered.Points).Select(p => p.Value).DefaultIfEmpty(1m).Max());
        maxKw = NiceCeiling(maxKw);
        double X(DateTimeOffset at) => Left + ((at - t0).TotalSeconds / span * plotWidth);
        double YKw(decimal kw) => y0 + Top + plotHeight - ((double)kw / maxKw * plotHeight);
        double YSoc(decimal soc) => y0 + Top + plotHeight - ((double)Math.Clamp(soc, 0, 100) / 100 * plotHeight);

        svg.Append(Invariant($"<text x=\"{Left}\" y=\"{y0 + 18}\" font-size=\"13\" font-weight=\"bold\">{Escape(stationId)} EVSE {panel.Evse}</text>\n"));
        svg.Append(Invariant($"<rect x=\"{Left}\" y=\"{y0 + Top}\" width=\"{plotWidth}\" height=\"{plotHeight}\" fill=\"none\" stroke=\"#888\"/>\n"));
        for (var i = 0; i <= 4; i++)
        {
            var y = y0 + Top + (plotHeight * i / 4.0);
            svg.Append(Invariant($"<line x1=\"{Left}\" y1=\"{F(y)}\" x2=\"{Left + plotWidth}\" y2=\"{F(y)}\" stroke=\"#eee\"/>\n"));
            svg.Append(Invariant($"<text x=\"{Left - 6}\" y=\"{F(y + 4)}\" text-anchor=\"end\">{F(maxKw * (4 - i) / 4)}</text>\n"));
            svg.Append(Invariant($"<text x=\"{Left + plotWidth + 6}\" y=\"{F(y + 4)}\">{(4 - i) * 25}%</text>\n"));
        }

        for (var i = 0; i <= 4; i++)
        {
            var x = Left + (plotWidth * i / 4.0);
            var minutes = span * i / 4 / 60;
            svg.Append(Invariant($"<text x=\"{F(x)}\" y=\"{y0 + Top + plotHeight + 14}\" text-anchor=\"middle\">{F(minutes)} min</text>\n"));
        }

        svg.Append(Invariant($"<text x=\"14\" y=\"{y0 + Top + (plotHeight / 2)}\" transform=\"rotate(-90 14 {y0 + Top + (plotHeight / 2)})\" text-anchor=\"middle\">kW</text>\n"));
        Line(svg, panel.Offered, "#f0a020", "6 3", X, YKw);
        Line(svg, panel.Delivered, "#1f77b4", null, X, YKw);
        Line(svg, panel.Soc, "#2ca02c", "2 2", X, YSoc);
        var legendY = y0 + PanelHeight - 8;
        Legend(svg, Left, legendY, "#1f77b4", "delivered (Power.Active.Import)");
        Legend(svg, Left + 230, legendY, "#f0a020", "offered (Power.Offered)");
        Legend(svg, Left + 420, legendY, "#2ca02c", "EV SoC (%)");
    }

    private static void Line(StringBuilder svg, Series series, string colour, string? dash, Func<DateTimeOffset, double> x, Func<decimal, double> y)
    {
        if (series.Points.Count == 0)
        {
            return;
        }

        // Samples hold until the next one: a step line shows what the meter reported, not an interpolation.
        var points = new List<string>();
        for (var i = 0; i < series.Points.Count; i++)
        {
            var p = series.Points[i];
            if (i > 0)
            {
                points.Add($"{F(x(p.At))},{F(y(series.Points[i - 1].Value))}");
            }

            points.Add($"{F(x(p.At))},{F(y(p.Value))}");
        }

        var dashAttribute = dash is null ? "" : $" stroke-dasharray=\"{dash}\"";
        svg.Append(Invariant($"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\"{dashAttribute} points=\"{string.Join(' ', points)}\"/>\n"));
    }

    private static void Legend(StringBuilder svg, int x, int y, string colour, string text)
    {
        svg.Append(Invariant($"<line x1=\"{x}\" y1=\"{y - 4}\" x2=\"{x + 18}\" y2=\"{y - 4}\" stroke=\"{colour}\" stroke-width=\"2\"/>\n"));
        svg.Append(Invariant($"<text x=\"{x + 22}\" y=\"{y}\">{Escape(text)}</text>\n"));
    }

    private static double NiceCeiling(double value)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var step in new[] { 1, 2, 2.5, 5, 10 })
        {
            if (step * magnitude >= value)
            {
                return step * magnitude;
            }
        }

        return 10 * magnitude;
    }

    private static string F(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>
    /// Every total (no phase) sample the station reported, with its EVSE. Only a transaction's first event names its
    /// EVSE (2.x TransactionEvent) and 1.6 learns the transaction id from the StartTransaction answer, so later samples
    /// are placed through their transaction id.
    /// </summary>
    private static List<(int Evse, string Measurand, DateTimeOffset At, decimal Value)> SamplesOf(IReadOnlyList<RecordedFrame> frames, string stationId)
    {
        var evseOfTransaction = new Dictionary<string, int>(StringComparer.Ordinal);
        var startCalls = new Dictionary<string, int>(StringComparer.Ordinal);
        var samples = new List<(int, string, DateTimeOffset, decimal)>();
        foreach (var frame in frames.Where(f => f.StationId == stationId))
        {
            if (frame is not { Payload: { ValueKind: JsonValueKind.Object } payload, Action: { } action })
            {
                continue;
            }

            if (frame is { Direction: FrameDirection.Outbound, MessageType: OcppMessageType.Call })
            {
                var evse = frame.EvseId;
                if (action == "StartTransaction" && evse is { } connector && frame.MessageId is { } id)
                {
                    startCalls[id] = connector;
                }

                if (TransactionIdOf(action, payload) is { } transaction)
                {
                    if (evse is { } known)
                    {
                        evseOfTransaction[transaction] = known;
                    }
                    else if (evseOfTransaction.TryGetValue(transaction, out var found))
                    {
                        evse = found;
                    }
                }

                if (evse is not { } port || port <= 0)
                {
                    continue;
                }

                foreach (var (at, sample) in FrameFields.Samples(action, payload))
                {
                    if (FrameFields.PhaseOf(sample) is null)
                    {
                        samples.Add((port, FrameFields.MeasurandOf(sample), at, FrameFields.BaseValueOf(sample)));
                    }
                }
            }
            else if (frame is { Direction: FrameDirection.Inbound, MessageType: OcppMessageType.CallResult, MessageId: { } answered }
                     && action == "StartTransaction" && startCalls.TryGetValue(answered, out var connectorId)
                     && payload.TryGetProperty("transactionId", out var assigned))
            {
                evseOfTransaction[assigned.GetRawText()] = connectorId;
            }
        }

        return samples;
    }

    private static string? TransactionIdOf(string action, JsonElement payload) => action switch
    {
        "TransactionEvent" when payload.TryGetProperty("transactionInfo", out var info) && info.TryGetProperty("transactionId", out var id) => id.GetRawText(),
        "MeterValues" or "StopTransaction" when payload.TryGetProperty("transactionId", out var id) => id.GetRawText(),
        _ => null,
    };

    private sealed record Series(IReadOnlyList<(DateTimeOffset At, decimal Value)> Points);
}
