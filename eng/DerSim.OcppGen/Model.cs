namespace DerSim.OcppGen;

/// <summary>The JSON kinds a schema property can have, after mapping to C#.</summary>
internal enum ValueKind
{
    String,
    Integer,
    Number,
    Boolean,
    DateTime,
    Object,
    Enum,
    Array,

    /// <summary>No "type": any JSON value (2.x DataTransfer data).</summary>
    Any,
}

/// <summary>A reference to a value type: a primitive, a named object/enum, or an array of one.</summary>
internal sealed record TypeRef(ValueKind Kind, string? Name = null, TypeRef? Item = null)
{
    public Constraints Constraints { get; init; } = new();
}

/// <summary>Schema keywords carried onto the generated members as attributes.</summary>
internal sealed record Constraints
{
    public int? MaxLength { get; init; }
    public int? MinLength { get; init; }
    public string? Minimum { get; init; }
    public string? Maximum { get; init; }
    public string? MultipleOf { get; init; }
    public int? MinItems { get; init; }
    public int? MaxItems { get; init; }
    public string? Pattern { get; init; }
    public string? Format { get; init; }
}

/// <summary>One property of an object type.</summary>
/// <param name="RequiredInSchemaOnly">
/// Required by the schema, optional in the record: a carried version may leave it out (see <c>CarrierCheck</c>).
/// </param>
internal sealed record PropDef(string JsonName, string CsName, bool Required, TypeRef Type, bool RequiredInSchemaOnly = false);

/// <summary>A named type to emit.</summary>
internal abstract record TypeDef(string Name);

/// <summary>An object schema emitted as a record.</summary>
internal sealed record ObjectDef(string Name, IReadOnlyList<PropDef> Props, bool Closed, string? Action, string? Role) : TypeDef(Name);

/// <summary>A string enum schema emitted as an enum.</summary>
internal sealed record EnumDef(string Name, IReadOnlyList<string> Values) : TypeDef(Name);

/// <summary>One action of a version with its message type names and direction.</summary>
internal sealed record ActionDef(string Name, string RequestType, string? ResponseType, string Direction);

/// <summary>Everything generated for one version.</summary>
internal sealed record VersionModel(VersionInfo Version, IReadOnlyList<TypeDef> Types, IReadOnlyList<ActionDef> Actions);

/// <summary>A protocol version's schema folder, namespace and naming convention.</summary>
/// <param name="Folder">Sub-folder of the schema root, e.g. "2.0.1".</param>
/// <param name="Id">Short id used in namespaces and type names, e.g. "V201".</param>
/// <param name="Display">Human name, e.g. "2.0.1".</param>
/// <param name="RequestSuffixInFileName">True for 2.x where requests are "ActionRequest.json".</param>
/// <param name="CarriedBy">
/// The version whose CLR types carry this version's messages (2.0.1 is carried by 2.1: one OCPP 2.x family). Its own
/// records are then emitted as internal schema shapes only, from which the validator builds its exact schemas.
/// </param>
internal sealed record VersionInfo(string Folder, string Id, string Display, bool RequestSuffixInFileName, string? CarriedBy = null)
{
    public static IReadOnlyList<VersionInfo> All { get; } =
    [
        new("1.6", "V16", "1.6", false),
        new("2.0.1", "V201", "2.0.1", true, CarriedBy: "V21"),
        new("2.1", "V21", "2.1", true),
    ];

    /// <summary>True when this version only describes schemas and another version's types carry its messages.</summary>
    public bool IsShapeOnly => CarriedBy is not null;

    public string Namespace => "DerSim.Ocpp." + Id;
}
