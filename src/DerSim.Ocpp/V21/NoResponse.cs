namespace DerSim.Ocpp.V21;

/// <summary>
/// The response type of a SEND-only action (2.1 NotifyPeriodicEventStream, message type 6): the peer never
/// answers, and no response schema exists. Never serialised.
/// </summary>
public sealed record NoResponse;
