using System.Collections;

namespace DerSim.Harness.Gherkin;

/// <summary>The rows of a <see cref="Table"/>.</summary>
public sealed class TableRows : IReadOnlyList<TableRow>
{
    private readonly List<TableRow> _rows;

    internal TableRows(List<TableRow> rows)
    {
        _rows = rows;
    }

    /// <inheritdoc />
    public int Count => _rows.Count;

    /// <inheritdoc />
    public TableRow this[int index] => _rows[index];

    /// <inheritdoc />
    public IEnumerator<TableRow> GetEnumerator() => _rows.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
