using DerSim.Ocpp.Validation;

namespace DerSim.Ocpp.Rpc;

/// <summary>How an <see cref="OcppRpcPeer"/> times out, validates and orders calls.</summary>
public sealed record OcppRpcOptions
{
    /// <summary>
    /// How long a CALL waits for its CALLRESULT or CALLERROR before failing with
    /// <see cref="OcppCallTimeoutException"/>. The default value is 30 seconds.
    /// </summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Validate received CALL, CALLRESULT and SEND payloads with <see cref="Validator"/>.
    /// The default value is <see langword="true"/>; negative tests turn it off.
    /// </summary>
    public bool ValidateInbound { get; init; } = true;

    /// <summary>
    /// Validate payloads before sending them with <see cref="Validator"/>; an invalid request throws
    /// before it reaches the wire. The default value is <see langword="true"/>; negative tests turn it off.
    /// </summary>
    public bool ValidateOutbound { get; init; } = true;

    /// <summary>The schema validator. The default value is <see langword="null"/> (no schema validation).</summary>
    public IOcppSchemaValidator? Validator { get; init; }

    /// <summary>
    /// Answer a CALL that arrives while the peer's previous CALL is still being handled with a CALLERROR
    /// (2.x RpcFrameworkError, 1.6 GenericError) instead of handling both concurrently. OCPP-J lets a
    /// sender have only one CALL outstanding, so a second one is the sender's protocol error.
    /// The default value is <see langword="true"/>.
    /// </summary>
    public bool RejectConcurrentInboundCalls { get; init; } = true;

    /// <summary>
    /// Answer a CALL whose message id repeats one of the last <see cref="DuplicateIdWindow"/> inbound CALL ids
    /// with a CALLERROR (2.x RpcFrameworkError, 1.6 GenericError): message ids must be unique per sender.
    /// The default value is <see langword="true"/>.
    /// </summary>
    public bool RejectDuplicateMessageIds { get; init; } = true;

    /// <summary>How many recent inbound CALL ids are remembered for duplicate detection. The default value is 1024.</summary>
    public int DuplicateIdWindow { get; init; } = 1024;
}
