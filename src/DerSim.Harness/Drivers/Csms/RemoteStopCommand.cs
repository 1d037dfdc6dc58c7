using System.Globalization;
using DerSim.Ocpp;
using V16 = DerSim.Ocpp.V16;
using Ocpp2 = DerSim.Ocpp.V21;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>RemoteStopTransaction (1.6) / RequestStopTransaction (2.x) of a transaction.</summary>
/// <param name="StationId">The station it is for.</param>
/// <param name="Version">The station's OCPP version.</param>
/// <param name="TransactionId">The transaction, as the station reported it (1.6: a number).</param>
/// <param name="EvseId">The EVSE the transaction runs on, when known (not in the payload).</param>
public sealed record RemoteStopCommand(string StationId, OcppVersion Version, string TransactionId, int? EvseId = null) : CsmsCommand(StationId, Version)
{
    /// <inheritdoc />
    public override CsmsActionKind Kind => CsmsActionKind.RemoteStop;

    /// <inheritdoc />
    protected override string? ActionIn(OcppVersion version) => version == OcppVersion.V16 ? "RemoteStopTransaction" : "RequestStopTransaction";

    /// <inheritdoc />
    protected override object Request() => Version == OcppVersion.V16
        ? new V16.RemoteStopTransactionRequest(int.Parse(TransactionId, CultureInfo.InvariantCulture))
        : new Ocpp2.RequestStopTransactionRequest(TransactionId);
}
