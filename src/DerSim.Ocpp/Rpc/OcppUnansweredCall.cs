namespace DerSim.Ocpp.Rpc;

/// <summary>A CALL of ours that ended without an answer (<see cref="OcppRpcPeer.CallUnanswered"/>).</summary>
/// <param name="Action">The CALL's action.</param>
/// <param name="MessageId">Its message id.</param>
/// <param name="TimedOut">True when the call timeout ran out; false when the connection closed while it waited.</param>
public readonly record struct OcppUnansweredCall(string Action, string MessageId, bool TimedOut);
