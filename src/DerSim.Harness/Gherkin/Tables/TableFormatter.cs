using System.Text;

namespace DerSim.Harness.Gherkin;

/// <summary>Renders pipe tables with padded columns and an optional marker column (for comparison diffs).</summary>
internal static class TableFormatter
{
    /// <summary>
    /// Renders <paramref name="header"/> and <paramref name="rows"/>; with <paramref name="markers"/> each line starts
    /// with the row's marker ("  " for the header), and a row's differing cells (by index) may be flagged below it.
    /// </summary>
    public static string Render(
        IReadOnlyList<string> header,
        IEnumerable<IReadOnlyList<string>> rows,
        IReadOnlyList<(char Marker, IReadOnlySet<int>? Differing)>? markers)
    {
        var all = new List<IReadOnlyList<string>> { header };
        all.AddRange(rows);
        var widths = new int[header.Count];
        foreach (var row in all)
        {
            for (var i = 0; i < widths.Length && i < row.Count; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        var text = new StringBuilder();
        for (var r = 0; r < all.Count; r++)
        {
            var (marker, differing) = markers is null ? (' ', null) : r == 0 ? (' ', null) : markers[r - 1];
            var line = new StringBuilder();
            if (markers is not null)
            {
                line.Append(marker).Append(' ');
            }

            var flags = new StringBuilder(line.Length > 0 ? "? " : string.Empty);
            line.Append('|');
            flags.Append(' ');
            for (var i = 0; i < widths.Length; i++)
            {
                var cell = i < all[r].Count ? all[r][i] : string.Empty;
                line.Append(' ').Append(cell.PadRight(widths[i])).Append(" |");
                flags.Append(' ').Append(differing is not null && differing.Contains(i) ? new string('^', widths[i]) : new string(' ', widths[i])).Append("  ");
            }

            text.Append(line).Append('\n');
            if (differing is { Count: > 0 })
            {
                text.Append(flags.ToString().TrimEnd()).Append('\n');
            }
        }

        return text.ToString().TrimEnd('\n');
    }
}
