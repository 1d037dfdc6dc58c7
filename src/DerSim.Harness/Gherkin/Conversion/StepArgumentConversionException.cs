namespace DerSim.Harness.Gherkin.Conversion;

/// <summary>A step argument that cannot be converted to its parameter's type; the message names both.</summary>
public sealed class StepArgumentConversionException : Exception
{
    /// <summary>Creates the error for <paramref name="value"/> and <paramref name="targetType"/>.</summary>
    public StepArgumentConversionException(object? value, Type targetType, string? reason = null, Exception? inner = null)
        : base(Describe(value, targetType, reason ?? inner?.Message), inner)
    {
        Value = value;
        TargetType = targetType;
    }

    /// <summary>The value that did not convert.</summary>
    public object? Value { get; }

    /// <summary>The type it had to become.</summary>
    public Type TargetType { get; }

    private static string Describe(object? value, Type targetType, string? reason)
    {
        var shown = value switch
        {
            null => "null",
            string s => "\"" + s + "\"",
            Table t => "the table\n" + t,
            _ => $"{value} ({value.GetType().Name})",
        };
        var message = $"cannot convert {shown} to {StepArgumentConverter.TypeName(targetType)}";
        return reason is null ? message : message + ": " + reason;
    }
}
