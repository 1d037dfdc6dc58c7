using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace DerSim.Ocpp.Validation;

/// <summary>
/// Checks a parsed payload against a <see cref="SchemaNode"/>, in the order NJsonSchema reports (per value: items,
/// string rules, number rules, type, enum, then the properties in schema order, required ones missing, undeclared
/// ones), so the first violation, which decides the CALLERROR code, is the one it always was.
/// </summary>
/// <remarks>
/// A valid payload costs no allocation here: property names are compared as UTF-8, string lengths counted on the
/// raw bytes, and a JSON path is only written out for a violation.
/// </remarks>
internal sealed class SchemaWalker
{
    [ThreadStatic]
    private static SchemaWalker? spare;

    private readonly List<Segment> _path = new(8);
    private List<SchemaViolation>? _found;

    private SchemaWalker()
    {
    }

    /// <summary>The violations of <paramref name="root"/> (any JSON value; OCPP payloads are objects) against <paramref name="schema"/>.</summary>
    public static IReadOnlyList<SchemaViolation> Check(JsonElement root, SchemaNode schema)
    {
        var walker = spare ?? new SchemaWalker();
        spare = null;
        try
        {
            walker.Numbers(root);
            if (walker._found is null)
            {
                walker.Value(root, schema, null);
            }

            return walker._found ?? (IReadOnlyList<SchemaViolation>)[];
        }
        finally
        {
            walker._path.Clear();
            walker._found = null;
            spare = walker;
        }
    }

    // Numbers no OCPP field can hold come first and alone, as when the payload was read into Newtonsoft tokens: an
    // integer beyond 64 bits (a value out of range), a fraction beyond decimal's range (it could not be read).
    private void Numbers(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    _path.Add(new Segment(property));
                    Numbers(property.Value);
                    _path.RemoveAt(_path.Count - 1);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    _path.Add(new Segment(index++));
                    Numbers(item);
                    _path.RemoveAt(_path.Count - 1);
                }

                break;
            case JsonValueKind.Number:
                var raw = JsonMarshal.GetRawUtf8Value(value);
                if (IsInteger(raw) ? !value.TryGetInt64(out _) : !value.TryGetDecimal(out _))
                {
                    (_found ??= []).Add(IsInteger(raw)
                        ? new SchemaViolation(PathText(), SchemaViolationKind.Property, $"integer of {raw.Length} characters is outside the 64-bit range")
                        : new SchemaViolation("$", SchemaViolationKind.Syntax, $"expected JSON: the number at {PathText()} is outside the range of a decimal"));
                }

                break;
        }
    }

    private void Value(JsonElement value, SchemaNode node, string? property)
    {
        var kind = value.ValueKind;
        if (kind == JsonValueKind.Null && node.Nullable)
        {
            return;
        }

        var type = node.Type;
        if (kind == JsonValueKind.Array)
        {
            Items(value, node);
        }
        else if (type == NJsonSchema.JsonObjectType.Array)
        {
            Add(SchemaViolationKind.Type, $"expected {Name(property)} to be an array");
        }

        if (kind == JsonValueKind.String)
        {
            Text(value, node, property);
        }
        else if (type == NJsonSchema.JsonObjectType.String)
        {
            Add(SchemaViolationKind.Type, $"expected {Name(property)} to be a string");
        }

        if (type == NJsonSchema.JsonObjectType.Number && kind != JsonValueKind.Number)
        {
            Add(SchemaViolationKind.Type, $"expected {Name(property)} to be a number");
        }

        if (kind == JsonValueKind.Number)
        {
            Number(value, node, property);
        }

        if (type == NJsonSchema.JsonObjectType.Integer && (kind != JsonValueKind.Number || !IsInteger(JsonMarshal.GetRawUtf8Value(value))))
        {
            Add(SchemaViolationKind.Type, $"expected {Name(property)} to be an integer");
        }

        if (type == NJsonSchema.JsonObjectType.Boolean && kind is not (JsonValueKind.True or JsonValueKind.False))
        {
            Add(SchemaViolationKind.Type, $"expected {Name(property)} to be a boolean");
        }

        if (type == NJsonSchema.JsonObjectType.Object && kind != JsonValueKind.Object)
        {
            Add(SchemaViolationKind.Type, $"expected {Name(property)} to be an object");
        }

        if (node.Enum is { } values && !(kind == JsonValueKind.String && OneOf(value, values)))
        {
            Add(SchemaViolationKind.Property, $"expected {Name(property)} to be one of: {node.EnumText}");
        }

        Properties(value, node);
    }

    private void Items(JsonElement array, SchemaNode node)
    {
        var count = array.GetArrayLength();
        if (node.MinItems > 0 && count < node.MinItems)
        {
            Add(SchemaViolationKind.Occurrence, $"expected at least {node.MinItems} item(s)");
        }

        if (node.MaxItems > 0 && count > node.MaxItems)
        {
            Add(SchemaViolationKind.Occurrence, $"expected at most {node.MaxItems} item(s)");
        }

        if (node.Items is { } items)
        {
            var index = 0;
            foreach (var item in array.EnumerateArray())
            {
                _path.Add(new Segment(index++));
                Value(item, items, null);
                _path.RemoveAt(_path.Count - 1);
            }
        }
    }

    private void Text(JsonElement value, SchemaNode node, string? property)
    {
        if (node.Pattern is null && node.MinLength is null && node.MaxLength is null && node.Format == StringFormat.None)
        {
            return;
        }

        // The raw token is quoted; without a backslash it is the value itself, so nothing needs unescaping.
        var raw = JsonMarshal.GetRawUtf8Value(value)[1..^1];
        var escaped = raw.Contains((byte)'\\');
        var text = escaped || node.Pattern is not null || node.Format == StringFormat.Uri ? value.GetString()! : null;
        if (node.Pattern is { } pattern && !pattern.IsMatch(text!))
        {
            Add(SchemaViolationKind.Property, $"expected {Name(property)} to match {pattern}");
        }

        var length = text?.Length ?? Encoding.UTF8.GetCharCount(raw);
        if (length < node.MinLength)
        {
            Add(SchemaViolationKind.Property, $"expected {Name(property)} to be at least {node.MinLength} characters");
        }

        if (length > node.MaxLength)
        {
            Add(SchemaViolationKind.Property, $"expected {Name(property)} to be at most {node.MaxLength} characters");
        }

        if (node.Format == StringFormat.DateTime && !Rfc3339.IsDateTime(escaped ? Encoding.UTF8.GetBytes(text!) : raw))
        {
            Add(SchemaViolationKind.Property, $"expected {Name(property)} to be an RFC 3339 date-time");
        }

        if (node.Format == StringFormat.Uri && !Uri.TryCreate(text, UriKind.Absolute, out _))
        {
            Add(SchemaViolationKind.Property, $"expected {Name(property)} to be a URI");
        }
    }

    private void Number(JsonElement value, SchemaNode node, string? property)
    {
        if (node.Minimum is null && node.Maximum is null && node.MultipleOf is null)
        {
            return;
        }

        // Out of decimal's range never gets here: Numbers() reported it.
        var number = value.GetDecimal();
        if (number < node.Minimum)
        {
            Add(SchemaViolationKind.Property, string.Create(CultureInfo.InvariantCulture, $"expected {Name(property)} to be at least {node.Minimum}"));
        }

        if (number > node.Maximum)
        {
            Add(SchemaViolationKind.Property, string.Create(CultureInfo.InvariantCulture, $"expected {Name(property)} to be at most {node.Maximum}"));
        }

        if (node.MultipleOf is { } step && step > 0 && number % step != 0)
        {
            Add(SchemaViolationKind.Property, string.Create(CultureInfo.InvariantCulture, $"expected {Name(property)} to be a multiple of {step}"));
        }
    }

    private void Properties(JsonElement value, SchemaNode node)
    {
        var isObject = value.ValueKind == JsonValueKind.Object;
        if (!isObject && node.Nullable)
        {
            return;
        }

        var present = 0;
        foreach (var declared in node.Properties)
        {
            _path.Add(new Segment(declared.Name));
            if (isObject && value.TryGetProperty(declared.Utf8Name, out var child))
            {
                present++;
                if (child.ValueKind != JsonValueKind.Null || !declared.Node.Nullable)
                {
                    Value(child, declared.Node, declared.Name);
                }
            }
            else if (declared.Required)
            {
                Add(SchemaViolationKind.Occurrence, $"required property '{declared.Name}' is missing");
            }

            _path.RemoveAt(_path.Count - 1);
        }

        foreach (var name in node.RequiredUndeclared)
        {
            if (!isObject || !value.TryGetProperty(name, out _))
            {
                _path.Add(new Segment(name));
                Add(SchemaViolationKind.Occurrence, $"required property '{name}' is missing");
                _path.RemoveAt(_path.Count - 1);
            }
        }

        // Every property declared (the usual case) when as many were found as the object has.
        if (isObject && node.Closed && value.GetPropertyCount() != present)
        {
            foreach (var property in value.EnumerateObject())
            {
                if (!Declared(node, property))
                {
                    _path.Add(new Segment(property));
                    Add(SchemaViolationKind.UnknownProperty, $"property '{property.Name}' is not defined by the schema");
                    _path.RemoveAt(_path.Count - 1);
                }
            }
        }
    }

    private static bool Declared(SchemaNode node, JsonProperty property)
    {
        foreach (var declared in node.Properties)
        {
            if (property.NameEquals(declared.Utf8Name))
            {
                return true;
            }
        }

        return false;
    }

    private static bool OneOf(JsonElement value, byte[][] values)
    {
        foreach (var v in values)
        {
            if (value.ValueEquals(v))
            {
                return true;
            }
        }

        return false;
    }

    // A JSON number without fraction or exponent (as Newtonsoft reads an integer: 1.0 and 1e2 are not).
    internal static bool IsInteger(ReadOnlySpan<byte> raw) => raw.IndexOfAny((byte)'.', (byte)'e', (byte)'E') < 0;

    private static string Name(string? property) => property is { Length: > 0 } p ? $"'{p}'" : "value";

    private void Add(SchemaViolationKind kind, string message) => (_found ??= []).Add(new SchemaViolation(PathText(), kind, message));

    // "$", then ".name" per property and "[i]" per item, as NJsonSchema joins them.
    private string PathText()
    {
        var text = new StringBuilder("$");
        foreach (var segment in _path)
        {
            _ = segment.Name is { } name ? text.Append('.').Append(name) : text.Append('[').Append(segment.Index).Append(']');
        }

        return text.ToString();
    }

    private readonly struct Segment
    {
        private readonly string? _name;
        private readonly JsonProperty _property;
        private readonly bool _fromPayload;

        public Segment(string name) => _name = name;

        public Segment(JsonProperty property)
        {
            _property = property;
            _fromPayload = true;
        }

        public Segment(int index) => Index = index;

        public int Index { get; }

        // A payload's property name is only made a string when a path is written.
        public string? Name => _fromPayload ? _property.Name : _name;
    }
}
