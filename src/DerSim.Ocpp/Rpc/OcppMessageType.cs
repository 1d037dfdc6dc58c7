namespace DerSim.Ocpp.Rpc;

/// <summary>The MessageTypeId, the first element of every OCPP-J frame.</summary>
public enum OcppMessageType
{
    /// <summary>A request: <c>[2, id, action, payload]</c>.</summary>
    Call = 2,

    /// <summary>A successful response: <c>[3, id, payload]</c>.</summary>
    CallResult = 3,

    /// <summary>An error response: <c>[4, id, code, description, details]</c>.</summary>
    CallError = 4,

    /// <summary>OCPP 2.1: the report that a received CALLRESULT was invalid: <c>[5, id, code, description, details]</c>.</summary>
    CallResultError = 5,

    /// <summary>OCPP 2.1: an unconfirmed message that is never answered: <c>[6, id, action, payload]</c>.</summary>
    Send = 6,
}
