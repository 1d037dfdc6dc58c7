using DerSim.Harness.Traffic;
using DerSim.Ocpp.Rpc;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>A CSMS-initiated CALL as the station received it, and the station's answer, both from the recorded traffic.</summary>
/// <param name="Call">The CALL the CSMS sent.</param>
/// <param name="Answer">The station's CALLRESULT or CALLERROR.</param>
public sealed record CsmsExchange(RecordedFrame Call, RecordedFrame Answer)
{
    /// <summary>The driver action that produced it, when known.</summary>
    public CsmsActionKind? Kind { get; init; }

    /// <summary>The command the driver was asked to perform, when known: what the CSMS was asked to send.</summary>
    public CsmsCommand? Command { get; init; }

    /// <summary>The answer's <c>status</c> field (Accepted, Rejected, …), or the error code of a CALLERROR, or null.</summary>
    public string? Status => Answer.MessageType == OcppMessageType.CallResult
        ? Answer.Payload is { } p && FrameFields.At(p, "status") is { } s ? FrameFields.Text(s) : null
        : Answer.ErrorCode;
}
