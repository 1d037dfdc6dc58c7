using System.Globalization;
using System.Text;

namespace DerSim.Harness.Gherkin;

/// <summary>A step's data table: a header and rows of cells, as Reqnroll's <c>Table</c>.</summary>
public class Table
{
    private readonly List<string> _header;
    private readonly List<TableRow> _rows = [];
    private readonly Dictionary<string, int> _columns = new(StringComparer.Ordinal);

    /// <summary>A table with the column names <paramref name="header"/> and no rows.</summary>
    /// <exception cref="ArgumentException">No columns, or a column name given twice.</exception>
    public Table(params string[] header)
    {
        ArgumentNullException.ThrowIfNull(header);
        if (header.Length == 0)
        {
            throw new ArgumentException("a table needs at least one column", nameof(header));
        }

        _header = [.. header];
        for (var i = 0; i < header.Length; i++)
        {
            if (!_columns.TryAdd(header[i], i))
            {
                throw new ArgumentException($"the column \"{header[i]}\" appears twice in the table header", nameof(header));
            }
        }

        Rows = new TableRows(_rows);
    }

    /// <summary>A table from raw cells, the first row being the header (the shape of <see cref="Model.ScenarioStep.DataTable"/>).</summary>
    public static DataTable FromCells(IReadOnlyList<IReadOnlyList<string>> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Count == 0)
        {
            throw new ArgumentException("a table needs a header row", nameof(cells));
        }

        var table = new DataTable([.. cells[0]]);
        foreach (var row in cells.Skip(1))
        {
            table.AddRow([.. row]);
        }

        return table;
    }

    /// <summary>The column names.</summary>
    public IReadOnlyList<string> Header => _header;

    /// <summary>The rows, header excluded.</summary>
    public TableRows Rows { get; }

    /// <summary>The number of rows, header excluded.</summary>
    public int RowCount => _rows.Count;

    /// <summary>The culture cells are read in by <see cref="TableExtensions"/> (the runtime sets the binding culture).</summary>
    public CultureInfo Culture { get; set; } = CultureInfo.CurrentCulture;

    /// <summary>Appends a row; its cells are given in header order.</summary>
    /// <exception cref="ArgumentException">The number of cells differs from the number of columns.</exception>
    public TableRow AddRow(params string[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != _header.Count)
        {
            throw new ArgumentException($"a row of {cells.Length} cells does not fit a table of {_header.Count} columns ({string.Join(", ", _header)})", nameof(cells));
        }

        var row = new TableRow(this, [.. cells]);
        _rows.Add(row);
        return row;
    }

    /// <summary>Appends a row from column/value pairs; missing columns are empty.</summary>
    /// <exception cref="ArgumentException">A key names no column.</exception>
    public TableRow AddRow(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var cells = new string[_header.Count];
        Array.Fill(cells, string.Empty);
        foreach (var (key, value) in values)
        {
            cells[IndexOf(key)] = value;
        }

        return AddRow(cells);
    }

    /// <summary>Whether the header has a column named <paramref name="column"/> (exactly).</summary>
    public bool ContainsColumn(string column) => _columns.ContainsKey(column);

    /// <summary>Renders the table as Gherkin writes it: <c>| a | b |</c> lines, columns padded.</summary>
    public override string ToString() => TableFormatter.Render(_header, _rows.Select(r => (IReadOnlyList<string>)r.Values.ToArray()), null);

    internal int IndexOf(string column) =>
        _columns.TryGetValue(column, out var index)
            ? index
            : throw new ArgumentException($"the table has no column \"{column}\"; its columns are {string.Join(", ", _header)}", nameof(column));

    internal bool TryIndexOf(string column, out int index) => _columns.TryGetValue(column, out index);
}
