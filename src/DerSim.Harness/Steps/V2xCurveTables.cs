using System.Globalization;
using DerSim.Harness.Drivers.Csms;
using DerSim.Gherkin.Glue;
using Reqnroll;
using V2XFreqWattPointType = DerSim.Ocpp.V21.V2XFreqWattPointType;
using V2XSignalWattPointType = DerSim.Ocpp.V21.V2XSignalWattPointType;

namespace DerSim.Harness.Steps;

/// <summary>
/// The data tables of the 2.1 frequency steps: <c>| frequency Hz | power kW |</c> and <c>| signal | power kW |</c>.
/// Scenarios speak kW (signed: negative discharges); the payload wants W.
/// </summary>
internal static class V2xCurveTables
{
    public const string Frequency = "frequency Hz";
    public const string Signal = "signal";
    public const string Power = "power kW";

    /// <summary>The frequency-watt points of a <c>| frequency Hz | power kW |</c> table, in the order written.</summary>
    public static IReadOnlyList<V2XFreqWattPointType> FreqWatt(Table table)
    {
        Require(table, Frequency);
        return [.. table.Rows.Select(r => new V2XFreqWattPointType(Number(r[Frequency], Frequency), Watts(r[Power])))];
    }

    /// <summary>The signal-watt points of a <c>| signal | power kW |</c> table, in the order written.</summary>
    public static IReadOnlyList<V2XSignalWattPointType> SignalWatt(Table table)
    {
        Require(table, Signal);
        return [.. table.Rows.Select(r => new V2XSignalWattPointType(Integer(r[Signal]), Watts(r[Power])))];
    }

    /// <summary>kW to W, rounded to 0.1 W as the other V2X steps do (a float step argument carries binary noise).</summary>
    public static decimal Watts(decimal kw) => Math.Round(kw * 1000, 1);

    private static decimal Watts(string kw) => Watts(Number(kw, Power));

    private static void Require(Table table, string first)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (!table.ContainsColumn(first) || !table.ContainsColumn(Power))
        {
            throw new ArgumentException($"the curve table needs columns \"{first}\" and \"{Power}\"; it has {string.Join(", ", table.Header.Select(h => $"\"{h}\""))}");
        }

        if (table.RowCount == 0)
        {
            // An empty curve would go out as an empty array, which the 2.1 schema forbids (minItems 1).
            throw new ArgumentException("the curve table has no points");
        }
    }

    private static decimal Number(string text, string column) =>
        decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ArgumentException($"\"{text}\" in column \"{column}\" is not a number");

    private static int Integer(string text) =>
        int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ArgumentException($"\"{text}\" in column \"{Signal}\" is not an integer (AFRRSignal values are integers)");
}
