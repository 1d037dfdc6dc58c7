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
        StationLogUpload.Keep(peer, session);

        peer.On<GetLogRequest, GetLogResponse>((request, _) =>
        {
            StationLogKind? kind = request.LogType switch
            {
                LogEnumType.DiagnosticsLog => StationLogKind.Diagnostics,
                LogEnumType.SecurityLog => StationLogKind.Security,
                _ => null,
            };
            var started = StationLogUpload.Start(session, "GetLog", kind, request.RequestId, request.Log.RemoteLocation,
                (request.Log.OldestTimestamp, request.Log.LatestTimestamp), (request.Retries, request.RetryInterval),
                (status, id, ct) => ReportAsync(peer, status, id, ct));
            if (started.Refusal is { } why)
            {
                // N01.FR.05.
                return ValueTask.FromResult(new GetLogResponse(LogStatusEnumType.Rejected) { StatusInfo = new StatusInfoType("NotAvailable") { AdditionalInfo = why } });
            }

            // N01.FR.01; N01.FR.12: a request while another upload runs cancels that one.
            return ValueTask.FromResult(new GetLogResponse(started.CancelledAnother ? LogStatusEnumType.AcceptedCanceled : LogStatusEnumType.Accepted)
            {
                Filename = started.FileName,
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
}
