using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using DerSim.Ocpp.Rpc;

namespace DerSim.Ocpp.Transport;

/// <summary>
/// The charging-station end of OCPP-J: dials the CSMS offering exactly one subprotocol, authenticates
/// (security profiles 1–3), and keeps the connection up with back-off and jitter.
/// </summary>
public sealed class OcppClient
{
    private readonly IOcppActionTable _table;
    private readonly TimeProvider _time;
    private readonly Random _random;
    private volatile OcppRpcPeer? _established;

    /// <summary>Creates a client.</summary>
    /// <param name="options">Where and how to connect.</param>
    /// <param name="table">The action table of <see cref="OcppClientOptions.Version"/>.</param>
    /// <param name="timeProvider">Clock for timeouts and back-off. The default value is <see cref="TimeProvider.System"/>.</param>
    /// <param name="random">Source of jitter. The default value is <see cref="Random.Shared"/>.</param>
    public OcppClient(OcppClientOptions options, IOcppActionTable table, TimeProvider? timeProvider = null, Random? random = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(table);
        if (table.Version != options.Version)
        {
            throw new ArgumentException($"action table is for OCPP {table.Version.DisplayName()}, options ask for {options.Version.DisplayName()}", nameof(table));
        }

        Options = options;
        _table = table;
        _time = timeProvider ?? TimeProvider.System;
        _random = random ?? Random.Shared;
        PingInterval = options.KeepAliveInterval;
    }

    /// <summary>
    /// The WebSocket PING interval of connections opened from now on (a socket's keep-alive timer is fixed when it
    /// opens); <see cref="TimeSpan.Zero"/> disables client pings. Starts as <see cref="OcppClientOptions.KeepAliveInterval"/>.
    /// </summary>
    public TimeSpan PingInterval { get; set; }

    /// <summary>Raised before each wait between attempts, e.g. to print "connection refused, retry 3 in 4.2 s".</summary>
    public event Action<OcppReconnectAttempt>? Reconnecting;

    /// <summary>Raised by <see cref="RunWithReconnectAsync"/> when a connection is up.</summary>
    public event Action<OcppRpcPeer>? Connected;

    /// <summary>Raised by <see cref="RunWithReconnectAsync"/> when a connection ended; the peer's <see cref="OcppRpcPeer.ClosedReason"/> says why.</summary>
    public event Action<OcppRpcPeer>? Disconnected;

    /// <summary>The options; a new value takes effect at the next connection (a station's new password or certificate).</summary>
    public OcppClientOptions Options { get; set; }

    /// <summary>
    /// Opens one connection and returns its peer (role <see cref="OcppRole.ChargingStation"/>), not yet receiving:
    /// register handlers, then start <see cref="OcppRpcPeer.RunAsync"/>. Dispose the peer to close.
    /// </summary>
    /// <exception cref="OcppConnectException">The connection failed; the message says why.</exception>
    public async Task<OcppRpcPeer> ConnectAsync(CancellationToken ct = default)
    {
        var url = Options.StationUrl;
        var subprotocol = Options.Version.Subprotocol();
        var tls = new TlsOutcome();
        var request = Dial(url, subprotocol, tls);
        // Real time on purpose: the timeout bounds socket I/O, which a simulated clock does not drive.
        using var timeout = new CancellationTokenSource(Options.ConnectTimeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        StartupTrace.Mark("connect");
        WebSocketDialResult dialed;
        try
        {
            dialed = await WebSocketDialer.ConnectAsync(request, linked.Token).ConfigureAwait(false);
            StartupTrace.Mark("open");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new OcppConnectException($"connecting to {url} timed out after {Options.ConnectTimeout.TotalSeconds:0.#} s", OcppConnectFailure.Timeout);
        }
        catch (Exception ex) when (ex is SocketException or IOException or AuthenticationException)
        {
            throw Translate(ex, url, subprotocol, tls, request.Proxy);
        }

        if (dialed.Subprotocol != subprotocol)
        {
            dialed.Socket.Abort();
            dialed.Socket.Dispose();
            throw new OcppConnectException($"CSMS at {url} did not accept subprotocol {subprotocol} (answered: {dialed.Subprotocol ?? "none"})", OcppConnectFailure.Subprotocol);
        }

        return new OcppRpcPeer(new OcppWebSocketChannel(dialed.Socket), _table, OcppRole.ChargingStation, Options.StationId, Options.Rpc, _time);
    }

    /// <summary>
    /// Connects, runs <paramref name="onConnected"/> alongside the receive loop, and after a drop or a failed
    /// attempt waits per <see cref="OcppClientOptions.Reconnect"/> and connects again, until
    /// <paramref name="ct"/> is cancelled or <see cref="OcppReconnectPolicy.MaxAttempts"/> consecutive attempts fail.
    /// A connection that closes before it was established (<see cref="MarkEstablished"/>, or up for
    /// <see cref="OcppReconnectPolicy.StablePeriod"/>) counts as a failed attempt: a CSMS that accepts the socket and drops
    /// it at once sees the back-off grow and the attempt limit trip, not one reconnect a second forever.
    /// </summary>
    /// <param name="onConnected">
    /// The session. It is invoked before the receive loop starts, so handlers registered before its first
    /// <c>await</c> see every CALL. Its token is cancelled when the connection drops; calls in flight then fail
    /// with <see cref="OcppConnectionClosedException"/>, which is treated as a normal end of the session.
    /// </param>
    /// <param name="ct">Stops reconnecting and closes the current connection.</param>
    /// <exception cref="OcppConnectException">The last attempt failed and the attempt limit is reached.</exception>
    public async Task RunWithReconnectAsync(Func<OcppRpcPeer, CancellationToken, Task> onConnected, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(onConnected);
        var failures = 0;
        var retry = 0;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            OcppRpcPeer peer;
            try
            {
                peer = await ConnectAsync(ct).ConfigureAwait(false);
            }
            catch (OcppConnectException ex)
            {
                failures++;
                if (Options.Reconnect.MaxAttempts is { } max && failures >= max)
                {
                    throw;
                }

                await WaitBeforeRetryAsync(++retry, ex, ct).ConfigureAwait(false);
                continue;
            }

            var opened = _time.GetUtcNow();
            var reason = await RunSessionAsync(peer, onConnected, ct).ConfigureAwait(false);
            ct.ThrowIfCancellationRequested();
            if (ReferenceEquals(_established, peer) || _time.GetUtcNow() - opened >= Options.Reconnect.StablePeriod)
            {
                failures = 0;
                retry = 1;
            }
            else
            {
                failures++;
                var dropped = new OcppConnectException(
                    $"CSMS at {Options.StationUrl} closed the connection before it was established ({reason.Message})", OcppConnectFailure.Dropped, null, reason);
                if (Options.Reconnect.MaxAttempts is { } max && failures >= max)
                {
                    throw dropped;
                }

                reason = dropped;
                retry++;
            }

            await WaitBeforeRetryAsync(retry, reason, ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Says the connection of <paramref name="peer"/> is established (the CSMS accepted the station's boot): when it
    /// closes, the back-off and the attempt count start afresh.
    /// </summary>
    public void MarkEstablished(OcppRpcPeer peer) => _established = peer;

    private async Task<Exception> RunSessionAsync(OcppRpcPeer peer, Func<OcppRpcPeer, CancellationToken, Task> onConnected, CancellationToken ct)
    {
        await using (peer.ConfigureAwait(false))
        {
            using var sessionCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
            Connected?.Invoke(peer);
            Task session;
            try
            {
                session = onConnected(peer, sessionCts.Token);
            }
            catch (Exception ex)
            {
                session = Task.FromException(ex);
            }

            // Cancellation closes the connection with a close frame rather than cancelling the receive,
            // which would abort the socket mid-handshake.
            await using var stopping = ct.Register(static state => _ = ((OcppRpcPeer)state!).DisposeAsync().AsTask(), peer).ConfigureAwait(false);
            var run = peer.RunAsync(CancellationToken.None);
            if (await Task.WhenAny(run, session).ConfigureAwait(false) == session && session.IsFaulted && !IsEndOfSession(session.Exception!.GetBaseException()))
            {
                // A broken session is the caller's bug: close the connection and surface it.
                await session.ConfigureAwait(false);
            }

            await run.ConfigureAwait(false);
            await sessionCts.CancelAsync().ConfigureAwait(false);
            try
            {
                await session.ConfigureAwait(false);
            }
            catch (Exception ex) when (IsEndOfSession(ex))
            {
                // The session ended because the connection did.
            }

            Disconnected?.Invoke(peer);
            return peer.ClosedReason ?? new OcppConnectionClosedException("connection closed");
        }
    }

    private static bool IsEndOfSession(Exception ex) => ex is OperationCanceledException or OcppConnectionClosedException;

    private async Task WaitBeforeRetryAsync(int retry, Exception reason, CancellationToken ct)
    {
        var delay = Options.Reconnect.DelayFor(retry, _random);
        Reconnecting?.Invoke(new OcppReconnectAttempt(retry, reason, delay));
        await Task.Delay(delay, _time, ct).ConfigureAwait(false);
    }

    private WebSocketDialRequest Dial(Uri url, string subprotocol, TlsOutcome tls)
    {
        // OCPP's WebSocketPingInterval is the interval of client-side PINGs ("0 disables client side websocket Ping/Pong",
        // 1.6 configuration key and 2.x OCPPCommCtrlr variable alike): real PINGs, not unsolicited PONGs (which a CSMS
        // that extends its read deadline on client pings ignores), and a connection whose peer stopped answering dropped.
        var ping = PingInterval;
        string? authorization = null;
        if (Options.BasicAuthPassword is { } password)
        {
            authorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Options.BasicAuthUsername ?? Options.StationId}:{password}"));
        }

        var custom = Options.ServerCertificateValidation;
        var trusted = Options.TrustedCaCertificate;
        var (proxy, proxyAuthorization) = ProxyFor(url, Options.Proxy);
        return new WebSocketDialRequest(
            url,
            Options.OfferedSubprotocols ?? [subprotocol],
            authorization,
            Options.ClientCertificate,
            (_, certificate, chain, errors) =>
            {
                var accepted = certificate is not null && (custom is not null
                    ? custom(certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()), chain, errors)
                    : errors == SslPolicyErrors.None || (trusted is not null && ChainsTo(certificate, errors, trusted)));
                tls.Errors = accepted ? SslPolicyErrors.None : errors;
                return accepted;
            },
            ping > TimeSpan.Zero ? ping : TimeSpan.Zero)
        {
            Time = _time,
            Proxy = proxy,
            ProxyAuthorization = proxyAuthorization,
        };
    }

    /// <summary>
    /// The HTTP proxy <paramref name="url"/> is dialled through and its Basic credentials, or (null, null) for a direct
    /// connection: <paramref name="configured"/>, or the environment's (<see cref="HttpClient.DefaultProxy"/>), asked for
    /// the URL's HTTP twin (<c>ws</c> → <c>http</c>, <c>wss</c> → <c>https</c>); loopback CSMSes are dialled directly.
    /// </summary>
    /// <exception cref="OcppConnectException">The proxy is not an <c>http://</c> one.</exception>
    internal static (Uri? Proxy, string? Authorization) ProxyFor(Uri url, System.Net.IWebProxy? configured)
    {
        if (url.IsLoopback)
        {
            return (null, null);
        }

        var proxies = configured ?? HttpClient.DefaultProxy;
        var asked = new UriBuilder(url) { Scheme = url.Scheme is "wss" or "https" ? Uri.UriSchemeHttps : Uri.UriSchemeHttp }.Uri;
        if (proxies.IsBypassed(asked) || proxies.GetProxy(asked) is not { } proxy || proxy == asked)
        {
            return (null, null);
        }

        if (proxy.Scheme != Uri.UriSchemeHttp)
        {
            throw new OcppConnectException($"proxy {proxy.GetLeftPart(UriPartial.Authority)} for {url}: only http:// proxies are supported (HTTP CONNECT), not {proxy.Scheme}://", OcppConnectFailure.Refused);
        }

        string? user = null, password = null;
        if (proxy.UserInfo.Length > 0)
        {
            var parts = proxy.UserInfo.Split(':', 2);
            (user, password) = (Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "");
        }
        else if (proxies.Credentials?.GetCredential(proxy, "Basic") is { UserName.Length: > 0 } credential)
        {
            (user, password) = (credential.UserName, credential.Password);
        }

        var bare = new UriBuilder(proxy) { UserName = "", Password = "" }.Uri;
        return (bare, user is null ? null : "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
    }

    /// <summary>Accepts a certificate whose only fault is an unknown root, when it chains to <paramref name="trusted"/>.</summary>
    internal static bool ChainsTo(X509Certificate certificate, SslPolicyErrors errors, X509Certificate2 trusted)
    {
        if ((errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
        {
            return false;
        }

        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(trusted);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(leaf);
    }

    private OcppConnectException Translate(Exception ex, Uri url, string subprotocol, TlsOutcome tls, Uri? proxy)
    {
        var dial = Find<WebSocketDialException>(ex);
        if (dial is { ProxyRefused: true, Response: { } proxyAnswer })
        {
            var why = proxyAnswer.Status == HttpStatusCode.ProxyAuthenticationRequired ? " (proxy credentials missing or refused: user and password go in the proxy URL)" : "";
            return new OcppConnectException($"the proxy {proxy?.GetLeftPart(UriPartial.Authority)} refused the tunnel to {url}: HTTP {(int)proxyAnswer.Status}{why}", OcppConnectFailure.Http, proxyAnswer.Status, ex);
        }

        if (dial?.Response is { Status: not HttpStatusCode.SwitchingProtocols } refused)
        {
            return new OcppConnectException(DescribeHttp(url, refused.Status), OcppConnectFailure.Http, refused.Status, ex);
        }

        if (dial is { SubprotocolRefused: true, Response: { } chose })
        {
            return new OcppConnectException($"CSMS at {url} did not accept subprotocol {subprotocol} (answered: {chose.Header("Sec-WebSocket-Protocol") ?? "none"})", OcppConnectFailure.Subprotocol, null, ex);
        }

        if (tls.Errors is { } errors && errors != SslPolicyErrors.None)
        {
            return new OcppConnectException($"TLS handshake with {url} failed: server certificate not trusted ({errors})", OcppConnectFailure.Tls, null, ex);
        }

        if (Find<AuthenticationException>(ex) is { } auth)
        {
            return new OcppConnectException($"TLS handshake with {url} failed: {auth.Message}", OcppConnectFailure.Tls, null, ex);
        }

        if (Find<SocketException>(ex) is { } socketError)
        {
            var what = socketError.SocketErrorCode == SocketError.ConnectionRefused ? "connection refused by" : $"cannot reach ({socketError.SocketErrorCode})";
            var where = proxy is null ? url.ToString() : $"the proxy {proxy.GetLeftPart(UriPartial.Authority)} (dialling {url} through it)";
            return new OcppConnectException($"{what} {where}", OcppConnectFailure.Refused, null, ex);
        }

        if (url.Scheme == "wss" && Options.ClientCertificate is null && dial is { EndedBeforeAnswer: true })
        {
            // With TLS 1.3 a server that demands a client certificate rejects its absence after the handshake,
            // so the client only sees the connection end before the upgrade response.
            return new OcppConnectException(
                $"CSMS at {url} closed the TLS connection before answering the upgrade; it may require a client certificate (security profile 3), and none is configured",
                OcppConnectFailure.Tls,
                null,
                ex);
        }

        if (url.Scheme == "wss" && Options.ClientCertificate is { } presented && dial is { EndedBeforeAnswer: true })
        {
            // The same TLS 1.3 effect when the CSMS turns the presented certificate away (OCPP 2.0.1 A00.FR.407).
            return new OcppConnectException(
                string.Create(
                    System.Globalization.CultureInfo.InvariantCulture,
                    $"CSMS at {url} closed the TLS connection before answering the upgrade; it may have refused the client certificate CN '{presented.GetNameInfo(X509NameType.SimpleName, false)}' (valid {presented.NotBefore.ToUniversalTime():yyyy-MM-dd HH:mm} to {presented.NotAfter.ToUniversalTime():yyyy-MM-dd HH:mm} UTC, issuer '{presented.GetNameInfo(X509NameType.SimpleName, true)}')"),
                OcppConnectFailure.Tls,
                null,
                ex);
        }

        return new OcppConnectException($"connecting to {url} failed: {Innermost(ex).Message}", OcppConnectFailure.Other, null, ex);
    }

    private string DescribeHttp(Uri url, HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized when Options.BasicAuthPassword is null =>
            $"CSMS at {url} requires authentication (HTTP 401) but no Basic auth password is configured for station '{Options.StationId}'",
        HttpStatusCode.Unauthorized => $"CSMS at {url} rejected Basic auth for station '{Options.StationId}' (HTTP 401)",
        HttpStatusCode.Forbidden => $"CSMS at {url} refused station '{Options.StationId}' (HTTP 403 Forbidden)",
        HttpStatusCode.NotFound => $"CSMS at {url} has no OCPP endpoint there (HTTP 404 Not Found); check the URL path and station id '{Options.StationId}'",
        _ => $"CSMS at {url} refused the WebSocket upgrade with HTTP {(int)status} {status}",
    };

    private static T? Find<T>(Exception? ex)
        where T : Exception
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is T match)
            {
                return match;
            }
        }

        return null;
    }

    private static Exception Innermost(Exception ex)
    {
        while (ex.InnerException is not null)
        {
            ex = ex.InnerException;
        }

        return ex;
    }

    /// <summary>What the certificate callback decided, for the error message.</summary>
    private sealed class TlsOutcome
    {
        public SslPolicyErrors? Errors { get; set; }
    }
}
