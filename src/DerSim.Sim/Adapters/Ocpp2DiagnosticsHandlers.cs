using DerSim.Ocpp.Rpc;
using DerSim.Ocpp.V21;
using DerSim.Sim.StationModel;

namespace DerSim.Sim.Adapters;

/// <summary>
/// The 2.x diagnostics the station keeps and serves: its diagnostics and security logs (written from what passes on the
/// connection), GetLog with LogStatusNotification and a real HTTP upload (2.0.1 N01), and CustomerInformation with
/// NotifyCustomerInformation about what it holds on a customer (N09, N10).
/// </summary>
internal static class Ocpp2DiagnosticsHandlers
{
    public static void Register(OcppRpcPeer peer, StationSession session)
    {
        var station = session.Station;
        Keep(peer, session);

        peer.On<GetLogRequest, GetLogResponse>((request, _) =>
        {
            StationLogKind? kind = request.LogType switch
            {
                LogEnumType.DiagnosticsLog => StationLogKind.Diagnostics,
                LogEnumType.SecurityLog => StationLogKind.Security,
                _ => null,
            };
            var period = (request.Log.OldestTimestamp, request.Log.LatestTimestamp);
            if (StationLogUpload.Refusal(station, kind, request.Log.RemoteLocation, period.OldestTimestamp, period.LatestTimestamp) is { } why)
            {
                // N01.FR.05.
                return ValueTask.FromResult(new GetLogResponse(LogStatusEnumType.Rejected) { StatusInfo = new StatusInfoType("NotAvailable") { AdditionalInfo = why } });
            }

            var cancel = CancellationTokenSource.CreateLinkedTokenSource(session.SessionToken);
            var replaced = station.Logs.BeginUpload(request.RequestId, cancel);
            var assembled = Task.Delay(StationLogUpload.AssemblyTime, session.Time, cancel.Token);
            var location = new Uri(request.Log.RemoteLocation);
            var retry = (Math.Max(0, request.Retries ?? 0), TimeSpan.FromSeconds(Math.Max(0, request.RetryInterval ?? 0)));
            session.AfterAnswer("GetLog", async _ =>
            {
                if (replaced is { } first)
                {
                    // N01.FR.20: the upload the new request cancelled is reported as such, under its own request id.
                    await ReportAsync(peer, LogUploadStatus.AcceptedCanceled, first, cancel.Token).ConfigureAwait(false);
                }

                await StationLogUpload.RunAsync(session, assembled, request.RequestId, kind!.Value, location, period, retry,
                    (status, id, ct) => ReportAsync(peer, status, id, ct), cancel).ConfigureAwait(false);
            });

            // N01.FR.01; N01.FR.12: a request while another upload runs cancels that one.
            return ValueTask.FromResult(new GetLogResponse(replaced is null ? LogStatusEnumType.Accepted : LogStatusEnumType.AcceptedCanceled)
            {
                Filename = StationLogUpload.FileName(station.StationId, kind!.Value, request.RequestId),
            });
        });

        peer.On<CustomerInformationRequest, CustomerInformationResponse>((request, _) =>
        {
            var references = (request.IdToken is null ? 0 : 1) + (request.CustomerCertificate is null ? 0 : 1) + (request.CustomerIdentifier is null ? 0 : 1);
            var outcome = StationCustomerInformation.Decide(station, request.Report, request.Clear, references);
            if (outcome != CustomerInformationOutcome.Accepted)
            {
                return ValueTask.FromResult(new CustomerInformationResponse(outcome == CustomerInformationOutcome.Invalid ? CustomerInformationStatusEnumType.Invalid : CustomerInformationStatusEnumType.Rejected));
            }

            var idToken = request.IdToken?.IdToken;
            var held = StationCustomerInformation.HeldAbout(station, session.Engine, idToken);
            if (request.Clear)
            {
                StationCustomerInformation.Clear(station, idToken);
            }

            var parts = StationCustomerInformation.Report(held, request.Report, request.Clear);
            session.AfterAnswer("CustomerInformation", async ct =>
            {
                var generatedAt = session.Time.GetUtcNow();
                for (var i = 0; i < parts.Count; i++)
                {
                    await Tolerating(peer.CallAsync<NotifyCustomerInformationRequest, NotifyCustomerInformationResponse>(
                        new NotifyCustomerInformationRequest(parts[i], i, generatedAt, request.RequestId) { Tbc = i < parts.Count - 1 ? true : null }, ct)).ConfigureAwait(false);
                }
            });
            return ValueTask.FromResult(new CustomerInformationResponse(CustomerInformationStatusEnumType.Accepted));
        });
    }

    private static Task ReportAsync(OcppRpcPeer peer, LogUploadStatus status, int requestId, CancellationToken ct) =>
        Tolerating(peer.CallAsync<LogStatusNotificationRequest, LogStatusNotificationResponse>(new LogStatusNotificationRequest(status switch
        {
            LogUploadStatus.Uploading => UploadLogStatusEnumType.Uploading,
            LogUploadStatus.Uploaded => UploadLogStatusEnumType.Uploaded,
            LogUploadStatus.AcceptedCanceled => UploadLogStatusEnumType.AcceptedCanceled,
            _ => UploadLogStatusEnumType.UploadFailure,
        }) { RequestId = requestId }, ct));

    // A notification the CSMS answers with a CALLERROR (or not at all) was still delivered as far as the station can
    // tell: the upload or report goes on, as a station's would.
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

    /// <summary>Writes the station's logs from the connection: every frame to the diagnostics log, start-ups and clock settings to the security log.</summary>
    private static void Keep(OcppRpcPeer peer, StationSession session)
    {
        var logs = session.Station.Logs;
        logs.Record(session.Time.GetUtcNow(), StationLogKind.Diagnostics, "connected to the CSMS");
        peer.Frame += frame =>
        {
            var now = session.Time.GetUtcNow();
            var sent = frame.Direction == FrameDirection.Outbound;
            logs.Record(now, StationLogKind.Diagnostics, $"{(sent ? "sent" : "received")} {frame.MessageType} {frame.Action} {frame.MessageId}".TrimEnd());
            if (frame.Action != "BootNotification")
            {
                return;
            }

            if (sent && frame.MessageType == OcppMessageType.Call)
            {
                logs.Record(now, StationLogKind.Security, session.Station.NextBootReason == BootReason.PowerUp ? "StartupOfTheDevice" : "ResetOrReboot");
            }
            else if (!sent && frame.MessageType == OcppMessageType.CallResult)
            {
                // The boot answer's currentTime sets the station's clock.
                logs.Record(now, StationLogKind.Security, "SettingSystemTime");
            }
        };
    }
}
