namespace DerSim.Ocpp.Rpc;

/// <summary>Classifies what can go wrong with a CALL once it was sent.</summary>
public static class OcppCallFailure
{
    /// <summary>
    /// The peer answered with a CALLERROR, an unreadable or invalid payload, or not in time: it failed to process the
    /// message (the frame log shows whether our request was at fault). Not a closed connection.
    /// </summary>
    public static bool IsBadAnswer(Exception ex) =>
        ex is OcppCallErrorException or OcppCallTimeoutException or OcppSchemaViolationException;
}
