namespace DerSim.Ocpp.Validation;

/// <summary>Families of schema rules, grouped the way OCPP-J error codes group them.</summary>
public enum SchemaViolationKind
{
    /// <summary>The payload is not JSON, or not an object: FormatViolation.</summary>
    Syntax,

    /// <summary>A property the schema does not define: FormatViolation.</summary>
    UnknownProperty,

    /// <summary>A required property is missing, or an array has too few/many items: OccurrenceConstraintViolation.</summary>
    Occurrence,

    /// <summary>A value of the wrong JSON type: TypeConstraintViolation.</summary>
    Type,

    /// <summary>A value outside its enum, length, range or pattern: PropertyConstraintViolation.</summary>
    Property,

    /// <summary>No schema exists for the action.</summary>
    UnknownAction,
}
