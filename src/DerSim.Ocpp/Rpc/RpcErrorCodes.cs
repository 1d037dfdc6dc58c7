using DerSim.Ocpp.Validation;

namespace DerSim.Ocpp.Rpc;

/// <summary>
/// The CALLERROR error codes of OCPP-J, per version. OCPP 1.6 (§4.2.3) spells two of them
/// <c>FormationViolation</c> and <c>OccurenceConstraintViolation</c>; those misspellings are the
/// official 1.6 codes and are what we send on a 1.6 connection. OCPP 2.x spells them
/// <c>FormatViolation</c> and <c>OccurrenceConstraintViolation</c> and adds
/// <c>MessageTypeNotSupported</c> and <c>RpcFrameworkError</c>.
/// </summary>
public static class RpcErrorCodes
{
    /// <summary>Requested action is not known by the receiver (all versions).</summary>
    public const string NotImplemented = "NotImplemented";

    /// <summary>Requested action is recognised but not supported by the receiver (all versions).</summary>
    public const string NotSupported = "NotSupported";

    /// <summary>An internal error occurred while processing the action (all versions).</summary>
    public const string InternalError = "InternalError";

    /// <summary>Payload for the action is incomplete (all versions).</summary>
    public const string ProtocolError = "ProtocolError";

    /// <summary>A security issue prevented processing (all versions).</summary>
    public const string SecurityError = "SecurityError";

    /// <summary>A payload field violates a data-type constraint, e.g. a value outside its enum (all versions).</summary>
    public const string PropertyConstraintViolation = "PropertyConstraintViolation";

    /// <summary>A payload field has the wrong JSON type (all versions).</summary>
    public const string TypeConstraintViolation = "TypeConstraintViolation";

    /// <summary>Any other error (all versions).</summary>
    public const string GenericError = "GenericError";

    /// <summary>OCPP 1.6 spelling (sic) of the syntax/structure error.</summary>
    public const string FormationViolation = "FormationViolation";

    /// <summary>OCPP 1.6 spelling (sic) of the occurrence error.</summary>
    public const string OccurenceConstraintViolation = "OccurenceConstraintViolation";

    /// <summary>OCPP 2.x: payload is syntactically incorrect.</summary>
    public const string FormatViolation = "FormatViolation";

    /// <summary>OCPP 2.x: a required field is missing or occurs too often.</summary>
    public const string OccurrenceConstraintViolation = "OccurrenceConstraintViolation";

    /// <summary>OCPP 2.x: a message type number the receiver does not support.</summary>
    public const string MessageTypeNotSupported = "MessageTypeNotSupported";

    /// <summary>OCPP 2.x: the frame is not a valid RPC message, e.g. the message id could not be read.</summary>
    public const string RpcFrameworkError = "RpcFrameworkError";

    /// <summary>The codes OCPP 1.6 defines, in its spelling.</summary>
    public static IReadOnlyList<string> V16Codes { get; } =
    [
        NotImplemented, NotSupported, InternalError, ProtocolError, SecurityError, FormationViolation,
        PropertyConstraintViolation, OccurenceConstraintViolation, TypeConstraintViolation, GenericError,
    ];

    /// <summary>The codes OCPP 2.0.1 and 2.1 define.</summary>
    public static IReadOnlyList<string> V2Codes { get; } =
    [
        FormatViolation, GenericError, InternalError, MessageTypeNotSupported, NotImplemented, NotSupported,
        OccurrenceConstraintViolation, PropertyConstraintViolation, ProtocolError, RpcFrameworkError,
        SecurityError, TypeConstraintViolation,
    ];

    /// <summary>The codes <paramref name="version"/> defines.</summary>
    public static IReadOnlyList<string> For(OcppVersion version) => version == OcppVersion.V16 ? V16Codes : V2Codes;

    /// <summary>
    /// Maps either spelling of the two codes whose spelling differs between versions to the 2.x
    /// spelling, so a received code can be compared regardless of which spelling the peer used.
    /// Other codes are returned unchanged.
    /// </summary>
    public static string Normalize(string code) => code switch
    {
        FormationViolation => FormatViolation,
        OccurenceConstraintViolation => OccurrenceConstraintViolation,
        _ => code,
    };

    /// <summary>Maps either spelling to the official spelling of <paramref name="version"/>.</summary>
    public static string Normalize(string code, OcppVersion version)
    {
        var normalized = Normalize(code);
        if (version != OcppVersion.V16)
        {
            return normalized;
        }

        return normalized switch
        {
            FormatViolation => FormationViolation,
            OccurrenceConstraintViolation => OccurenceConstraintViolation,
            _ => normalized,
        };
    }

    /// <summary>
    /// When <paramref name="code"/> is another version's spelling of a code of <paramref name="version"/> (1.6's
    /// FormationViolation / OccurenceConstraintViolation on a 2.x connection, or the reverse), says so naming the
    /// spelling <paramref name="version"/>'s specification uses; else null.
    /// </summary>
    public static string? Misspelling(string code, OcppVersion version)
    {
        var official = Normalize(code, version);
        return official == code ? null : $"error code {code} is spelled the way of another OCPP version; OCPP {version.DisplayName()} spells it {official}";
    }

    /// <summary>True when <paramref name="code"/> (in either spelling) is defined by <paramref name="version"/>.</summary>
    public static bool IsDefined(string code, OcppVersion version) => For(version).Contains(Normalize(code, version));

    /// <summary>The code to answer a schema violation of <paramref name="kind"/> with.</summary>
    public static string ForViolation(OcppVersion version, SchemaViolationKind kind) => kind switch
    {
        SchemaViolationKind.Syntax or SchemaViolationKind.UnknownProperty => Format(version),
        SchemaViolationKind.Occurrence => version == OcppVersion.V16 ? OccurenceConstraintViolation : OccurrenceConstraintViolation,
        SchemaViolationKind.Type => TypeConstraintViolation,
        SchemaViolationKind.Property => PropertyConstraintViolation,
        // No schema: the action is not known (OCPP-J 1.6 §4.2.3, 2.x §4.3).
        SchemaViolationKind.UnknownAction => NotImplemented,
        _ => GenericError,
    };

    /// <summary>FormationViolation on 1.6, FormatViolation on 2.x.</summary>
    public static string Format(OcppVersion version) => version == OcppVersion.V16 ? FormationViolation : FormatViolation;

    /// <summary>
    /// The code for a frame that is not a valid RPC message (unparseable, wrong shape, unreadable id):
    /// 2.x has RpcFrameworkError; 1.6 has no such code and files structure errors under
    /// FormationViolation ("not conform the PDU structure").
    /// </summary>
    public static string RpcFramework(OcppVersion version) => version == OcppVersion.V16 ? FormationViolation : RpcFrameworkError;
}
