using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using DerSim.Ocpp.Rpc;

namespace DerSim.Ocpp.Transport;

/// <summary>How a charging station connects to its CSMS.</summary>
public sealed record OcppClientOptions
{
    /// <summary>
    /// The CSMS base URL (ws://, wss://; http/https are mapped to them). The station id is always appended as
    /// the last path segment, escaped: <c>ws://csms/ocpp</c> + <c>CS 1</c> → <c>ws://csms/ocpp/CS%201</c>.
    /// </summary>
    public required Uri Url { get; init; }

    /// <summary>The charging station identity.</summary>
    public required string StationId { get; init; }

    /// <summary>The OCPP version; only its subprotocol is offered.</summary>
    public required OcppVersion Version { get; init; }

    /// <summary>
    /// The subprotocols the upgrade request offers, in order (Sec-WebSocket-Protocol), for a test of the CSMS's
    /// negotiation (e.g. an unknown one before the version's). The connection still needs the CSMS to pick
    /// <see cref="Version"/>'s. The default value is <see langword="null"/>: only the version's subprotocol.
    /// </summary>
    public IReadOnlyList<string>? OfferedSubprotocols { get; init; }

    /// <summary>
    /// Security profiles 1 and 2: sends <c>Authorization: Basic base64(StationId:password)</c>.
    /// The default value is <see langword="null"/> (no Authorization header).
    /// </summary>
    public string? BasicAuthPassword { get; init; }

    /// <summary>
    /// The user name of the Basic-auth header. OCPP says it is the station id (2.0.1 A00.FR.203); only a test that
    /// checks the CSMS refuses another one sets it. The default value is <see langword="null"/>: <see cref="StationId"/>.
    /// </summary>
    public string? BasicAuthUsername { get; init; }

    /// <summary>Security profile 3: the client certificate for mutual TLS. The default value is <see langword="null"/>.</summary>
    public X509Certificate2? ClientCertificate { get; init; }

    /// <summary>
    /// A CA (or self-signed server certificate) to trust in addition to the system store, for wss:// to a test
    /// CSMS. Host-name checks still apply. The default value is <see langword="null"/> (system validation only).
    /// </summary>
    public X509Certificate2? TrustedCaCertificate { get; init; }

    /// <summary>
    /// Replaces server certificate validation entirely when set (explicit opt-in; nothing is disabled silently).
    /// The default value is <see langword="null"/>: system validation, plus <see cref="TrustedCaCertificate"/> if set.
    /// </summary>
    public Func<X509Certificate2, X509Chain?, SslPolicyErrors, bool>? ServerCertificateValidation { get; init; }

    /// <summary>
    /// How often the station sends a WebSocket PING (OCPP's <c>WebSocketPingInterval</c>); a PONG must follow within one
    /// more interval or the connection is dropped. <see cref="TimeSpan.Zero"/> disables client pings. The starting value
    /// of <see cref="OcppClient.PingInterval"/>. The default value is 30 seconds.
    /// </summary>
    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long one connection attempt (TCP, TLS, upgrade) may take, in real time (it bounds socket I/O, not
    /// simulated time). The default value is 10 seconds.
    /// </summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The HTTP proxy the connection goes through, as a tunnel (HTTP CONNECT) for <c>ws</c> and <c>wss</c> alike. Null
    /// (the default) takes the environment's, as <see cref="System.Net.Http.HttpClient.DefaultProxy"/> reads it:
    /// <c>HTTPS_PROXY</c> for <c>wss</c>, <c>HTTP_PROXY</c> for <c>ws</c>, <c>ALL_PROXY</c>, and the hosts of
    /// <c>NO_PROXY</c> dialled directly. A CSMS on a loopback address is always dialled directly. User and password in
    /// the proxy's URL (<c>http://user:password@proxy:3128</c>) are sent as Basic Proxy-Authorization.
    /// </summary>
    public System.Net.IWebProxy? Proxy { get; init; }

    /// <summary>Back-off between connection attempts. The default value is <see cref="OcppReconnectPolicy"/>'s defaults.</summary>
    public OcppReconnectPolicy Reconnect { get; init; } = new();

    /// <summary>Options of the RPC peer created per connection. The default value is <see cref="OcppRpcOptions"/>'s defaults.</summary>
    public OcppRpcOptions Rpc { get; init; } = new();

    /// <summary>The URL actually dialled: <see cref="Url"/> with the escaped station id appended.</summary>
    public Uri StationUrl
    {
        get
        {
            var builder = new UriBuilder(Url)
            {
                Scheme = Url.Scheme switch
                {
                    "http" => "ws",
                    "https" => "wss",
                    _ => Url.Scheme,
                },
            };
            if (builder.Uri.IsDefaultPort)
            {
                builder.Port = -1;
            }

            builder.Path = builder.Path.TrimEnd('/') + "/" + Uri.EscapeDataString(StationId);
            return builder.Uri;
        }
    }
}
