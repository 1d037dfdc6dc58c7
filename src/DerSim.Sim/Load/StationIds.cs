using System.Globalization;
using DerSim.Ocpp;

namespace DerSim.Sim.Load;

/// <summary>
/// The station ids of a load run: <c>PREFIX-00001</c> … <c>PREFIX-N</c> (zero-padded to the width of N, at least 5
/// digits), or the lines of an id file. Every problem is one line naming the flag, or the file and line.
/// </summary>
public static class StationIds
{
    /// <summary>The fewest digits of a numbered id.</summary>
    public const int MinDigits = 5;

    /// <summary>The ids <paramref name="prefix"/>-00001 … for <paramref name="count"/> stations; throws <see cref="FormatException"/> when they are not valid identities.</summary>
    public static IReadOnlyList<string> Numbered(string prefix, int count)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var digits = Math.Max(MinDigits, count.ToString(CultureInfo.InvariantCulture).Length);
        var longest = $"{prefix}-{count.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0')}";
        if (StationIdentity.Problem(longest) is { } problem)
        {
            throw new FormatException($"'{prefix}' cannot prefix {count} station ids ({longest}): {problem}");
        }

        var ids = new string[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = string.Create(CultureInfo.InvariantCulture, $"{prefix}-{(i + 1).ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0')}");
        }

        return ids;
    }

    /// <summary>
    /// The ids of <paramref name="path"/>, one a line (a last line break is allowed; a carriage return before it is
    /// dropped); throws <see cref="FormatException"/> naming <c>file:line</c> for a blank, duplicate or invalid id.
    /// </summary>
    public static IReadOnlyList<string> FromFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new FormatException($"{path}: cannot be read ({ex.Message})", ex);
        }

        return Parse(text, path);
    }

    /// <summary>As <see cref="FromFile"/>, for the text of a file named <paramref name="path"/>.</summary>
    public static IReadOnlyList<string> Parse(string text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n');
        var count = lines.Length > 0 && lines[^1].Length == 0 ? lines.Length - 1 : lines.Length;
        var ids = new List<string>(count);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var id = lines[i].EndsWith('\r') ? lines[i][..^1] : lines[i];
            var where = $"{path}:{i + 1}";
            if (string.IsNullOrWhiteSpace(id))
            {
                throw new FormatException($"{where}: blank line; expected one station id per line");
            }

            if (StationIdentity.Problem(id) is { } problem)
            {
                throw new FormatException($"{where}: {problem}");
            }

            if (!seen.TryAdd(id, i + 1))
            {
                throw new FormatException($"{where}: station id '{id}' appears again (first at line {seen[id]})");
            }

            ids.Add(id);
        }

        if (ids.Count == 0)
        {
            throw new FormatException($"{path}: no station ids; expected one per line");
        }

        return ids;
    }
}
