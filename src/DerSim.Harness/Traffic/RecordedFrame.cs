using System.Text.Json;
using DerSim.Ocpp.Rpc;

namespace DerSim.Harness.Traffic;

/// <summary>
/// One OCPP frame as a station of a scenario saw it. <see cref="Direction"/> is the station's point of view: Outbound
/// is station → CSMS.
/// </summary>
/// <param name="Sequence">Position in the scenario's recording, from 1, across all stations.</param>
/// <param name="StationId">The station that sent or received it.</param>
/// <param name="Direction">Outbound: the station sent it; Inbound: the CSMS sent it.</param>
/// <param name="MessageType">CALL, CALLRESULT, …; null for a frame that did not parse.</param>
/// <param name="MessageId">The message id, or null.</param>
/// <param name="Action">The action (for answers: the action of the CALL they answer), or null.</param>
/// <param name="Payload">The payload (CALL/CALLRESULT/SEND), or the error details, or null.</param>
/// <param name="Raw">The frame's text as on the wire.</param>
/// <param name="WallTime">When it was seen, wall clock.</param>
/// <param name="VirtualTime">When it was seen, simulated clock.</param>
/// <param name="Latency">For an answer: time since its CALL was sent.</param>
/// <param name="Violations">Schema violations found in it (empty when valid).</param>
/// <param name="ErrorCode">The error code of a CALLERROR/CALLRESULTERROR.</param>
public sealed record RecordedFrame(
    long Sequence,
    string StationId,
    FrameDirection Direction,
    OcppMessageType? MessageType,
    string? MessageId,
    string? Action,
    JsonElement? Payload,
    string Raw,
    DateTimeOffset WallTime,
    DateTimeOffset VirtualTime,
    TimeSpan? Latency,
    IReadOnlyList<string> Violations,
    string? ErrorCode)
{
    /// <summary>The EVSE the frame is about (evseId, evse.id or connectorId in its payload), or null.</summary>
    public int? EvseId => Payload is { ValueKind: JsonValueKind.Object } p ? FrameFields.EvseOf(p) : null;

    /// <summary>The transaction the frame is about (1.6 transactionId, 2.x transactionInfo.transactionId) as text, or null.</summary>
    public string? TransactionId => Payload is { ValueKind: JsonValueKind.Object } p
        ? (FrameFields.At(p, "transactionInfo.transactionId") ?? FrameFields.At(p, "transactionId")) is { } id ? FrameFields.Text(id) : null
        : null;

    /// <summary>One line for assertion messages: "#12 DERSIM-1 → CALL TransactionEvent [2,…]".</summary>
    public override string ToString() =>
        $"#{Sequence} {VirtualTime:HH:mm:ss} {StationId} {(Direction == FrameDirection.Outbound ? "→" : "←")} {Raw}";
}
