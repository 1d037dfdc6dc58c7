using System.Text;

namespace DerSim.Ocpp.Validation;

/// <summary>Validates OCPP payloads against a JSON schema per action and direction.</summary>
public interface IOcppSchemaValidator
{
    /// <summary>
    /// Validates the JSON text of a CALL payload (<see cref="PayloadKind.Request"/>) or a CALLRESULT
    /// payload (<see cref="PayloadKind.Response"/>) of <paramref name="action"/>. Returns no violations when valid.
    /// An action without a schema yields one violation of kind <see cref="SchemaViolationKind.UnknownAction"/>.
    /// </summary>
    IReadOnlyList<SchemaViolation> Validate(OcppVersion version, string action, PayloadKind kind, string payloadJson);

    /// <summary>
    /// Validates a payload given as UTF-8 JSON, as it is on the wire (see the overload taking text). The default
    /// decodes it to text; a validator that reads UTF-8 overrides it to spare that string per frame.
    /// </summary>
    IReadOnlyList<SchemaViolation> Validate(OcppVersion version, string action, PayloadKind kind, ReadOnlySpan<byte> utf8Payload) =>
        Validate(version, action, kind, Encoding.UTF8.GetString(utf8Payload));
}
