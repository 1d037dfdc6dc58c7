using DerSim.Ocpp.Rpc;
using DerSim.Ocpp.V16;
using DerSim.Sim.Engine;
using DerSim.Sim.StationModel;
using EngineFirmwareStatus = DerSim.Sim.Engine.FirmwareStatus;

namespace DerSim.Sim.Adapters;

/// <summary>
/// The 1.6 FirmwareManagement profile: UpdateFirmware run by the engine's <see cref="FirmwareUpdater"/> as an unsigned
/// update (real download from the location, retries, install, reboot) with its FirmwareStatusNotification reports, and
/// GetDiagnostics with a real HTTP upload of the diagnostics file (<see cref="StationLogUpload"/>) and its
/// DiagnosticsStatusNotification reports. Thin: the version-neutral parts are the engine's.
/// </summary>
internal static class V16FirmwareHandlers
{
    public static void Register(OcppRpcPeer peer, StationSession session, StationEngine engine)
    {
        var station = session.Station;
        engine.Firmware.Bind(new Messages(engine, session.Adapter));

        peer.On<UpdateFirmwareRequest, UpdateFirmwareResponse>((request, _) =>
        {
            // 1.6 §5.19: the conf carries nothing; the station reports the update's progress with
            // FirmwareStatusNotification (§4.5). A 1.6 request has no id: the engine's reports carry 0, unused here.
            var decision = engine.Firmware.Request(new FirmwareOrder(
                0,
                request.Location,
                request.RetrieveDate,
                null,
                null,
                null,
                request.Retries,
                request.RetryInterval,
                Unsigned: true));
            session.AfterAnswer("UpdateFirmware", decision.AfterAnswer);
            return ValueTask.FromResult(new UpdateFirmwareResponse());
        });

        peer.On<GetDiagnosticsRequest, GetDiagnosticsResponse>((request, _) =>
        {
            // 1.6 §5.9: no fileName when the station has no diagnostics to upload there (it uploads over HTTP(S) only).
            if (StationLogUpload.LocationRefusal(request.Location) is not null)
            {
                return ValueTask.FromResult(new GetDiagnosticsResponse());
            }

            var requestId = Interlocked.Increment(ref _uploads);
            var cancel = CancellationTokenSource.CreateLinkedTokenSource(session.SessionToken);
            station.Logs.BeginUpload(requestId, cancel);

            // The upload is an actor of the station's clock from the request on: simulated time stands still while it
            // reports and uploads, and runs on while it assembles the file or waits to retry.
            var actor = engine.Clock.RegisterActor();
            cancel.Token.Register(actor.Dispose);
            var assembled = engine.Clock.WaitAsync(StationLogUpload.AssemblyTime, cancel.Token);
            var location = new Uri(request.Location);
            var period = (request.StartTime, request.StopTime);
            var retry = (Math.Max(0, request.Retries ?? 0), TimeSpan.FromSeconds(Math.Max(0, request.RetryInterval ?? 0)));
            session.AfterAnswer("GetDiagnostics", async _ =>
            {
                try
                {
                    await StationLogUpload.RunAsync(session, assembled, requestId, StationLogKind.Diagnostics, location, period, retry,
                        (status, _, ct) => ReportAsync(peer, status, ct), cancel, engine.Clock).ConfigureAwait(false);
                }
                finally
                {
                    actor.Dispose();
                }
            });
            return ValueTask.FromResult(new GetDiagnosticsResponse { FileName = StationLogUpload.FileName(station.StationId, StationLogKind.Diagnostics, requestId) });
        });
    }

    private static int _uploads;

    // 1.6 §4.4: Uploading, then Uploaded or UploadFailed; a replaced upload is not reported (1.6 has no such status).
    private static async Task ReportAsync(OcppRpcPeer peer, LogUploadStatus status, CancellationToken ct)
    {
        DiagnosticsStatusNotificationStatus? wire = status switch
        {
            LogUploadStatus.Uploading => DiagnosticsStatusNotificationStatus.Uploading,
            LogUploadStatus.Uploaded => DiagnosticsStatusNotificationStatus.Uploaded,
            LogUploadStatus.UploadFailure => DiagnosticsStatusNotificationStatus.UploadFailed,
            _ => null,
        };
        if (wire is not { } known)
        {
            return;
        }

        try
        {
            await peer.CallAsync<DiagnosticsStatusNotificationRequest, DiagnosticsStatusNotificationResponse>(new DiagnosticsStatusNotificationRequest(known), ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OcppCallErrorException or OcppCallTimeoutException)
        {
            // Delivered as far as the station can tell: the upload goes on.
        }
    }

    /// <summary>The engine's firmware reports in 1.6: the states 1.6 has (§7.25); the 2.x-only ones are not sent.</summary>
    private sealed class Messages(StationEngine engine, IVersionAdapter adapter) : IFirmwareMessages
    {
        public bool IsOnline => engine.Outbox.IsOnline;

        public Task StatusAsync(EngineFirmwareStatus status, int requestId, CancellationToken ct) => Wire(status) is { } known
            ? engine.Outbox.ReportAsync("FirmwareStatusNotification", peer => peer.CallAsync<FirmwareStatusNotificationRequest, FirmwareStatusNotificationResponse>(
                new FirmwareStatusNotificationRequest(known), ct))
            : Task.CompletedTask;

        // Security events are the 1.6 security extension's; the unsigned update raises none.
        public Task SecurityEventAsync(string type, string techInfo, CancellationToken ct) => Task.CompletedTask;

        public Task ConnectorStatusAsync(StationConnector connector, CancellationToken ct) =>
            engine.Outbox.ReportAsync("StatusNotification", peer => adapter.SendStatusAsync(peer, engine.Station, connector, ct));

        private static FirmwareStatusNotificationStatus? Wire(EngineFirmwareStatus status) => status switch
        {
            EngineFirmwareStatus.Downloading => FirmwareStatusNotificationStatus.Downloading,
            EngineFirmwareStatus.Downloaded => FirmwareStatusNotificationStatus.Downloaded,
            EngineFirmwareStatus.DownloadFailed => FirmwareStatusNotificationStatus.DownloadFailed,
            EngineFirmwareStatus.Installing => FirmwareStatusNotificationStatus.Installing,
            EngineFirmwareStatus.Installed => FirmwareStatusNotificationStatus.Installed,
            EngineFirmwareStatus.InstallationFailed or EngineFirmwareStatus.InstallVerificationFailed => FirmwareStatusNotificationStatus.InstallationFailed,
            _ => null,
        };
    }
}
