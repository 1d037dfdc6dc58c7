using DerSim.Ocpp.Rpc;
using DerSim.Ocpp.V21;
using DerSim.Sim.StationModel;

namespace DerSim.Sim.Adapters;

/// <summary>
/// The station's V2G certificate in OCPP 2.0.1 and 2.1 at the CSMS's request (A02 for the V2G certificate):
/// TriggerMessage SignV2GCertificate makes the station send SignCertificate with certificateType V2GCertificate, and a
/// CertificateSigned of that type installs the chain as the station's V2G certificate.
/// </summary>
internal static class Ocpp2Iso15118Handlers
{
    /// <summary>
    /// TriggerMessage SignV2GCertificate (A02, F06): after the answer the station makes a new key pair and sends
    /// SignCertificate with its CSR, certificateType V2GCertificate.
    /// </summary>
    public static TriggerMessageStatusEnumType TriggerSignV2G(StationSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (session.Engine is not { } engine)
        {
            return TriggerMessageStatusEnumType.Rejected;
        }

        session.AfterAnswer("TriggerMessage", async ct =>
        {
            var status = await StationIso15118.SignV2GCertificateAsync(engine, ct).ConfigureAwait(false);
            engine.Log($"SignCertificate V2GCertificate: {status}");
        });
        return TriggerMessageStatusEnumType.Accepted;
    }

    /// <summary>
    /// CertificateSigned with certificateType V2GCertificate: the station checks the chain against the key of its V2G
    /// signing request and installs it (as A02 asks for its own certificate: a chain it cannot verify is Rejected and
    /// reported with SecurityEventNotification InvalidChargingStationCertificate).
    /// </summary>
    public static CertificateSignedResponse V2GCertificateSigned(OcppRpcPeer peer, StationSession session, CertificateSignedRequest request)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(request);
        var check = session.Station.V2GCertificate.Install(request.CertificateChain, session.Time.GetUtcNow());
        session.Engine?.Log($"CertificateSigned V2GCertificate: {(check.IsValid ? "accepted" : "rejected")}, {check.Reason}");
        if (check.IsValid)
        {
            return new CertificateSignedResponse(CertificateSignedStatusEnumType.Accepted);
        }

        session.AfterAnswer("CertificateSigned", ct => peer.CallAsync<SecurityEventNotificationRequest, SecurityEventNotificationResponse>(
            new SecurityEventNotificationRequest(Ocpp2SecurityHandlers.InvalidChargingStationCertificate, session.Time.GetUtcNow()) { TechInfo = Clip(check.Reason) }, ct));
        return new CertificateSignedResponse(CertificateSignedStatusEnumType.Rejected)
        {
            StatusInfo = new StatusInfoType("InvalidCertificate") { AdditionalInfo = Clip(check.Reason) },
        };
    }

    // techInfo holds at most 255 characters.
    private static string Clip(string text) => text.Length <= 255 ? text : text[..255];
}
