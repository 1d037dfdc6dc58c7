using System.Collections.Concurrent;
using System.Net.Security;
using System.Security.Authentication;
using System.Text;
using DerSim.Ocpp.Rpc;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;

namespace DerSim.Ocpp.Transport;

/// <summary>
/// The CSMS end of OCPP-J on Kestrel. Any path is accepted; its last segment (unescaped) is the station id.
/// A request that is not a WebSocket upgrade, has no station id or one that is not a valid identity
/// (<see cref="StationIdentity"/>), or offers no subprotocol the server supports is answered HTTP 400 before the
/// upgrade (so the client sees a clear status rather than a socket that closes at once); failed Basic auth is
/// answered HTTP 401, and a client certificate (security profile 3) that names another station HTTP 403.
/// </summary>
public sealed class OcppServer : IAsyncDisposable
{
    private readonly OcppServerOptions _options;
    private readonly Func<OcppRpcPeer, CancellationToken, Task> _onConnected;
    private readonly ConcurrentDictionary<OcppRpcPeer, byte> _peers = new();
    private readonly CancellationTokenSource _stopping = new();
    private WebApplication? _app;
    private int _stopped;

    /// <summary>Creates a server; call <see cref="StartAsync"/> to listen.</summary>
    /// <param name="options">Address, versions, security.</param>
    /// <param name="onConnected">
    /// The session per connection, invoked before the peer's receive loop starts (register handlers before the
    /// first <c>await</c>). Its token is cancelled when the connection ends or the server stops.
    /// </param>
    public OcppServer(OcppServerOptions options, Func<OcppRpcPeer, CancellationToken, Task> onConnected)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(onConnected);
        if (options.Versions.Count == 0)
        {
            throw new ArgumentException("at least one OCPP version must be accepted", nameof(options));
        }

        _options = options;
        _onConnected = onConnected;
    }

    /// <summary>Raised when a station's WebSocket is up (before its session starts).</summary>
    public event Action<OcppRpcPeer>? Connected;

    /// <summary>Raised when a station's connection ended.</summary>
    public event Action<OcppRpcPeer>? Disconnected;

    /// <summary>Raised when an upgrade request is turned away.</summary>
    public event Action<OcppServerRejection>? Rejected;

    /// <summary>The bound port (the picked one when <see cref="OcppServerOptions.Port"/> is 0).</summary>
    public int Port { get; private set; }

    /// <summary>The base URL stations append their id to, e.g. <c>ws://127.0.0.1:41234/</c>.</summary>
    public Uri Url { get; private set; } = new("ws://127.0.0.1/");

    /// <summary>The peers currently connected.</summary>
    public IReadOnlyCollection<OcppRpcPeer> Peers => [.. _peers.Keys];

    /// <summary>Binds and starts accepting connections.</summary>
    public async Task StartAsync(CancellationToken ct = default)
    {
        if (_app is not null)
        {
            throw new InvalidOperationException("server already started");
        }

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(_options.Address, _options.Port, listen =>
        {
            if (_options.ServerCertificate is { } certificate)
            {
                listen.UseHttps(https =>
                {
                    https.ServerCertificate = certificate;
                    // OCPP 2.0.1 A00.FR.313/416: TLS 1.2 or above only; a station offering less is refused at the handshake.
                    https.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
                    if (_options.RequireClientCertificate)
                    {
                        https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
                        var validate = _options.ClientCertificateValidation;
                        https.ClientCertificateValidation = (client, chain, errors) =>
                            validate is not null ? validate(client, chain, errors) : errors == SslPolicyErrors.None;
                    }
                });
            }
        }));
        var app = builder.Build();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = _options.KeepAliveInterval });
        app.Run(HandleAsync);
        await app.StartAsync(ct).ConfigureAwait(false);
        _app = app;

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var bound = new Uri(address);
        Port = bound.Port;
        Url = new UriBuilder(_options.ServerCertificate is null ? "ws" : "wss", bound.Host, bound.Port, "/").Uri;
    }

    /// <summary>Closes every connection with a close frame, then stops listening.</summary>
    public async Task StopAsync(CancellationToken ct = default)
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0 || _app is null)
        {
            return;
        }

        // Close frames first, so stations see a clean close (1000) instead of an aborted socket.
        await Task.WhenAll(_peers.Keys.Select(peer => peer.DisposeAsync().AsTask())).ConfigureAwait(false);
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _app.StopAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Stops the server and releases it.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        if (_app is not null)
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }

        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var stationId = StationIdOf(context);
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await RejectAsync(context, stationId, StatusCodes.Status400BadRequest, "expected a WebSocket upgrade (OCPP-J)").ConfigureAwait(false);
            return;
        }

        if (string.IsNullOrEmpty(stationId))
        {
            await RejectAsync(context, stationId, StatusCodes.Status400BadRequest, "no station id: it must be the last segment of the URL path").ConfigureAwait(false);
            return;
        }

        // OCPP 2.0.1/2.1 Part 4 §3.1.1: the identity is an identifierString of at most 48 characters; refusing any
        // other keeps control characters and look-alike ids out of the CSMS's state and logs (issue 13, item 6).
        if (StationIdentity.Problem(stationId) is { } identityProblem)
        {
            await RejectAsync(context, stationId, StatusCodes.Status400BadRequest, identityProblem).ConfigureAwait(false);
            return;
        }

        var offered = context.WebSockets.WebSocketRequestedProtocols;
        var version = _options.Versions.Cast<OcppVersion?>().FirstOrDefault(v => offered.Contains(v!.Value.Subprotocol()));
        if (version is null)
        {
            var reason = $"no common subprotocol: client offered [{string.Join(", ", offered)}], server supports [{string.Join(", ", _options.Versions.Select(v => v.Subprotocol()))}]";
            await RejectAsync(context, stationId, StatusCodes.Status400BadRequest, reason).ConfigureAwait(false);
            return;
        }

        if (_options.BasicAuth is { } authorize && await CheckBasicAuthAsync(context, stationId, authorize).ConfigureAwait(false) is { } authFailure)
        {
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"OCPP\", charset=\"UTF-8\"";
            await RejectAsync(context, stationId, StatusCodes.Status401Unauthorized, authFailure).ConfigureAwait(false);
            return;
        }

        if (_options.RequireClientCertificate && ClientCertificateIdentity.Mismatch(context.Connection.ClientCertificate, stationId) is { } identityFailure)
        {
            await RejectAsync(context, stationId, StatusCodes.Status403Forbidden, identityFailure).ConfigureAwait(false);
            return;
        }

        var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            SubProtocol = version.Value.Subprotocol(),
            KeepAliveInterval = _options.KeepAliveInterval,
        }).ConfigureAwait(false);
        var peer = new OcppRpcPeer(new OcppWebSocketChannel(socket), _options.ActionTables(version.Value), OcppRole.Csms, stationId, _options.Rpc, _options.TimeProvider);
        await RunConnectionAsync(peer, context.RequestAborted).ConfigureAwait(false);
    }

    private async Task RunConnectionAsync(OcppRpcPeer peer, CancellationToken aborted)
    {
        await using (peer.ConfigureAwait(false))
        {
            using var sessionCts = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token, aborted);
            _peers[peer] = 0;
            Connected?.Invoke(peer);
            Task session;
            try
            {
                session = _onConnected(peer, sessionCts.Token);
            }
            catch (Exception ex)
            {
                session = Task.FromException(ex);
            }

            try
            {
                // Only a vanished client aborts the receive; StopAsync closes peers with a close frame instead.
                await peer.RunAsync(aborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The client's TCP connection is gone.
            }

            await sessionCts.CancelAsync().ConfigureAwait(false);
            try
            {
                await session.ConfigureAwait(false);
            }
            catch (Exception)
            {
                // A session's failure must not take the server down; its effects are visible in the traffic.
            }

            _peers.TryRemove(peer, out _);
            Disconnected?.Invoke(peer);
        }
    }

    private static async Task<string?> CheckBasicAuthAsync(HttpContext context, string stationId, Func<string, string, ValueTask<bool>> authorize)
    {
        var header = context.Request.Headers.Authorization.ToString();
        const string Scheme = "Basic ";
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return "Basic authentication required";
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[Scheme.Length..].Trim()));
        }
        catch (FormatException)
        {
            return "Authorization header is not valid base64";
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return "Authorization header lacks user:password";
        }

        // The user name must be the station identity (security profiles 1 and 2).
        var user = decoded[..colon];
        if (user != stationId)
        {
            return $"Basic auth user '{user}' is not the station id '{stationId}'";
        }

        return await authorize(stationId, decoded[(colon + 1)..]).ConfigureAwait(false) ? null : "Basic auth rejected";
    }

    private async Task RejectAsync(HttpContext context, string? stationId, int status, string reason)
    {
        Rejected?.Invoke(new OcppServerRejection(stationId, status, reason));
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(reason, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>The last path segment, unescaped from the raw request target so an escaped '/' stays in the id.</summary>
    private static string? StationIdOf(HttpContext context)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? string.Empty;
        var query = target.IndexOf('?', StringComparison.Ordinal);
        var path = query >= 0 ? target[..query] : target;
        var segment = path[(path.LastIndexOf('/') + 1)..];
        return segment.Length == 0 ? null : Uri.UnescapeDataString(segment);
    }
}
