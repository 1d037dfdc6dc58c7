using System.Collections;
using System.Globalization;
using DerSim.Harness.Gherkin.Conversion;

namespace DerSim.Harness.Gherkin;

/// <summary>Reads table cells into member types and compares cells with member values.</summary>
internal static class TableValues
{
    private static readonly string[] TrueWords = ["true", "yes", "y", "1", "on"];
    private static readonly string[] FalseWords = ["false", "no", "n", "0", "off"];

    /// <summary>The cell as <paramref name="type"/>: booleans also as yes/no/y/n/1/0/on/off, empty as null for nullable types, comma-separated lists for collections.</summary>
    public static object? Read(string cell, Type type, CultureInfo culture)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (type == typeof(string))
        {
            return cell;
        }

        if ((underlying is not null || !type.IsValueType) && cell.Length == 0)
        {
            return null;
        }

        if ((underlying ?? type) == typeof(bool))
        {
            var word = cell.Trim();
            if (TrueWords.Contains(word, StringComparer.OrdinalIgnoreCase))
            {
                return true;
            }

            if (FalseWords.Contains(word, StringComparer.OrdinalIgnoreCase))
            {
                return false;
            }

            throw new StepArgumentConversionException(cell, type, "expected true/false, yes/no, y/n, 1/0 or on/off");
        }

        var element = ElementType(type);
        if (element is not null)
        {
            var items = cell.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var array = Array.CreateInstance(element, items.Length);
            for (var i = 0; i < items.Length; i++)
            {
                array.SetValue(Read(items[i], element, culture), i);
            }

            return type.IsArray || type.IsInterface ? array : Activator.CreateInstance(type, array);
        }

        return StepArgumentConverter.Plain.Convert(cell.Trim(), type, culture);
    }

    /// <summary>Whether the cell denotes <paramref name="actual"/>: equal once read as the actual value's type; empty or "null" for null.</summary>
    public static bool Matches(string cell, object? actual, Type declared, CultureInfo culture)
    {
        if (actual is null)
        {
            return cell.Length == 0 || cell.Equals("null", StringComparison.OrdinalIgnoreCase);
        }

        if (actual is string text)
        {
            return string.Equals(cell, text, StringComparison.Ordinal);
        }

        try
        {
            var type = actual.GetType();
            var expected = Read(cell, ElementType(declared) is not null ? declared : type, culture);
            if (expected is IEnumerable expectedItems and not string && actual is IEnumerable actualItems)
            {
                return expectedItems.Cast<object?>().SequenceEqual(actualItems.Cast<object?>());
            }

            return Equals(expected, actual);
        }
        catch (StepArgumentConversionException)
        {
            return false;
        }
    }

    /// <summary>How a member value shows in a diff.</summary>
    public static string Format(object? value, CultureInfo culture) => value switch
    {
        null => "null",
        string s => s,
        IFormattable f => f.ToString(null, culture),
        IEnumerable items => string.Join(", ", items.Cast<object?>().Select(i => Format(i, culture))),
        _ => value.ToString() ?? string.Empty,
    };

    private static Type? ElementType(Type type)
    {
        if (type == typeof(string))
        {
            return null;
        }

        if (type.IsArray)
        {
            return type.GetElementType();
        }

        if (type.IsGenericType && type.GetGenericArguments().Length == 1)
        {
            var definition = type.GetGenericTypeDefinition();
            if (definition == typeof(List<>) || definition == typeof(IEnumerable<>) || definition == typeof(IReadOnlyList<>)
                || definition == typeof(IList<>) || definition == typeof(ICollection<>) || definition == typeof(IReadOnlyCollection<>))
            {
                return type.GetGenericArguments()[0];
            }
        }

        return null;
    }
}
