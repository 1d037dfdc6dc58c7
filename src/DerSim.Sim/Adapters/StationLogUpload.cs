using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using DerSim.Ocpp.Rpc;
using DerSim.Sim.StationModel;
using DerSim.Sim.Timing;

namespace DerSim.Sim.Adapters;

/// <summary>The status of a log upload, as the station reports it (2.x UploadLogStatusEnumType).</summary>
internal enum LogUploadStatus
{
    Uploading,
    Uploaded,
    UploadFailure,
    AcceptedCanceled,
}

/// <summary>What the station makes of a log request: why it refuses it (null: taken), whether it cancelled an upload under way, the file name.</summary>
internal sealed record LogRequestOutcome(string? Refusal, bool CancelledAnother, string? FileName);

/// <summary>
/// A log upload as the station does it, version-neutral (2.0.1 N01): whether it can serve the request, and the upload
/// itself — assembling the log takes simulated time, then the file goes to the CSMS's location over HTTP(S) with PUT,
/// reporting Uploading, then Uploaded or (after its retries) UploadFailure.
/// </summary>
internal static class StationLogUpload
{
    /// <summary>How long assembling a log takes on the station's clock before the upload starts.</summary>
    public static readonly TimeSpan AssemblyTime = TimeSpan.FromSeconds(10);

    // One client for every station of the process; the station's HTTP stack, not the CSMS connection.
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>
    /// Why the station cannot serve a log request, or null when it can: a location other than an absolute HTTP(S) URL
    /// (the transport it supports, N01.FR.14), or no entries of that log in the asked period (N01.FR.05: the requested
    /// log information is not available).
    /// </summary>
    public static string? Refusal(ChargingStation station, StationLogKind? kind, string remoteLocation, DateTimeOffset? oldest, DateTimeOffset? latest)
    {
        if (kind is not { } log)
        {
            return "the station keeps no such log";
        }

        if (LocationRefusal(remoteLocation) is { } why)
        {
            return why;
        }

        return station.Logs.Entries(log, oldest, latest).Count == 0 ? "no log entries in the requested period" : null;
    }

    /// <summary>Why the station cannot upload to a location, or null when it can: it uploads to absolute HTTP(S) URLs only.</summary>
    public static string? LocationRefusal(string remoteLocation) =>
        !Uri.TryCreate(remoteLocation, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            ? "the station uploads over HTTP(S) only"
            : null;
    /// <summary>
    /// Takes a log request (2.0.1 N01, 1.6 whitepaper GetLog), version-neutral: the refusal when the station cannot serve
    /// it (nothing starts then), otherwise the upload starts once the answer is out (<paramref name="action"/>), first
    /// reporting the upload it cancelled (N01.FR.12/20), and the outcome names the file.
    /// </summary>
    public static LogRequestOutcome Start(
        StationSession session,
        string action,
        StationLogKind? kind,
        int requestId,
        string remoteLocation,
        (DateTimeOffset? Oldest, DateTimeOffset? Latest) period,
        (int? Retries, int? RetryInterval) retry,
        Func<LogUploadStatus, int, CancellationToken, Task> report)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(report);
        var station = session.Station;
        if (Refusal(station, kind, remoteLocation, period.Oldest, period.Latest) is { } why)
        {
            return new LogRequestOutcome(why, false, null);
        }

        var log = kind!.Value;
        var cancel = CancellationTokenSource.CreateLinkedTokenSource(session.SessionToken);
        var replaced = station.Logs.BeginUpload(requestId, cancel);
        var assembled = Task.Delay(AssemblyTime, session.Time, cancel.Token);
        var location = new Uri(remoteLocation);
        var attempts = (Math.Max(0, retry.Retries ?? 0), TimeSpan.FromSeconds(Math.Max(0, retry.RetryInterval ?? 0)));
        session.AfterAnswer(action, async _ =>
        {
            if (replaced is { } first)
            {
                // N01.FR.20: the upload the new request cancelled is reported as such, under its own request id.
                await report(LogUploadStatus.AcceptedCanceled, first, cancel.Token).ConfigureAwait(false);
            }

            await RunAsync(session, assembled, requestId, log, location, period, attempts, report, cancel).ConfigureAwait(false);
        });
        return new LogRequestOutcome(null, replaced is not null, FileName(station.StationId, log, requestId));
    }

    /// <summary>The file the station uploads for a request: the log's lines in the period; the diagnostics log ends with the connectors' states.</summary>
    public static byte[] FileFor(ChargingStation station, StationLogKind kind, DateTimeOffset? oldest, DateTimeOffset? latest, DateTimeOffset now)
    {
        var entries = station.Logs.Entries(kind, oldest, latest).ToList();
        if (kind == StationLogKind.Diagnostics)
        {
            entries.AddRange(station.Connectors.Select(c => new StationLogEntry(now, kind, string.Create(CultureInfo.InvariantCulture, $"state EVSE {c.EvseId} connector {c.ConnectorId}: {c.Status}"))));
        }

        return StationLogBook.FileOf(entries);
    }

    /// <summary>The name of the file an upload carries (GetLogResponse filename).</summary>
    public static string FileName(string stationId, StationLogKind kind, int requestId) =>
        string.Create(CultureInfo.InvariantCulture, $"{stationId}-{kind}Log-{requestId}.log");

    /// <summary>The URL an upload goes to: the location, with the file name added when the location is a folder.</summary>
    public static Uri Target(Uri location, string stationId, StationLogKind kind, int requestId) =>
        location.AbsolutePath.EndsWith('/') ? new Uri(location, Uri.EscapeDataString(FileName(stationId, kind, requestId))) : location;

    /// <summary>
    /// Runs the upload of <paramref name="requestId"/> until it ends or <paramref name="cancel"/> is cancelled (a newer
    /// request replaced it, N01.FR.12, or the connection ended): nothing more is reported then. <paramref name="assembled"/>
    /// completes when the log is assembled (<see cref="AssemblyTime"/> on the station's clock, counted from the request:
    /// the timer is set when the request is taken, so time a scenario lets pass right after the answer counts). With a
    /// <paramref name="clock"/> (the caller registered the upload as an actor of it) the retry waits are the clock's, so
    /// simulated time stands still while the station uploads and runs on while it waits.
    /// </summary>
    public static async Task RunAsync(
        StationSession session,
        Task assembled,
        int requestId,
        StationLogKind kind,
        Uri location,
        (DateTimeOffset? Oldest, DateTimeOffset? Latest) period,
        (int Retries, TimeSpan Interval) retry,
        Func<LogUploadStatus, int, CancellationToken, Task> report,
        CancellationTokenSource cancel,
        SimulationClock? clock = null)
    {
        var station = session.Station;
        var ct = cancel.Token;
        try
        {
            // N01.FR.08, N01.FR.07: the start of the upload, with the request's id.
            await report(LogUploadStatus.Uploading, requestId, ct).ConfigureAwait(false);
            await assembled.ConfigureAwait(false);
            var target = Target(location, station.StationId, kind, requestId);
            for (var attempt = 0; ; attempt++)
            {
                var content = FileFor(station, kind, period.Oldest, period.Latest, session.Time.GetUtcNow());
                if (await PutAsync(station, target, content, session.Time.GetUtcNow(), ct).ConfigureAwait(false))
                {
                    // N01.FR.09.
                    await report(LogUploadStatus.Uploaded, requestId, ct).ConfigureAwait(false);
                    return;
                }

                if (attempt >= retry.Retries)
                {
                    // N01.FR.10: every attempt failed.
                    await report(LogUploadStatus.UploadFailure, requestId, ct).ConfigureAwait(false);
                    return;
                }

                // With the station's clock (the upload an actor of it), the wait is one the clock knows of.
                await (clock is not null ? clock.WaitAsync(retry.Interval, ct) : Task.Delay(retry.Interval, session.Time, ct)).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Replaced or disconnected: the replacing request reports AcceptedCanceled for this one.
        }
        finally
        {
            station.Logs.EndUpload(cancel);
            cancel.Dispose();
        }
    }

    private static async Task<bool> PutAsync(ChargingStation station, Uri target, byte[] content, DateTimeOffset now, CancellationToken ct)
    {
        using var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");

        // 2.1 N01 (TC_N_102/103): credentials in the location's user info go as HTTP Basic authentication, not in the URL.
        using var request = new HttpRequestMessage(HttpMethod.Put, WithoutUserInfo(target)) { Content = body };
        if (target.UserInfo is { Length: > 0 } userInfo)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Uri.UnescapeDataString(userInfo))));
        }

        // Over HTTPS the station checks the server's certificate against its own trust store (see TrustsServer); one
        // client per upload, so a connection checked against one station's roots never serves another station.
        using var secure = target.Scheme == Uri.UriSchemeHttps ? SecureClient(station, now) : null;
        try
        {
            using var response = await (secure ?? Http).SendAsync(request, ct).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            // The HTTP client's own timeout.
            return false;
        }
    }

    private static HttpClient SecureClient(ChargingStation station, DateTimeOffset now) =>
        new(new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, errors) => TrustsServer(station, certificate, errors, now) },
        }) { Timeout = Http.Timeout };

    /// <summary>
    /// Whether the station accepts an upload server's TLS certificate: one the platform accepts, or one whose only fault
    /// is an unknown root and whose chain leads, at the station's time, to a root the station trusts for its CSMS
    /// connection — the CSMSRootCertificates in its CA store (where the operator installs the root of its file server)
    /// or the CSMS root it was set up with. A wrong host name or any other fault is refused; nothing is switched off.
    /// </summary>
    internal static bool TrustsServer(ChargingStation station, X509Certificate? certificate, SslPolicyErrors errors, DateTimeOffset now)
    {
        if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
        {
            return false;
        }

        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        var roots = station.CaCertificates.Entries.Where(e => e.Use == "CSMSRootCertificate").Select(e => e.Certificate)
            .Concat(station.Certificate.TrustedRoots).ToList();
        if (roots.Count == 0)
        {
            return false;
        }

        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = now.UtcDateTime;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots.ToArray());
        return chain.Build(leaf);
    }

    private static Uri WithoutUserInfo(Uri uri) =>
        uri.UserInfo.Length == 0 ? uri : new UriBuilder(uri) { UserName = "", Password = "" }.Uri;
    /// <summary>Writes the station's logs from the connection: every frame to the diagnostics log, start-ups and clock settings to the security log.</summary>
    public static void Keep(OcppRpcPeer peer, StationSession session)
    {
        var logs = session.Station.Logs;
        logs.Record(session.Time.GetUtcNow(), StationLogKind.Diagnostics, "connected to the CSMS");
        peer.Frame += frame =>
        {
            var now = session.Time.GetUtcNow();
            var sent = frame.Direction == FrameDirection.Outbound;
            logs.RecordFrame(now, sent, frame.MessageType, frame.Action, frame.MessageId);
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
