using System.Reflection;
using DerSim.Harness.Gherkin.Conversion;

namespace DerSim.Harness.Gherkin;

/// <summary>
/// Reqnroll's table helpers: objects from tables (<c>CreateInstance</c>, <c>CreateSet</c>) and assertions that
/// objects match tables (<c>CompareToInstance</c>, <c>CompareToSet</c>). Columns match properties, fields and
/// constructor parameters ignoring case, spaces and underscores. A two-column table whose header is Field/Value (or
/// whose rows are not exactly one) describes one object vertically, one field per row.
/// </summary>
public static class TableExtensions
{
    /// <summary>An object from the table (vertical Field/Value or a single horizontal row).</summary>
    public static T CreateInstance<T>(this Table table) => CreateInstance<T>(table, null!);

    /// <summary>Fills the object <paramref name="create"/> makes from the table.</summary>
    public static T CreateInstance<T>(this Table table, Func<T> create)
    {
        ArgumentNullException.ThrowIfNull(table);
        return Build(InstanceFields(table, typeof(T)), table, create);
    }

    /// <summary>One object per row.</summary>
    public static IEnumerable<T> CreateSet<T>(this Table table) => CreateSet<T>(table, null!);

    /// <summary>One object per row, each made by <paramref name="create"/> and filled from its row.</summary>
    public static IEnumerable<T> CreateSet<T>(this Table table, Func<T> create)
    {
        ArgumentNullException.ThrowIfNull(table);
        return table.Rows.Select(row => Build(row.Select(c => (c.Key, c.Value)).ToList(), table, create)).ToList();
    }

    /// <summary>Asserts that <paramref name="instance"/> has the table's values (vertical or a single row).</summary>
    /// <exception cref="TableComparisonException">A field differs or names no member.</exception>
    public static void CompareToInstance<T>(this Table table, T instance)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(instance);
        var fields = InstanceFields(table, typeof(T));
        var type = instance.GetType();
        var members = ResolveMembers(type, fields.Select(f => f.Name).ToList());
        var rows = new List<IReadOnlyList<string>>();
        var markers = new List<(char, IReadOnlySet<int>?)>();
        var differs = false;
        for (var i = 0; i < fields.Count; i++)
        {
            var (name, cell) = fields[i];
            var actual = members[i].Get(instance);
            rows.Add([name, cell]);
            if (TableValues.Matches(cell, actual, members[i].Type, table.Culture))
            {
                markers.Add((' ', null));
                continue;
            }

            differs = true;
            markers.Add(('-', null));
            rows.Add([name, TableValues.Format(actual, table.Culture)]);
            markers.Add(('+', new HashSet<int> { 1 }));
        }

        if (differs)
        {
            throw new TableComparisonException(
                $"The {TypeName(type)} does not match the table (- expected by the table, + actual):\n"
                + TableFormatter.Render(["Field", "Value"], rows, markers));
        }
    }

    /// <summary>
    /// Asserts that <paramref name="set"/> holds exactly the table's rows (compared on the table's columns), in any
    /// order unless <paramref name="sequentialEquality"/>.
    /// </summary>
    /// <exception cref="TableComparisonException">Rows are missing or extra, or a column names no member.</exception>
    public static void CompareToSet<T>(this Table table, IEnumerable<T> set, bool sequentialEquality = false)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(set);
        var items = set.ToList();
        var members = ResolveMembers(typeof(T), table.Header);
        var rows = new List<IReadOnlyList<string>>();
        var markers = new List<(char, IReadOnlySet<int>?)>();
        var differs = false;

        bool RowMatches(TableRow row, T item, HashSet<int>? differing)
        {
            var all = true;
            for (var c = 0; c < members.Count; c++)
            {
                var actual = item is null ? null : members[c].Get(item);
                if (!TableValues.Matches(row[c], actual, members[c].Type, table.Culture))
                {
                    all = false;
                    differing?.Add(c);
                }
            }

            return all;
        }

        IReadOnlyList<string> Render(T item) =>
            members.Select(m => TableValues.Format(item is null ? null : m.Get(item), table.Culture)).ToArray();

        if (sequentialEquality)
        {
            for (var i = 0; i < Math.Max(table.RowCount, items.Count); i++)
            {
                if (i >= items.Count)
                {
                    rows.Add([.. table.Rows[i].Values]);
                    markers.Add(('-', null));
                    differs = true;
                    continue;
                }

                if (i >= table.RowCount)
                {
                    rows.Add(Render(items[i]));
                    markers.Add(('+', null));
                    differs = true;
                    continue;
                }

                var differing = new HashSet<int>();
                rows.Add([.. table.Rows[i].Values]);
                if (RowMatches(table.Rows[i], items[i], differing))
                {
                    markers.Add((' ', null));
                    continue;
                }

                differs = true;
                markers.Add(('-', null));
                rows.Add(Render(items[i]));
                markers.Add(('+', differing));
            }
        }
        else
        {
            var used = new bool[items.Count];
            foreach (var row in table.Rows)
            {
                var found = Enumerable.Range(0, items.Count).FirstOrDefault(j => !used[j] && RowMatches(row, items[j], null), -1);
                rows.Add([.. row.Values]);
                if (found >= 0)
                {
                    used[found] = true;
                    markers.Add((' ', null));
                }
                else
                {
                    markers.Add(('-', null));
                    differs = true;
                }
            }

            for (var j = 0; j < items.Count; j++)
            {
                if (!used[j])
                {
                    rows.Add(Render(items[j]));
                    markers.Add(('+', null));
                    differs = true;
                }
            }
        }

        if (differs)
        {
            throw new TableComparisonException(
                $"The set of {table.RowCount} expected and {items.Count} actual {TypeName(typeof(T))} does not match the table"
                + (sequentialEquality ? " in order" : string.Empty)
                + " (- in the table but not found, + found but not in the table, ? the differing cells):\n"
                + TableFormatter.Render(table.Header, rows, markers));
        }
    }

    private static string TypeName(Type type) => type.Name;

    private static List<TableMember> ResolveMembers(Type type, IReadOnlyList<string> columns)
    {
        var members = columns.Select(c => TableMember.Find(type, c)).ToList();
        var missing = columns.Where((_, i) => members[i] is null).ToList();
        if (missing.Count > 0)
        {
            throw new TableComparisonException(
                $"The following fields do not exist on {TypeName(type)}: {string.Join(", ", missing)}");
        }

        return members!;
    }

    /// <summary>The (name, cell) pairs describing one object.</summary>
    private static List<(string Name, string Value)> InstanceFields(Table table, Type type)
    {
        if (IsVertical(table, type))
        {
            return table.Rows.Select(r => (r[0], r[1])).ToList();
        }

        if (table.RowCount != 1)
        {
            throw new ArgumentException($"a table describing one {type.Name} needs a single row, or two columns Field | Value; it has {table.RowCount} rows", nameof(table));
        }

        return table.Rows[0].Select(c => (c.Key, c.Value)).ToList();
    }

    private static bool IsVertical(Table table, Type type)
    {
        if (table.Header.Count != 2)
        {
            return false;
        }

        var header = table.Header.Select(TableMember.Normalize).ToArray();
        if (header[0] is "FIELD" or "PROPERTY" or "NAME" && header[1] == "VALUE" && TableMember.Find(type, table.Header[0]) is null)
        {
            return true;
        }

        return table.RowCount != 1 || TableMember.Find(type, table.Rows[0][0]) is not null;
    }

    private static T Build<T>(List<(string Name, string Value)> fields, Table table, Func<T>? create)
    {
        var type = typeof(T);
        var remaining = fields.ToList();
        object instance;
        if (create is not null)
        {
            instance = create()!;
        }
        else if (type.IsValueType || type.GetConstructor(Type.EmptyTypes) is not null)
        {
            instance = Activator.CreateInstance(type)!;
        }
        else
        {
            instance = Construct(type, remaining, table);
        }

        foreach (var (name, value) in remaining)
        {
            var member = TableMember.Find(type, name);
            if (member is null || !member.CanWrite)
            {
                continue;
            }

            member.Set(instance, ReadCell(value, member.Type, name, table));
        }

        return (T)instance;
    }

    private static object Construct(Type type, List<(string Name, string Value)> fields, Table table)
    {
        var byName = fields.GroupBy(f => TableMember.Normalize(f.Name)).ToDictionary(g => g.Key, g => g.First());
        var constructor = type.GetConstructors()
            .OrderByDescending(c => c.GetParameters().Length)
            .FirstOrDefault(c => c.GetParameters().All(p => byName.ContainsKey(TableMember.Normalize(p.Name!)) || p.HasDefaultValue))
            ?? throw new ArgumentException($"{type.Name} has no parameterless constructor and no constructor whose parameters all appear in the table ({string.Join(", ", fields.Select(f => f.Name))})");

        var arguments = new List<object?>();
        foreach (var parameter in constructor.GetParameters())
        {
            if (byName.TryGetValue(TableMember.Normalize(parameter.Name!), out var field))
            {
                arguments.Add(ReadCell(field.Value, parameter.ParameterType, field.Name, table));
                fields.Remove(field);
            }
            else
            {
                arguments.Add(parameter.DefaultValue);
            }
        }

        try
        {
            return constructor.Invoke([.. arguments]);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
    }

    private static object? ReadCell(string value, Type type, string column, Table table)
    {
        try
        {
            return TableValues.Read(value, type, table.Culture);
        }
        catch (StepArgumentConversionException ex)
        {
            throw new StepArgumentConversionException(value, type, $"column \"{column}\": {ex.Message}", ex);
        }
    }
}
