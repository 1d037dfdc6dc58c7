namespace DerSim.Sim.Ocpp.Validation;

/// <summary>
/// The CALLERROR codes of OCPP-J, per version, and the code a schema violation answers with. 1.6 spells two codes
/// its own way ("FormationViolation", "OccurenceConstraintViolation"); these spellings are the official ones.
/// </summary>
public static class OcppErrorCodes
{
    /// <summary>OCPP-J 1.6 error codes (section 4.2.3).</summary>
    public static class V16
    {
        /// <summary>Requested action is not known by the receiver.</summary>
        public const string NotImplemented = "NotImplemented";

        /// <summary>Requested action is recognised but not supported.</summary>
        public const string NotSupported = "NotSupported";

        /// <summary>An internal error occurred.</summary>
        public const string InternalError = "InternalError";

        /// <summary>Payload for action is incomplete.</summary>
        public const string ProtocolError = "ProtocolError";

        /// <summary>A security issue prevented the action.</summary>
        public const string SecurityError = "SecurityError";

        /// <summary>Payload is syntactically incorrect or does not conform to the PDU structure (official spelling).</summary>
        public const string FormationViolation = "FormationViolation";

        /// <summary>A field contains an invalid value.</summary>
        public const string PropertyConstraintViolation = "PropertyConstraintViolation";

        /// <summary>A field violates occurrence constraints (official spelling, one "r").</summary>
        public const string OccurenceConstraintViolation = "OccurenceConstraintViolation";

        /// <summary>A field violates data type constraints.</summary>
        public const string TypeConstraintViolation = "TypeConstraintViolation";

        /// <summary>Any other error.</summary>
        public const string GenericError = "GenericError";

        /// <summary>Every 1.6 code.</summary>
        public static IReadOnlyList<string> All { get; } =
        [
            NotImplemented, NotSupported, InternalError, ProtocolError, SecurityError, FormationViolation,
            PropertyConstraintViolation, OccurenceConstraintViolation, TypeConstraintViolation, GenericError,
        ];
    }

    /// <summary>OCPP-J 2.0.1 and 2.1 error codes (RPC framework section 4.3).</summary>
    public static class V2
    {
        /// <summary>Payload for action is syntactically incorrect.</summary>
        public const string FormatViolation = "FormatViolation";

        /// <summary>Any other error.</summary>
        public const string GenericError = "GenericError";

        /// <summary>An internal error occurred.</summary>
        public const string InternalError = "InternalError";

        /// <summary>A message with a message type number unknown to the receiver was received.</summary>
        public const string MessageTypeNotSupported = "MessageTypeNotSupported";

        /// <summary>Requested action is not known by the receiver.</summary>
        public const string NotImplemented = "NotImplemented";

        /// <summary>Requested action is recognised but not supported.</summary>
        public const string NotSupported = "NotSupported";

        /// <summary>A field violates occurrence constraints.</summary>
        public const string OccurrenceConstraintViolation = "OccurrenceConstraintViolation";

        /// <summary>A field contains an invalid value.</summary>
        public const string PropertyConstraintViolation = "PropertyConstraintViolation";

        /// <summary>Payload for action is incomplete.</summary>
        public const string ProtocolError = "ProtocolError";

        /// <summary>The content of the call is not a valid RPC request (e.g. the message id is not a string).</summary>
        public const string RpcFrameworkError = "RpcFrameworkError";

        /// <summary>A security issue prevented the action.</summary>
        public const string SecurityError = "SecurityError";

        /// <summary>A field violates data type constraints.</summary>
        public const string TypeConstraintViolation = "TypeConstraintViolation";

        /// <summary>Every 2.x code.</summary>
        public static IReadOnlyList<string> All { get; } =
        [
            FormatViolation, GenericError, InternalError, MessageTypeNotSupported, NotImplemented, NotSupported,
            OccurrenceConstraintViolation, PropertyConstraintViolation, ProtocolError, RpcFrameworkError,
            SecurityError, TypeConstraintViolation,
        ];
    }

    /// <summary>Every code <paramref name="version"/> defines.</summary>
    public static IReadOnlyList<string> All(OcppVersion version) => version == OcppVersion.V16 ? V16.All : V2.All;

    /// <summary>The CALLERROR code a payload breaking a rule of <paramref name="kind"/> answers with.</summary>
    public static string ForViolation(SchemaViolationKind kind, OcppVersion version)
    {
        var v16 = version == OcppVersion.V16;
        return kind switch
        {
            SchemaViolationKind.Syntax or SchemaViolationKind.UnknownProperty => v16 ? V16.FormationViolation : V2.FormatViolation,
            SchemaViolationKind.Occurrence => v16 ? V16.OccurenceConstraintViolation : V2.OccurrenceConstraintViolation,
            SchemaViolationKind.Type => V2.TypeConstraintViolation,
            SchemaViolationKind.Property => V2.PropertyConstraintViolation,
            SchemaViolationKind.UnknownAction => V2.NotSupported,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }

    /// <summary>
    /// A received code in its 2.x spelling: peers send either spelling whatever the version, so
    /// "FormationViolation" becomes "FormatViolation" and "OccurenceConstraintViolation" becomes
    /// "OccurrenceConstraintViolation". Other codes are returned unchanged (trimmed).
    /// </summary>
    public static string Normalize(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var trimmed = code.Trim();
        return trimmed switch
        {
            V16.FormationViolation => V2.FormatViolation,
            V16.OccurenceConstraintViolation => V2.OccurrenceConstraintViolation,
            _ => trimmed,
        };
    }

    /// <summary>A code in the spelling <paramref name="version"/> sends, from either spelling.</summary>
    public static string Normalize(string code, OcppVersion version)
    {
        var normalized = Normalize(code);
        if (version != OcppVersion.V16)
        {
            return normalized;
        }

        return normalized switch
        {
            V2.FormatViolation => V16.FormationViolation,
            V2.OccurrenceConstraintViolation => V16.OccurenceConstraintViolation,
            _ => normalized,
        };
    }
}
