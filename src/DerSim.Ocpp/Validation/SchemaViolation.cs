namespace DerSim.Ocpp.Validation;

/// <summary>One way a payload breaks its schema.</summary>
/// <param name="Path">JSON path of the offending value, e.g. "$.chargingStation.model".</param>
/// <param name="Kind">What kind of rule was broken; decides the CALLERROR code.</param>
/// <param name="Message">A human sentence naming what was expected.</param>
public sealed record SchemaViolation(string Path, SchemaViolationKind Kind, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Path}: {Message}";
}
