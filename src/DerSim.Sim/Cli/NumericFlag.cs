using System.Globalization;

namespace DerSim.Sim.Cli;

/// <summary>
/// Reads a numeric flag of <c>./sim</c> and holds it to its range, so a huge or tiny value is a one-line usage error
/// (exit 2) naming the flag and the range, not an overflow deep in a timer or <see cref="TimeSpan"/> (issue 13, item 5).
/// </summary>
internal static class NumericFlag
{
    /// <summary>
    /// A number (decimal point and exponent allowed) from <paramref name="min"/> to <paramref name="max"/>;
    /// <paramref name="what"/> says what it counts, for the message, e.g. "seconds".
    /// </summary>
    public static double Number(string flag, string value, double min, double max, string what)
    {
        var parsed = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d);
        return parsed && d >= min && d <= max ? d : throw Refused(flag, value, parsed ? "out of range" : "not a number", $"{what} from {Show(min)} to {Show(max)}");
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static int Whole(string flag, string value, int min, int max)
    {
        if (int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
        {
            return n;
        }

        var problem = !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? "not a number"
            : d != Math.Floor(d) ? "not a whole number"
            : "out of range";
        throw Refused(flag, value, problem, $"a whole number from {Show(min)} to {Show(max)}");
    }

    /// <summary>
    /// The usage error for <paramref name="value"/> of <paramref name="flag"/>: <paramref name="problem"/> says what is
    /// wrong with it ("not a number", "out of range", …), <paramref name="expected"/> what it should have been.
    /// </summary>
    public static UsageException Refused(string flag, string value, string problem, string expected) =>
        new($"{flag}: '{value}' is {problem}; expected {expected}");

    /// <summary>A bound as the help and the errors print it, whatever the culture: 0.001, 86400.</summary>
    public static string Show(double number) => number.ToString("0.###", CultureInfo.InvariantCulture);
}
