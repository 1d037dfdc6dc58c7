using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace DerSim.Harness.Gherkin;

/// <summary>One row of a <see cref="Table"/>: cells by column name or index.</summary>
[SuppressMessage("Naming", "CA1710", Justification = "Reqnroll's name, kept for users moving from it.")]
public sealed class TableRow : IReadOnlyDictionary<string, string>
{
    private readonly Table _table;
    private readonly string[] _cells;

    internal TableRow(Table table, string[] cells)
    {
        _table = table;
        _cells = cells;
    }

    /// <summary>The cell in column <paramref name="column"/>.</summary>
    /// <exception cref="ArgumentException">No such column.</exception>
    public string this[string column]
    {
        get => _cells[_table.IndexOf(column)];
        set => _cells[_table.IndexOf(column)] = value;
    }

    /// <summary>The cell at <paramref name="index"/> (0-based, header order).</summary>
    public string this[int index]
    {
        get => _cells[index];
        set => _cells[index] = value;
    }

    /// <inheritdoc />
    public IEnumerable<string> Keys => _table.Header;

    /// <inheritdoc />
    public IEnumerable<string> Values => _cells;

    /// <inheritdoc />
    public int Count => _cells.Length;

    /// <inheritdoc />
    public bool ContainsKey(string key) => _table.ContainsColumn(key);

    /// <inheritdoc />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        if (_table.TryIndexOf(key, out var index))
        {
            value = _cells[index];
            return true;
        }

        value = null;
        return false;
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        for (var i = 0; i < _cells.Length; i++)
        {
            yield return new KeyValuePair<string, string>(_table.Header[i], _cells[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public override string ToString() => "| " + string.Join(" | ", _cells) + " |";
}
