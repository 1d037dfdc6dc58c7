using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace DerSim.Harness.Gherkin.Conversion;

/// <summary>
/// Converts step arguments (text, a <see cref="Table"/> or a doc string's content) to parameter types in Reqnroll's
/// order: a step argument transformation, the value as it is when assignable, an enum member ignoring case (and
/// spaces), the type's <see cref="TypeConverter"/>, then <see cref="System.Convert.ChangeType(object, Type, IFormatProvider)"/>
/// with the binding culture.
/// </summary>
public sealed class StepArgumentConverter
{
    private readonly IReadOnlyList<ArgumentTransformation> _transformations;
    private readonly Func<MethodInfo, object?[], object?> _invoke;
    private readonly Dictionary<ArgumentTransformation, Regex> _regexes = [];

    /// <summary>
    /// A converter using <paramref name="transformations"/>, called through <paramref name="invoke"/> (which supplies
    /// the binding instance for instance methods).
    /// </summary>
    public StepArgumentConverter(IReadOnlyList<ArgumentTransformation> transformations, Func<MethodInfo, object?[], object?> invoke)
    {
        ArgumentNullException.ThrowIfNull(transformations);
        ArgumentNullException.ThrowIfNull(invoke);
        _transformations = transformations;
        _invoke = invoke;
        foreach (var transformation in transformations)
        {
            if (transformation.Regex is not null)
            {
                _regexes[transformation] = new Regex(Anchor(transformation.Regex), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
        }
    }

    /// <summary>A converter without transformations (tables, plain conversions).</summary>
    public static StepArgumentConverter Plain { get; } = new([], static (m, a) => m.Invoke(null, a));

    /// <summary>Converts <paramref name="value"/> to <paramref name="target"/>.</summary>
    /// <exception cref="StepArgumentConversionException">No way to convert, or the conversion failed.</exception>
    public object? Convert(object? value, Type target, CultureInfo culture) => Convert(value, target, culture, null);

    /// <summary>
    /// Converts <paramref name="value"/>, captured by the Cucumber parameter type <paramref name="parameterTypeName"/>
    /// (null for regex groups, tables and doc strings), to <paramref name="target"/>; a transformation of that name
    /// comes first.
    /// </summary>
    /// <exception cref="StepArgumentConversionException">No way to convert, or the conversion failed.</exception>
    public object? Convert(object? value, Type target, CultureInfo culture, string? parameterTypeName) =>
        Convert(value, target, culture, parameterTypeName, null);

    /// <summary>Whether a transformation could produce <paramref name="target"/> from <paramref name="value"/>.</summary>
    public bool HasTransformation(object? value, Type target, string? parameterTypeName = null) =>
        FindTransformation(value, target, parameterTypeName, null) is not null;

    internal static string TypeName(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null)
        {
            return TypeName(underlying) + "?";
        }

        if (!type.IsGenericType)
        {
            return type.Name;
        }

        var name = type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)];
        return name + "<" + string.Join(", ", type.GetGenericArguments().Select(TypeName)) + ">";
    }

    private object? Convert(object? value, Type target, CultureInfo culture, string? parameterTypeName, ArgumentTransformation? skip)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(culture);

        var transformation = FindTransformation(value, target, parameterTypeName, skip);
        if (transformation is not null)
        {
            return Transform(transformation, value, culture);
        }

        if (value is null)
        {
            return !target.IsValueType || Nullable.GetUnderlyingType(target) is not null
                ? null
                : throw new StepArgumentConversionException(value, target, "a value type cannot be null");
        }

        if (target.IsInstanceOfType(value))
        {
            return value;
        }

        if (value is Table table && typeof(Table).IsAssignableFrom(target) && target.IsAssignableFrom(typeof(DataTable)))
        {
            var copy = Table.FromCells([table.Header, .. table.Rows.Select(r => (IReadOnlyList<string>)r.Values.ToArray())]);
            copy.Culture = table.Culture;
            return copy;
        }

        var nullable = Nullable.GetUnderlyingType(target);
        var type = nullable ?? target;
        if (value is not string text)
        {
            return ChangeType(value, target, type, culture);
        }

        if (nullable is not null && text.Length == 0)
        {
            return null;
        }

        if (type.IsEnum)
        {
            return ParseEnum(text, target, type);
        }

        if (!type.IsPrimitive && type != typeof(string) && type != typeof(decimal))
        {
            var converter = TypeDescriptor.GetConverter(type);
            if (converter.GetType() != typeof(TypeConverter) && converter.CanConvertFrom(typeof(string)))
            {
                try
                {
                    return converter.ConvertFrom(null, culture, text);
                }
                catch (Exception ex) when (ex is FormatException or ArgumentException or NotSupportedException or OverflowException)
                {
                    throw new StepArgumentConversionException(value, target, inner: ex);
                }
            }
        }

        return ChangeType(text, target, type, culture);
    }

    private static object ChangeType(object value, Type target, Type type, CultureInfo culture)
    {
        try
        {
            return System.Convert.ChangeType(value, type, culture);
        }
        catch (Exception ex) when (ex is InvalidCastException or FormatException or OverflowException or ArgumentException)
        {
            throw new StepArgumentConversionException(value, target, inner: ex);
        }
    }

    private static object ParseEnum(string text, Type target, Type type)
    {
        if (Enum.TryParse(type, text.Trim(), ignoreCase: true, out var result)
            || Enum.TryParse(type, text.Replace(" ", string.Empty, StringComparison.Ordinal), ignoreCase: true, out result))
        {
            // Enum.TryParse also takes any number; only defined members (or flag combinations) are accepted.
            if (Enum.IsDefined(type, result!) || type.IsDefined(typeof(FlagsAttribute), false) || !char.IsAsciiDigit(text.TrimStart('-')[0]))
            {
                return result!;
            }
        }

        throw new StepArgumentConversionException(text, target, "expected one of " + string.Join(", ", Enum.GetNames(type)));
    }

    private ArgumentTransformation? FindTransformation(object? value, Type target, string? parameterTypeName, ArgumentTransformation? skip)
    {
        var candidates = _transformations.Where(t => t != skip && Produces(t, target)).ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        if (parameterTypeName is not null)
        {
            var named = candidates.Find(t => string.Equals(t.Name, parameterTypeName, StringComparison.Ordinal));
            if (named is not null)
            {
                return named;
            }
        }

        return value switch
        {
            Table => candidates.Find(t => TakesTable(t)),
            string text => candidates.Find(t => !TakesTable(t) && (t.Regex is null ? t.Method.GetParameters().Length == 1 : _regexes[t].IsMatch(text))),
            _ => null,
        };
    }

    private static bool Produces(ArgumentTransformation t, Type target)
    {
        var returns = t.Method.ReturnType;
        if (returns.IsGenericType && returns.GetGenericTypeDefinition() == typeof(Task<>))
        {
            returns = returns.GetGenericArguments()[0];
        }

        return returns == target || returns == Nullable.GetUnderlyingType(target);
    }

    private static bool TakesTable(ArgumentTransformation t)
    {
        var parameters = t.Method.GetParameters();
        return parameters.Length == 1 && typeof(Table).IsAssignableFrom(parameters[0].ParameterType);
    }

    private object? Transform(ArgumentTransformation transformation, object? value, CultureInfo culture)
    {
        var parameters = transformation.Method.GetParameters();
        object?[] arguments;
        if (value is Table table)
        {
            arguments = [Convert(table, parameters[0].ParameterType, culture, null, transformation)];
        }
        else if (transformation.Regex is not null && value is string text)
        {
            var match = _regexes[transformation].Match(text);
            var groups = match.Groups.Count > 1
                ? Enumerable.Range(1, match.Groups.Count - 1).Select(i => match.Groups[i].Success ? match.Groups[i].Value : null).ToArray()
                : [text];
            if (groups.Length != parameters.Length)
            {
                throw new StepArgumentConversionException(value, transformation.Method.ReturnType, $"the transformation {transformation.Method.DeclaringType?.Name}.{transformation.Method.Name} takes {parameters.Length} argument(s) but its regex \"{transformation.Regex}\" captures {groups.Length}");
            }

            arguments = new object?[parameters.Length];
            for (var i = 0; i < parameters.Length; i++)
            {
                arguments[i] = Convert(groups[i], parameters[i].ParameterType, culture, null, transformation);
            }
        }
        else
        {
            arguments = [Convert(value, parameters[0].ParameterType, culture, null, transformation)];
        }

        try
        {
            var result = _invoke(transformation.Method, arguments);
            if (result is Task task)
            {
                task.GetAwaiter().GetResult();
                result = task.GetType().GetProperty("Result")?.GetValue(task);
            }

            return result;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw new StepArgumentConversionException(value, transformation.Method.ReturnType, $"the transformation {transformation.Method.DeclaringType?.Name}.{transformation.Method.Name} failed: {ex.InnerException.Message}", ex.InnerException);
        }
    }

    private static string Anchor(string regex)
    {
        var pattern = regex.StartsWith('^') ? regex : "^(?:" + regex;
        if (!regex.StartsWith('^'))
        {
            pattern += ")";
        }

        return pattern.EndsWith('$') ? pattern : pattern + "$";
    }
}
