using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DerSim.Ocpp;
using DerSim.Ocpp.Rpc;
using DerSim.Ocpp.V16;
using DerSim.Sim.Engine;
using DerSim.Sim.StationModel;

namespace DerSim.Sim.Adapters;

/// <summary>
/// The OCPP 1.6 security extension ("Improved security for OCPP 1.6-J"): a new Basic-auth password (AuthorizationKey),
/// the station's certificate signed by the CSMS (ExtendedTriggerMessage SignChargePointCertificate, SignCertificate,
/// CertificateSigned), its CA store (InstallCertificate, GetInstalledCertificateIds, DeleteCertificate), the security log
/// (GetLog, LogStatusNotification) and the signed firmware update (SignedUpdateFirmware, SignedFirmwareStatusNotification).
/// A thin adapter: the work is the version-neutral machinery the 2.x handlers use too (the station's certificate, its CA
/// store, <see cref="StationLogUpload"/>, the engine's <see cref="FirmwareUpdater"/>).
/// </summary>
internal static class V16SecurityHandlers
{
    /// <summary>The security event of a ChargePointCertificate the station refused (whitepaper, security events).</summary>
    public const string InvalidChargePointCertificate = "InvalidChargePointCertificate";

    /// <summary>The security event of a CentralSystemRootCertificate the station refused (whitepaper, security events).</summary>
    public const string InvalidCentralSystemCertificate = "InvalidCentralSystemCertificate";

    // The 2.x name the CA store keeps a 1.6 CentralSystemRootCertificate under (the same role).
    private const string CsmsRoot = "CSMSRootCertificate";

    // Whether the engine's firmware update under way came with SignedUpdateFirmware (its reports are then the signed ones).
    private static readonly ConditionalWeakTable<StationEngine, StrongBox<bool>> SignedUpdate = [];

    public static void Register(OcppRpcPeer peer, StationSession session)
    {
        var station = session.Station;
        StationLogUpload.Keep(peer, session);
        RegisterPassword(session);
        RegisterCertificates(peer, session);
        RegisterLogs(peer, session);
        if (session.Engine is { } engine)
        {
            RegisterFirmware(peer, session, engine);
        }

        // The SecurityProfile key says the profile the station connects with; the CSMS may raise it (whitepaper 2.4).
        if (station.Configuration.Get(StationConfiguration.SecurityProfileKey) is { } profile
            && int.TryParse(profile.Value, System.Globalization.CultureInfo.InvariantCulture, out var stored)
            && stored < station.NetworkProfiles.CurrentSecurityProfile)
        {
            station.Configuration.Preset(profile, station.NetworkProfiles.CurrentSecurityProfile.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        RegisterSecurityProfile(session);
        peer.On<ExtendedTriggerMessageRequest, ExtendedTriggerMessageResponse>((request, _) =>
            ValueTask.FromResult(new ExtendedTriggerMessageResponse(Trigger(session, request))));
    }

    // Whitepaper 1.3 (A01 in 2.x): a password the station accepted is used from the next connection on; the station
    // closes this connection once its ChangeConfiguration answer is out and connects again with it.
    private static void RegisterPassword(StationSession session)
    {
        var station = session.Station;
        void OnChanged(string key)
        {
            if (key == StationConfiguration.BasicAuthPasswordKey)
            {
                session.AfterAnswer("ChangeConfiguration", _ =>
                {
                    station.RequestReconnect("the CSMS set a new AuthorizationKey");
                    return Task.CompletedTask;
                });
            }
        }

        station.Configuration.Changed += OnChanged;
        session.SessionToken.Register(() => station.Configuration.Changed -= OnChanged);
    }

    // Whitepaper 1.2 (TC_083): the CSMS raises SecurityProfile; the station accepts a profile it holds a connection for
    // (the one it runs with, or a network profile its installer set up for it) and connects with it after its next
    // reboot (the reset the CSMS sends next): the slot of that profile goes first in the connection priority.
    private static void RegisterSecurityProfile(StationSession session)
    {
        var station = session.Station;
        station.Configuration.SecurityProfileReachable = profile =>
            profile == station.NetworkProfiles.CurrentSecurityProfile || SlotFor(station, profile) is not null;
        void OnChanged(string key)
        {
            if (key == StationConfiguration.SecurityProfileKey
                && int.TryParse(station.Configuration.Get(key)?.Value, System.Globalization.CultureInfo.InvariantCulture, out var profile)
                && SlotFor(station, profile) is { } slot
                && station.Configuration.Get(StationConfiguration.NetworkConfigurationPriorityKey) is { } priority)
            {
                station.Configuration.Preset(priority, slot.ToString(System.Globalization.CultureInfo.InvariantCulture));
                session.Engine?.Log($"SecurityProfile {profile}: connecting with slot {slot} after the next reboot");
            }
        }

        station.Configuration.Changed += OnChanged;
        session.SessionToken.Register(() => station.Configuration.Changed -= OnChanged);
    }

    private static int? SlotFor(ChargingStation station, int profile) =>
        Enumerable.Range(1, StationNetworkProfiles.SlotCount).Cast<int?>().FirstOrDefault(s => station.NetworkProfiles.In(s!.Value) is { } p && p.SecurityProfile == profile);

    private static TriggerMessageStatusEnumType Trigger(StationSession session, ExtendedTriggerMessageRequest request)
    {
        var station = session.Station;
        var peer = session.Peer;
        switch (request.RequestedMessage)
        {
            case MessageTriggerEnumType.SignChargePointCertificate:
                // Whitepaper 2.2 (A02): a new key pair and its CSR, sent in SignCertificate after the answer.
                session.AfterAnswer("ExtendedTriggerMessage", async ct =>
                {
                    var csr = station.Certificate.NewSigningRequest(station.StationId, station.Configuration.Get("CpoName")?.Value is { Length: > 0 } cpo ? cpo : station.Profile.Identity.Vendor);
                    var answer = await peer.CallAsync<SignCertificateRequest, SignCertificateResponse>(new SignCertificateRequest(csr), ct).ConfigureAwait(false);
                    session.Engine?.Log($"SignCertificate: {answer.Status}");
                });
                return TriggerMessageStatusEnumType.Accepted;
            case MessageTriggerEnumType.LogStatusNotification:
                // Idle: no upload under way (one under way reports its own states).
                session.AfterAnswer("ExtendedTriggerMessage", ct => Tolerating(peer.CallAsync<LogStatusNotificationRequest, LogStatusNotificationResponse>(
                    new LogStatusNotificationRequest(station.Logs.Uploading ? UploadLogStatusEnumType.Uploading : UploadLogStatusEnumType.Idle), ct)));
                return TriggerMessageStatusEnumType.Accepted;
            case MessageTriggerEnumType.FirmwareStatusNotification:
                session.AfterAnswer("ExtendedTriggerMessage", ct => Tolerating(peer.CallAsync<SignedFirmwareStatusNotificationRequest, SignedFirmwareStatusNotificationResponse>(
                    new SignedFirmwareStatusNotificationRequest(session.Engine?.Firmware is { Current.IsCompleted: false, LastStatus: { } status } ? Wire(status) : FirmwareStatusEnumType.Idle), ct)));
                return TriggerMessageStatusEnumType.Accepted;
        }

        // The messages TriggerMessage has too: connectorId absent or 0 is the charge point, an unknown one Rejected.
        var targets = request.ConnectorId is > 0 and var id ? station.ByStationConnectorId(id) is { } one ? [one] : null : station.Connectors;
        var message = request.RequestedMessage switch
        {
            MessageTriggerEnumType.BootNotification => TriggeredMessage.BootNotification,
            MessageTriggerEnumType.Heartbeat => TriggeredMessage.Heartbeat,
            MessageTriggerEnumType.StatusNotification => TriggeredMessage.StatusNotification,
            _ => TriggeredMessage.TransactionSamples,
        };
        var adapter = (V16Adapter)session.Adapter;
        var outcome = StationDecisions.Trigger(session, message, targets, request.ConnectorId is > 0 ? targets?[0].EvseId : null,
            (connector, ct) => adapter.SendStatusAsync(peer, station, connector, session.Engine?.ChargingStateOn(connector.EvseId), ct), "ExtendedTriggerMessage");
        return outcome switch
        {
            TriggerOutcome.Accepted => TriggerMessageStatusEnumType.Accepted,
            TriggerOutcome.Rejected => TriggerMessageStatusEnumType.Rejected,
            _ => TriggerMessageStatusEnumType.NotImplemented,
        };
    }

    private static void RegisterCertificates(OcppRpcPeer peer, StationSession session)
    {
        var station = session.Station;
        var store = station.CaCertificates;

        // Whitepaper 2.2: the station verifies the chain it is sent; a valid one is used from the next connection on,
        // an invalid one is Rejected and reported as InvalidChargePointCertificate.
        peer.On<CertificateSignedRequest, CertificateSignedResponse>((request, _) =>
        {
            var check = station.Certificate.Install(request.CertificateChain, session.Time.GetUtcNow());
            session.Engine?.Log($"CertificateSigned: {(check.IsValid ? "accepted" : "rejected")}, {check.Reason}");
            if (check.IsValid)
            {
                return ValueTask.FromResult(new CertificateSignedResponse(CertificateSignedStatusEnumType.Accepted));
            }

            session.AfterAnswer("CertificateSigned", ct => SecurityEventAsync(session, InvalidChargePointCertificate, check.Reason, ct));
            return ValueTask.FromResult(new CertificateSignedResponse(CertificateSignedStatusEnumType.Rejected));
        });

        peer.On<InstallCertificateRequest, InstallCertificateResponse>((request, _) =>
        {
            var use = StoreUse(request.CertificateType);
            var now = session.Time.GetUtcNow();
            var (outcome, why) = Install(station, use, request.Certificate, now);
            session.Engine?.Log($"InstallCertificate {request.CertificateType}: {outcome} {why}".TrimEnd());
            if (outcome == InstallCertificateOutcome.Rejected && request.CertificateType == CertificateUseEnumType.CentralSystemRootCertificate)
            {
                // Whitepaper 3.2 (TC_078): a Central System root the station refuses is a security event.
                session.AfterAnswer("InstallCertificate", ct => SecurityEventAsync(session, InvalidCentralSystemCertificate, why ?? "the certificate is not a valid CA certificate", ct));
            }

            return ValueTask.FromResult(new InstallCertificateResponse(outcome switch
            {
                InstallCertificateOutcome.Accepted => InstallCertificateStatusEnumType.Accepted,
                InstallCertificateOutcome.Failed => InstallCertificateStatusEnumType.Failed,
                _ => InstallCertificateStatusEnumType.Rejected,
            }));
        });

        // 1.6 asks for one certificate type at a time; NotFound when none is installed.
        peer.On<GetInstalledCertificateIdsRequest, GetInstalledCertificateIdsResponse>((request, _) =>
        {
            var found = store.Find([StoreUse(request.CertificateType)]);
            return ValueTask.FromResult(found.Count == 0
                ? new GetInstalledCertificateIdsResponse(GetInstalledCertificateStatusEnumType.NotFound)
                : new GetInstalledCertificateIdsResponse(GetInstalledCertificateStatusEnumType.Accepted)
                {
                    CertificateHashData = [.. found.Select(f => new CertificateHashDataType(Enum.Parse<HashAlgorithmEnumType>(f.HashData.HashAlgorithm), f.HashData.IssuerNameHash, f.HashData.IssuerKeyHash, f.HashData.SerialNumber))],
                });
        });

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

    /// <summary>
    /// Installs a CA certificate as the 1.6 keys ask: the store holds at most CertificateStoreMaxLength certificates, and
    /// with AdditionalRootCertificateCheck true a new CentralSystemRootCertificate must be signed by the one installed,
    /// which it then replaces (whitepaper 3.2). The checks of the certificate itself are the store's.
    /// </summary>
    internal static (InstallCertificateOutcome Outcome, string? Why) Install(ChargingStation station, string use, string pem, DateTimeOffset now)
    {
        var store = station.CaCertificates;
        var previous = store.Entries.Where(e => e.Use == use).ToList();
        if (store.Entries.Count >= station.Configuration.GetInt("CertificateStoreMaxLength", int.MaxValue) && previous.Count == 0)
        {
            return (InstallCertificateOutcome.Rejected, "the certificate store is full (CertificateStoreMaxLength)");
        }

        var checkAdditional = use == CsmsRoot && previous.Count > 0 && station.Configuration.Get(StationConfiguration.AdditionalRootCertificateCheckKey)?.Value == "true";
        if (checkAdditional && !previous.Any(p => SignedBy(pem, p.Certificate, now)))
        {
            return (InstallCertificateOutcome.Rejected, "AdditionalRootCertificateCheck: the new Central System root is not signed by the one installed");
        }

        var outcome = store.Install(use, pem, now);
        if (outcome == InstallCertificateOutcome.Accepted && checkAdditional)
        {
            foreach (var old in previous)
            {
                store.Delete(old.HashData(store.ReportHash));
            }
        }

        return (outcome, outcome == InstallCertificateOutcome.Rejected ? "not a valid CA certificate at the station's time" : null);
    }

    private static bool SignedBy(string pem, X509Certificate2 issuer, DateTimeOffset now)
    {
        try
        {
            using var candidate = X509Certificate2.CreateFromPem(pem);
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            chain.ChainPolicy.DisableCertificateDownloads = true;
            chain.ChainPolicy.VerificationTime = now.UtcDateTime;
            chain.ChainPolicy.CustomTrustStore.Add(issuer);
            return !candidate.RawDataMemory.Span.SequenceEqual(issuer.RawDataMemory.Span) && chain.Build(candidate);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static void RegisterLogs(OcppRpcPeer peer, StationSession session)
    {
        // Whitepaper 5 (N01 in 2.x): the upload is the version-neutral StationLogUpload.
        peer.On<GetLogRequest, GetLogResponse>((request, _) =>
        {
            var kind = request.LogType == LogEnumType.SecurityLog ? StationLogKind.Security : StationLogKind.Diagnostics;
            var started = StationLogUpload.Start(session, "GetLog", kind, request.RequestId, request.Log.RemoteLocation,
                (request.Log.OldestTimestamp, request.Log.LatestTimestamp), (request.Retries, request.RetryInterval),
                // 1.6 has no status for an upload a newer request cancelled: nothing is reported for it.
                (status, id, ct) => status == LogUploadStatus.AcceptedCanceled ? Task.CompletedTask : Tolerating(peer.CallAsync<LogStatusNotificationRequest, LogStatusNotificationResponse>(new LogStatusNotificationRequest(status switch
                {
                    LogUploadStatus.Uploading => UploadLogStatusEnumType.Uploading,
                    LogUploadStatus.Uploaded => UploadLogStatusEnumType.Uploaded,
                    _ => UploadLogStatusEnumType.UploadFailure,
                }) { RequestId = id }, ct)));
            return ValueTask.FromResult(started.Refusal is not null
                ? new GetLogResponse(LogStatusEnumType.Rejected)
                : new GetLogResponse(started.CancelledAnother ? LogStatusEnumType.AcceptedCanceled : LogStatusEnumType.Accepted) { Filename = started.FileName });
        });
    }

    private static void RegisterFirmware(OcppRpcPeer peer, StationSession session, StationEngine engine)
    {
        var signed = SignedUpdate.GetOrCreateValue(engine);
        var messages = new SignedMessages(engine, session.Adapter, session.Time);

        // An update that came with SignedUpdateFirmware goes on reporting in its terms after the reboot.
        if (signed.Value)
        {
            engine.Firmware.Bind(messages);
        }

        peer.On<SignedUpdateFirmwareRequest, SignedUpdateFirmwareResponse>((request, _) =>
        {
            var firmware = request.Firmware;
            signed.Value = true;
            engine.Firmware.Bind(messages);
            var decision = engine.Firmware.Request(new FirmwareOrder(
                request.RequestId,
                firmware.Location,
                firmware.RetrieveDateTime,
                firmware.InstallDateTime,
                firmware.SigningCertificate,
                firmware.Signature,
                request.Retries,
                request.RetryInterval));
            session.AfterAnswer("SignedUpdateFirmware", decision.AfterAnswer);
            return ValueTask.FromResult(new SignedUpdateFirmwareResponse(NameMatch.Of<FirmwareOrderAnswer, UpdateFirmwareStatusEnumType>(decision.Answer)));
        });
    }

    private static Task SecurityEventAsync(StationSession session, string type, string techInfo, CancellationToken ct) =>
        Tolerating(session.Peer.CallAsync<SecurityEventNotificationRequest, SecurityEventNotificationResponse>(
            new SecurityEventNotificationRequest(type, session.Time.GetUtcNow()) { TechInfo = Clip(techInfo) }, ct));

    private static string StoreUse(CertificateUseEnumType type) =>
        type == CertificateUseEnumType.CentralSystemRootCertificate ? CsmsRoot : type.ToString();

    private static FirmwareStatusEnumType Wire(FirmwareStatus status) => status switch
    {
        FirmwareStatus.DownloadScheduled => FirmwareStatusEnumType.DownloadScheduled,
        FirmwareStatus.Downloading => FirmwareStatusEnumType.Downloading,
        FirmwareStatus.Downloaded => FirmwareStatusEnumType.Downloaded,
        FirmwareStatus.DownloadFailed => FirmwareStatusEnumType.DownloadFailed,
        FirmwareStatus.SignatureVerified => FirmwareStatusEnumType.SignatureVerified,
        FirmwareStatus.InvalidSignature => FirmwareStatusEnumType.InvalidSignature,
        FirmwareStatus.InstallScheduled => FirmwareStatusEnumType.InstallScheduled,
        FirmwareStatus.Installing => FirmwareStatusEnumType.Installing,
        FirmwareStatus.InstallRebooting => FirmwareStatusEnumType.InstallRebooting,
        FirmwareStatus.InstallVerificationFailed => FirmwareStatusEnumType.InstallVerificationFailed,
        FirmwareStatus.InstallationFailed => FirmwareStatusEnumType.InstallationFailed,
        _ => FirmwareStatusEnumType.Installed,
    };

    // techInfo holds at most 255 characters.
    private static string Clip(string text) => text.Length <= 255 ? text : text[..255];

    // A notification the CSMS answers with a CALLERROR (or not at all) was still sent as far as the station can tell.
    private static async Task Tolerating(Task call)
    {
        try
        {
            await call.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OcppCallErrorException or OcppCallTimeoutException)
        {
        }
    }

    /// <summary>The signed firmware update's reports in 1.6: SignedFirmwareStatusNotification, SecurityEventNotification, StatusNotification.</summary>
    private sealed class SignedMessages(StationEngine engine, IVersionAdapter adapter, TimeProvider time) : IFirmwareMessages
    {
        public bool IsOnline => engine.Outbox.IsOnline;

        public Task StatusAsync(FirmwareStatus status, int requestId, CancellationToken ct) =>
            engine.Outbox.ReportAsync("SignedFirmwareStatusNotification", peer => peer.CallAsync<SignedFirmwareStatusNotificationRequest, SignedFirmwareStatusNotificationResponse>(
                new SignedFirmwareStatusNotificationRequest(Wire(status)) { RequestId = requestId }, ct));

        public Task SecurityEventAsync(string type, string techInfo, CancellationToken ct) =>
            engine.Outbox.ReportAsync("SecurityEventNotification", peer => peer.CallAsync<SecurityEventNotificationRequest, SecurityEventNotificationResponse>(
                new SecurityEventNotificationRequest(type, time.GetUtcNow()) { TechInfo = Clip(techInfo) }, ct));

        public Task ConnectorStatusAsync(StationConnector connector, CancellationToken ct) =>
            engine.Outbox.ReportAsync("StatusNotification", peer => adapter.SendStatusAsync(peer, engine.Station, connector, ct));
    }
}
