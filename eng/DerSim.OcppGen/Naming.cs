using System.Text;

namespace DerSim.OcppGen;

/// <summary>Turns schema names and enum values into C# identifiers.</summary>
internal static class Naming
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    };

    /// <summary>Upper-cases the first letter: "evseId" → "EvseId".</summary>
    public static string Pascal(string name) =>
        name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];

    /// <summary>
    /// An enum member for a schema value: separators (. - _ space /) split words, each word's first letter is
    /// upper-cased, other letters kept ("Energy.Active.Import.Register" → EnergyActiveImportRegister,
    /// "L1-N" → L1N, "AC_single_phase" → ACSinglePhase). A leading digit gets the prefix "Value".
    /// </summary>
    public static string EnumMember(string value)
    {
        var sb = new StringBuilder();
        var upperNext = true;
        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                upperNext = true;
                continue;
            }

            sb.Append(upperNext ? char.ToUpperInvariant(c) : c);
            upperNext = false;
        }

        if (sb.Length == 0 || char.IsAsciiDigit(sb[0]))
        {
            sb.Insert(0, "Value");
        }

        var s = sb.ToString();
        return Keywords.Contains(s) ? "@" + s : s;
    }

    /// <summary>Drops a trailing "Request"/"Response" from a message type name.</summary>
    public static string Stem(string typeName)
    {
        foreach (var suffix in new[] { "Request", "Response" })
        {
            if (typeName.EndsWith(suffix, StringComparison.Ordinal) && typeName.Length > suffix.Length)
            {
                return typeName[..^suffix.Length];
            }
        }

        return typeName;
    }
}
