using DerSim.Ocpp.Rpc;
using DerSim.Ocpp.V21;
using DerSim.Sim.StationModel;

namespace DerSim.Sim.Adapters;

/// <summary>
/// Security and network connection in OCPP 2.0.1 and 2.1: a new Basic-auth password (A01), the station's own
/// certificate signed by the CSMS (A02: TriggerMessage SignChargingStationCertificate, SignCertificate,
/// CertificateSigned) and network connection profiles (B09 SetNetworkProfile).
/// </summary>
internal static class Ocpp2SecurityHandlers
{
    /// <summary>The SecurityEventNotification type of a certificate the station refused (2.0.1 Appendix, security events).</summary>
    public const string InvalidChargingStationCertificate = "InvalidChargingStationCertificate";

    public static void Register(OcppRpcPeer peer, StationSession session)
    {
        var station = session.Station;

        // A01: a password the station accepted is used from the next connection on; the station closes this one once
        // its SetVariables answer is out and connects again with it (as OCTT's A01 scenarios expect).
        void OnChanged(string key)
        {
            if (key == StationConfiguration.BasicAuthPasswordKey)
            {
                session.AfterAnswer("SetVariables", _ =>
                {
                    station.RequestReconnect("the CSMS set a new Basic-auth password");
                    return Task.CompletedTask;
                });
            }
        }

        station.Configuration.Changed += OnChanged;
        session.SessionToken.Register(() => station.Configuration.Changed -= OnChanged);

        peer.On<SetNetworkProfileRequest, SetNetworkProfileResponse>((request, _) =>
        {
            var data = request.ConnectionData;
            var profile = new NetworkProfile(
                data.OcppCsmsUrl,
                data.SecurityProfile,
                data.OcppInterface.ToString(),
                data.OcppTransport.ToString(),
                data.MessageTimeout,
                data.OcppVersion?.ToString())
            {
                Identity = data.Identity,
                BasicAuthPassword = data.BasicAuthPassword,
                // The same store as the 2.1 NetworkConfiguration component: its ApnEnabled and VpnEnabled read whether these came.
                Apn = data.Apn is { } apn
                    ? new NetworkApn
                    {
                        Name = apn.Apn,
                        Authentication = apn.ApnAuthentication.ToString(),
                        UserName = apn.ApnUserName,
                        Password = apn.ApnPassword,
                        SimPin = apn.SimPin,
                        PreferredNetwork = apn.PreferredNetwork,
                        UseOnlyPreferredNetwork = apn.UseOnlyPreferredNetwork ?? false,
                    }
                    : null,
                ApnEnabled = data.Apn is not null,
                Vpn = data.Vpn is { } vpn
                    ? new NetworkVpn { Server = vpn.Server, User = vpn.User, Group = vpn.Group, Password = vpn.Password, Key = vpn.Key, Type = vpn.Type.ToString() }
                    : null,
                VpnEnabled = data.Vpn is not null,
            };
            var (outcome, reason) = station.NetworkProfiles.Store(request.ConfigurationSlot, profile);
            session.Engine?.Log($"SetNetworkProfile slot {request.ConfigurationSlot}: {outcome} ({reason})");
            return ValueTask.FromResult(new SetNetworkProfileResponse(outcome switch
            {
                NetworkProfileOutcome.Accepted => SetNetworkProfileStatusEnumType.Accepted,
                NetworkProfileOutcome.Failed => SetNetworkProfileStatusEnumType.Failed,
                _ => SetNetworkProfileStatusEnumType.Rejected,
            })
            {
                StatusInfo = outcome == NetworkProfileOutcome.Accepted ? null : new StatusInfoType(outcome == NetworkProfileOutcome.Failed ? "StorageFailed" : "InvalidProfile") { AdditionalInfo = Clip(reason) },
            });
        });

        // A02: the station checks the chain it is sent; a valid one is used from the next connection on, an invalid
        // one is Rejected and reported with SecurityEventNotification InvalidChargingStationCertificate.
        peer.On<CertificateSignedRequest, CertificateSignedResponse>((request, _) =>
        {
            if (request.CertificateType == CertificateSigningUseEnumType.V2GCertificate)
            {
                return ValueTask.FromResult(Ocpp2Iso15118Handlers.V2GCertificateSigned(peer, session, request));
            }

            if (request.CertificateType is { } type && type != CertificateSigningUseEnumType.ChargingStationCertificate)
            {
                return ValueTask.FromResult(new CertificateSignedResponse(CertificateSignedStatusEnumType.Rejected)
                {
                    StatusInfo = new StatusInfoType("UnknownCertType") { AdditionalInfo = $"the station has no {type} of its own" },
                });
            }

            var check = station.Certificate.Install(request.CertificateChain, session.Time.GetUtcNow());
            session.Engine?.Log($"CertificateSigned: {(check.IsValid ? "accepted" : "rejected")}, {check.Reason}");
            if (check.IsValid)
            {
                return ValueTask.FromResult(new CertificateSignedResponse(CertificateSignedStatusEnumType.Accepted));
            }

            session.AfterAnswer("CertificateSigned", ct => peer.CallAsync<SecurityEventNotificationRequest, SecurityEventNotificationResponse>(
                new SecurityEventNotificationRequest(InvalidChargingStationCertificate, session.Time.GetUtcNow()) { TechInfo = Clip(check.Reason) }, ct));
            return ValueTask.FromResult(new CertificateSignedResponse(CertificateSignedStatusEnumType.Rejected)
            {
                StatusInfo = new StatusInfoType("InvalidCertificate") { AdditionalInfo = Clip(check.Reason) },
            });
        });
    }

    /// <summary>
    /// TriggerMessage SignChargingStationCertificate (A02, F06): after the answer the station makes a new key pair and
    /// sends SignCertificate with its CSR, certificateType ChargingStationCertificate.
    /// </summary>
    public static TriggerMessageStatusEnumType TriggerSign(StationSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var station = session.Station;
        session.AfterAnswer("TriggerMessage", async ct =>
        {
            var csr = station.Certificate.NewSigningRequest(station.StationId, station.Profile.Identity.Vendor);
            var answer = await session.Peer.CallAsync<SignCertificateRequest, SignCertificateResponse>(
                new SignCertificateRequest(csr) { CertificateType = CertificateSigningUseEnumType.ChargingStationCertificate }, ct).ConfigureAwait(false);
            session.Engine?.Log($"SignCertificate: {answer.Status}");
        });
        return TriggerMessageStatusEnumType.Accepted;
    }

    // statusInfo.additionalInfo and techInfo hold at most 512 and 255 characters.
    private static string Clip(string text) => text.Length <= 255 ? text : text[..255];
}
