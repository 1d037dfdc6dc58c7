using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;

namespace DerSim.Harness.Gherkin.Expressions;

/// <summary>The parameter types Cucumber expressions may name: the built-in ones and those defined by bindings.</summary>
public sealed class ParameterTypeRegistry
{
    /// <summary>The name of the quoted-string parameter type, whose quotes are stripped from the argument.</summary>
    public const string StringTypeName = "string";

    /// <summary>The regular expression of <c>{}</c> and of types without a pattern of their own (enums, transformed types).</summary>
    public const string AnythingRegex = ".*";

    private const string IntegerRegex = @"-?\d+";

    private readonly Dictionary<string, ParameterType> _types = new(StringComparer.Ordinal);

    /// <summary>
    /// The built-in types with numbers read in the invariant culture: int, long, short, byte, biginteger, float,
    /// double, decimal, bigdecimal, word, string, {} (anonymous), DateTime, Guid.
    /// </summary>
    public static ParameterTypeRegistry CreateDefault() => CreateDefault(CultureInfo.InvariantCulture);

    /// <summary>
    /// The built-in types; {float}, {double} and {decimal} accept the decimal separator of
    /// <paramref name="bindingCulture"/> (Reqnroll converts them with the binding culture too).
    /// </summary>
    public static ParameterTypeRegistry CreateDefault(CultureInfo bindingCulture)
    {
        ArgumentNullException.ThrowIfNull(bindingCulture);
        var separator = Regex.Escape(bindingCulture.NumberFormat.NumberDecimalSeparator);
        var floatRegex = $@"[-+]?(?:\d+(?:{separator}\d+)?|{separator}\d+)(?:[eE][-+]?\d+)?";
        var registry = new ParameterTypeRegistry { Culture = bindingCulture };
        registry.Define(new ParameterType("int", [IntegerRegex], typeof(int)));
        registry.Define(new ParameterType("long", [IntegerRegex], typeof(long)) { UseForSnippets = false });
        registry.Define(new ParameterType("short", [IntegerRegex], typeof(short)) { UseForSnippets = false });
        registry.Define(new ParameterType("byte", [IntegerRegex], typeof(byte)) { UseForSnippets = false });
        registry.Define(new ParameterType("biginteger", [IntegerRegex], typeof(BigInteger)) { UseForSnippets = false });
        registry.Define(new ParameterType("float", [floatRegex], typeof(float)));
        registry.Define(new ParameterType("double", [floatRegex], typeof(double)) { UseForSnippets = false });
        registry.Define(new ParameterType("decimal", [floatRegex], typeof(decimal)) { UseForSnippets = false });
        registry.Define(new ParameterType("bigdecimal", [floatRegex], typeof(decimal)) { UseForSnippets = false });
        registry.Define(new ParameterType("word", [@"[^\s]+"], typeof(string)) { UseForSnippets = false });
        registry.Define(new ParameterType(StringTypeName, ["\"([^\"\\\\]*(?:\\\\.[^\"\\\\]*)*)\"", "'([^'\\\\]*(?:\\\\.[^'\\\\]*)*)'"], typeof(string)));
        registry.Define(new ParameterType(string.Empty, [AnythingRegex], typeof(object)) { UseForSnippets = false });
        registry.Define(new ParameterType("DateTime", [AnythingRegex], typeof(DateTime)) { UseForSnippets = false });
        registry.Define(new ParameterType("Guid", [AnythingRegex], typeof(Guid)) { UseForSnippets = false });
        return registry;
    }

    /// <summary>The culture numbers are written in (the binding culture).</summary>
    public CultureInfo Culture { get; private init; } = CultureInfo.InvariantCulture;

    /// <summary>Adds <paramref name="type"/>.</summary>
    /// <exception cref="ArgumentException">A type of that name exists.</exception>
    public void Define(ParameterType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (!_types.TryAdd(type.Name, type))
        {
            throw new ArgumentException($"parameter type {{{type.Name}}} is defined twice", nameof(type));
        }
    }

    /// <summary>
    /// Lets <c>{TypeName}</c> (and <c>{Namespace.TypeName}</c>) name <paramref name="type"/>, as Reqnroll does for
    /// enums and for types that have a step argument transformation; the argument is any text, converted later.
    /// Names already taken are left alone. Returns whether anything was added.
    /// </summary>
    public bool DefineType(Type type, string? name = null, IReadOnlyList<string>? regexps = null)
    {
        ArgumentNullException.ThrowIfNull(type);
        var added = false;
        IReadOnlyList<string> patterns = regexps is { Count: > 0 } ? regexps : [AnythingRegex];
        foreach (var candidate in name is null ? new[] { type.Name, type.FullName } : [name])
        {
            if (!string.IsNullOrEmpty(candidate) && !_types.ContainsKey(candidate))
            {
                _types.Add(candidate, new ParameterType(candidate, patterns, type) { UseForSnippets = false });
                added = true;
            }
        }

        return added;
    }

    /// <summary>
    /// The same types with the built-in number types matching <paramref name="culture"/>'s decimal separator (a step
    /// definition's own Culture); this registry itself when the culture is its own.
    /// </summary>
    public ParameterTypeRegistry WithCulture(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        if (culture.Equals(Culture))
        {
            return this;
        }

        var copy = CreateDefault(culture);
        foreach (var type in _types.Values)
        {
            copy._types.TryAdd(type.Name, type);
        }

        return copy;
    }

    /// <summary>The type named <paramref name="name"/>, if defined.</summary>
    public bool TryGet(string name, out ParameterType type) => _types.TryGetValue(name, out type!);

    /// <summary>Every defined type.</summary>
    public IEnumerable<ParameterType> All => _types.Values;
}
