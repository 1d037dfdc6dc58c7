using System.Globalization;
using System.Text;

namespace DerSim.Ocpp;

/// <summary>
/// Makes a value that came from outside (a station id, a frame, a CSMS's reason, a header) safe to print in a
/// one-line log: every control character becomes a visible escape (<c>\n</c>, <c>\r</c>, <c>\t</c>, else
/// <c>\u00XX</c>), so a newline inside an id cannot start a forged log line and an escape sequence cannot drive the
/// terminal (issue 13, item 6). The Unicode line and paragraph separators count as control characters here.
/// Backslashes are left as they are: JSON frames stay readable, and a literal "\n" in the text still cannot break the line.
/// </summary>
public static class LogText
{
    // C0, DEL, C1 and the two Unicode line breakers: what IsUnsafe accepts, as a set the span search is fast on.
    private static readonly System.Buffers.SearchValues<char> Unsafe = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(i => (char)i), .. Enumerable.Range(0x7F, 0x21).Select(i => (char)i), '\u2028', '\u2029']);

    /// <summary><paramref name="text"/> with every control character escaped; the same instance when there is none.</summary>
    public static string Escape(string? text)
    {
        if (text is null)
        {
            return "";
        }

        var first = text.AsSpan().IndexOfAny(Unsafe);
        if (first < 0)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16).Append(text, 0, first);
        foreach (var c in text.AsSpan(first))
        {
            _ = c switch
            {
                '\n' => escaped.Append("\\n"),
                '\r' => escaped.Append("\\r"),
                '\t' => escaped.Append("\\t"),
                _ when IsUnsafe(c) => escaped.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)),
                _ => escaped.Append(c),
            };
        }

        return escaped.ToString();
    }

    private static bool IsUnsafe(char c) => char.IsControl(c) || c is '\u2028' or '\u2029';
}
