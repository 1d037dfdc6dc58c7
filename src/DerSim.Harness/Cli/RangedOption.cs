using System.CommandLine;
using System.Globalization;
using System.Numerics;
using System.CommandLine.Parsing;

namespace DerSim.Harness.Cli;

/// <summary>
/// Holds a numeric <c>dersim</c> option to its range: a value outside it is a parse error, which
/// <see cref="DersimCli"/> prints as one line naming the option and the range, exit 2 (issue 13, item 5).
/// </summary>
internal static class RangedOption
{
    /// <summary>
    /// Accepts values of <paramref name="option"/> from <paramref name="min"/> to <paramref name="max"/>;
    /// <paramref name="what"/> says what the number counts, for the message, e.g. "seconds".
    /// </summary>
    public static Option<T> WithRange<T>(this Option<T> option, T min, T max, string what)
        where T : struct, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(option);
        option.Validators.Add(result => Check(result, min, max, what));
        return option;
    }

    /// <summary>Accepts values of the optional <paramref name="option"/> from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static Option<T?> WithRange<T>(this Option<T?> option, T min, T max, string what)
        where T : struct, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(option);
        option.Validators.Add(result => Check(result, min, max, what));
        return option;
    }

    private static void Check<T>(OptionResult result, T min, T max, string what)
        where T : struct, INumber<T>
    {
        // The token as typed: a value that is not a number at all is the parser's own error (reading the converted
        // value here would throw), and a default value (no token) is in range by construction.
        if (result.Tokens.Count == 0 || !T.TryParse(result.Tokens[^1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return;
        }

        // NaN compares false both ways, so it is refused too.
        if (!(value >= min && value <= max))
        {
            result.AddError(string.Create(CultureInfo.InvariantCulture, $"{result.Option.Name} '{result.Tokens[^1].Value}' is out of range; expected {what} from {min} to {max}"));
        }
    }
}
