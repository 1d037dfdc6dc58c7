using DerSim.Ocpp.Rpc;
using DerSim.Ocpp.V21;
using DerSim.Sim.StationModel;

namespace DerSim.Sim.Adapters;

/// <summary>
/// InstallCertificate, GetInstalledCertificateIds and DeleteCertificate in OCPP 2.0.1 and 2.1 (block M), answered from
/// the station's CA store (<see cref="ChargingStation.CaCertificates"/>). The enum members carry the OCPP names, so a
/// certificate use travels as its name.
/// </summary>
internal static class Ocpp2CertificateHandlers
{
    public static void Register(OcppRpcPeer peer, StationSession session)
    {
        var store = session.Station.CaCertificates;

        // M05.FR.01: the station attempts the installation and answers; M05.FR.02 Rejected, M05.FR.03 Failed.
        peer.On<InstallCertificateRequest, InstallCertificateResponse>((request, _) =>
            ValueTask.FromResult(new InstallCertificateResponse(store.Install(request.CertificateType.ToString(), request.Certificate, session.Time.GetUtcNow()) switch
            {
                InstallCertificateOutcome.Accepted => InstallCertificateStatusEnumType.Accepted,
                InstallCertificateOutcome.Failed => InstallCertificateStatusEnumType.Failed,
                _ => InstallCertificateStatusEnumType.Rejected,
            })));

        // M03.FR.01: every installed certificate of the asked types (all without a type); M03.FR.02: NotFound, no chain.
        peer.On<GetInstalledCertificateIdsRequest, GetInstalledCertificateIdsResponse>((request, _) =>
        {
            var found = store.Find(request.CertificateType?.Select(t => t.ToString()).ToList());
            // M03.FR.05: the station's V2G certificate with its sub-CAs as children.
            var v2g = request.CertificateType is null or { Count: 0 } || request.CertificateType.Contains(GetCertificateIdUseEnumType.V2GCertificateChain)
                ? StationIso15118.V2GChain(session.Station.V2GCertificate, store.ReportHash)
                : null;
            return ValueTask.FromResult(found.Count == 0 && v2g is null
                ? new GetInstalledCertificateIdsResponse(GetInstalledCertificateStatusEnumType.NotFound)
                : new GetInstalledCertificateIdsResponse(GetInstalledCertificateStatusEnumType.Accepted)
                {
                    CertificateHashDataChain = [.. found.Select(f => new CertificateHashDataChainType(ToOcpp(f.HashData), Enum.Parse<GetCertificateIdUseEnumType>(f.Use))), .. v2g is null ? [] : new[] { v2g }],
                });
        });

        // M04.FR.01: the station answers; Accepted when deleted, NotFound when no certificate matches, Failed otherwise.
        peer.On<DeleteCertificateRequest, DeleteCertificateResponse>((request, _) =>
        {
            var data = request.CertificateHashData;
            var outcome = store.Delete(new CertificateHashData(data.HashAlgorithm.ToString(), data.IssuerNameHash, data.IssuerKeyHash, data.SerialNumber));
            return ValueTask.FromResult(new DeleteCertificateResponse(outcome switch
            {
                DeleteCertificateOutcome.Accepted => DeleteCertificateStatusEnumType.Accepted,
                DeleteCertificateOutcome.NotFound => DeleteCertificateStatusEnumType.NotFound,
                _ => DeleteCertificateStatusEnumType.Failed,
            }));
        });
    }

    private static CertificateHashDataType ToOcpp(CertificateHashData data) =>
        new(Enum.Parse<HashAlgorithmEnumType>(data.HashAlgorithm), data.IssuerNameHash, data.IssuerKeyHash, data.SerialNumber);
}
