using DerSim.Sim.Engine;
using DerSim.Sim.StationModel;
using DerSim.Ocpp;
using DerSim.Ocpp.Rpc;
using DerSim.Ocpp.V21;

namespace DerSim.Sim.Adapters;

/// <summary>
/// The 2.x secure firmware update (L01): UpdateFirmware decided by the engine's <see cref="FirmwareUpdater"/>, and its
/// FirmwareStatusNotification / SecurityEventNotification / StatusNotification reports on the connection in use.
/// </summary>
internal static class Ocpp2FirmwareHandlers
{
    public static void Register(OcppRpcPeer peer, StationSession session, StationEngine engine)
    {
        engine.Firmware.Bind(new Messages(engine, session.Adapter, session.Time));
        peer.On<UpdateFirmwareRequest, UpdateFirmwareResponse>((request, _) =>
        {
            var firmware = request.Firmware;
            var decision = engine.Firmware.Request(new FirmwareOrder(
                request.RequestId,
                firmware.Location,
                firmware.RetrieveDateTime,
                firmware.InstallDateTime,
                firmware.SigningCertificate,
                firmware.Signature,
                request.Retries,
                request.RetryInterval));

            // One follow-up per answer, so the queue of UpdateFirmware follow-ups stays in step with the answers.
            session.AfterAnswer("UpdateFirmware", decision.AfterAnswer);
            return ValueTask.FromResult(new UpdateFirmwareResponse(NameMatch.Of<FirmwareOrderAnswer, UpdateFirmwareStatusEnumType>(decision.Answer)));
        });
    }

    private sealed class Messages(StationEngine engine, IVersionAdapter adapter, TimeProvider time) : IFirmwareMessages
    {
        public bool IsOnline => engine.Outbox.IsOnline;

        public Task StatusAsync(FirmwareStatus status, int requestId, CancellationToken ct) =>
            engine.Outbox.ReportAsync("FirmwareStatusNotification", peer => peer.CallAsync<FirmwareStatusNotificationRequest, FirmwareStatusNotificationResponse>(
                new FirmwareStatusNotificationRequest(Wire(status)) { RequestId = requestId }, ct));

        public Task SecurityEventAsync(string type, string techInfo, CancellationToken ct) =>
            engine.Outbox.ReportAsync("SecurityEventNotification", peer => peer.CallAsync<SecurityEventNotificationRequest, SecurityEventNotificationResponse>(
                new SecurityEventNotificationRequest(type, time.GetUtcNow()) { TechInfo = techInfo.Length > 255 ? techInfo[..255] : techInfo }, ct));

        public Task ConnectorStatusAsync(StationConnector connector, CancellationToken ct) =>
            engine.Outbox.ReportAsync("StatusNotification", peer => adapter.SendStatusAsync(peer, engine.Station, connector, ct));

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
    }
}
