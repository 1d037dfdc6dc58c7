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
}
