namespace DerSim.Ocpp.Schema;

// The generated message records carry the schema keywords as these attributes, so our own JSON schemas can be
// built from the types (see OcppSchemaBuilder) without shipping the official schema files.

/// <summary>Base of the schema keyword attributes. <see cref="OnItems"/> applies the keyword to each array item.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = true)]
public abstract class SchemaConstraintAttribute : Attribute
{
    /// <summary>True when the keyword constrains the items of an array property rather than the property. The default value is false.</summary>
    public bool OnItems { get; init; }
}

/// <summary>JSON schema <c>maxLength</c>.</summary>
/// <param name="length">The longest allowed string.</param>
public sealed class SchemaMaxLengthAttribute(int length) : SchemaConstraintAttribute
{
    /// <summary>The longest allowed string.</summary>
    public int Length { get; } = length;
}

/// <summary>JSON schema <c>minLength</c>.</summary>
/// <param name="length">The shortest allowed string.</param>
public sealed class SchemaMinLengthAttribute(int length) : SchemaConstraintAttribute
{
    /// <summary>The shortest allowed string.</summary>
    public int Length { get; } = length;
}

/// <summary>JSON schema <c>minimum</c> (inclusive).</summary>
/// <param name="value">The smallest allowed number.</param>
public sealed class SchemaMinimumAttribute(double value) : SchemaConstraintAttribute
{
    /// <summary>The smallest allowed number.</summary>
    public double Value { get; } = value;
}

/// <summary>JSON schema <c>maximum</c> (inclusive).</summary>
/// <param name="value">The largest allowed number.</param>
public sealed class SchemaMaximumAttribute(double value) : SchemaConstraintAttribute
{
    /// <summary>The largest allowed number.</summary>
    public double Value { get; } = value;
}

/// <summary>JSON schema <c>multipleOf</c>, kept as text so it compares as a decimal (0.1 is not a binary float).</summary>
/// <param name="value">The step, e.g. "0.1".</param>
public sealed class SchemaMultipleOfAttribute(string value) : SchemaConstraintAttribute
{
    /// <summary>The step as written in the schema.</summary>
    public string Value { get; } = value;
}

/// <summary>JSON schema <c>minItems</c>.</summary>
/// <param name="count">The fewest allowed items.</param>
public sealed class SchemaMinItemsAttribute(int count) : SchemaConstraintAttribute
{
    /// <summary>The fewest allowed items.</summary>
    public int Count { get; } = count;
}

/// <summary>JSON schema <c>maxItems</c>.</summary>
/// <param name="count">The most allowed items.</param>
public sealed class SchemaMaxItemsAttribute(int count) : SchemaConstraintAttribute
{
    /// <summary>The most allowed items.</summary>
    public int Count { get; } = count;
}

/// <summary>JSON schema <c>pattern</c>.</summary>
/// <param name="pattern">An ECMA 262 regular expression.</param>
public sealed class SchemaPatternAttribute(string pattern) : SchemaConstraintAttribute
{
    /// <summary>The regular expression.</summary>
    public string Pattern { get; } = pattern;
}

/// <summary>JSON schema <c>format</c> other than date-time (which <see cref="DateTimeOffset"/> implies), e.g. "uri".</summary>
/// <param name="format">The format name.</param>
public sealed class SchemaFormatAttribute(string format) : SchemaConstraintAttribute
{
    /// <summary>The format name.</summary>
    public string Format { get; } = format;
}

/// <summary>JSON schema <c>additionalProperties: false</c> on an object type.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class SchemaClosedAttribute : Attribute;

/// <summary>
/// JSON schema <c>required</c> on a property the record leaves optional: the 2.1 types carry 2.0.1 messages too, and
/// 2.1 requires a few fields 2.0.1 does not have (e.g. <c>variableMonitoring.eventNotificationType</c>). The 2.1
/// schema still requires them; a 2.0.1 payload still reads.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SchemaRequiredAttribute : Attribute;
