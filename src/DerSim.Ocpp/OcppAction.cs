namespace DerSim.Ocpp;

/// <summary>One action of an OCPP version: its name, its request and response types, and who may send the request.</summary>
/// <param name="Name">The action as it appears in a CALL frame, e.g. "BootNotification".</param>
/// <param name="RequestType">The record serialised as the CALL payload.</param>
/// <param name="ResponseType">The record serialised as the CALLRESULT payload.</param>
/// <param name="Direction">Who may send the request.</param>
public sealed record OcppAction(string Name, Type RequestType, Type ResponseType, MessageDirection Direction)
{
    /// <summary>
    /// The type the request's schema is built from: <see cref="RequestType"/> itself, except in a version whose messages
    /// another version's types carry (2.0.1 in the 2.1 types), where it is the version's own generated shape, so
    /// validation stays exact per version.
    /// </summary>
    public Type RequestSchemaType { get; init; } = RequestType;

    /// <summary>The type the response's schema is built from (see <see cref="RequestSchemaType"/>).</summary>
    public Type ResponseSchemaType { get; init; } = ResponseType;

    /// <summary>True when a peer playing <paramref name="role"/> may send this action's request.</summary>
    public bool CanBeSentBy(OcppRole role) => Direction switch
    {
        MessageDirection.Both => true,
        MessageDirection.StationToCsms => role == OcppRole.ChargingStation,
        MessageDirection.CsmsToStation => role == OcppRole.Csms,
        _ => false,
    };
}
