using System.Buffers;
using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace DerSim.Ocpp.Transport;

/// <summary>
/// Opens a client WebSocket (RFC 6455 §4.1) over a socket of its own: TCP, TLS for <c>wss</c>, the HTTP/1.1 upgrade,
/// then <see cref="WebSocket.CreateFromStream(Stream, WebSocketCreationOptions)"/>. <see cref="ClientWebSocket"/> keeps
/// the HTTP connection it upgraded for the socket's life (two 4 KB buffers, a connection pool and its settings: ~10 KB
/// a connection); a load run of 10,000 stations holds 10,000 connections for hours, so the station dials itself and keeps
/// only the socket, the TLS stream and the WebSocket.
/// </summary>
internal static class WebSocketDialer
{
    // RFC 6455 §1.3: the GUID appended to Sec-WebSocket-Key before hashing it into Sec-WebSocket-Accept.
    private const string AcceptGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    // The upgrade response's head (status line and headers) may take at most this much; a CSMS answering more is broken.
    private const int MaxResponseHeadBytes = 16 * 1024;

    /// <summary>Dials <see cref="WebSocketDialRequest.Url"/>; throws <see cref="WebSocketDialException"/> for an answer that is not an upgrade.</summary>
    public static async Task<WebSocketDialResult> ConnectAsync(WebSocketDialRequest request, CancellationToken ct)
    {
        var url = request.Url;
        var secure = url.Scheme is "wss" or "https";
        var port = url.IsDefaultPort ? (secure ? 443 : 80) : url.Port;
        var proxy = request.Proxy;
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(proxy?.IdnHost ?? url.IdnHost, proxy?.Port ?? port, ct).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        Stream stream = new NetworkStream(socket, ownsSocket: true);
        try
        {
            if (proxy is not null)
            {
                stream = await TunnelAsync(stream, request, port, ct).ConfigureAwait(false);
            }

            if (secure)
            {
                var tls = new SslStream(stream, leaveInnerStreamOpen: false);
                stream = tls;
                await tls.AuthenticateAsClientAsync(
                    new SslClientAuthenticationOptions
                    {
                        TargetHost = url.IdnHost,
                        ClientCertificates = request.ClientCertificate is { } certificate ? [certificate] : null,
                        RemoteCertificateValidationCallback = request.ServerCertificateValidation,
                    },
                    ct).ConfigureAwait(false);
            }

            var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
            await stream.WriteAsync(Encoding.ASCII.GetBytes(RequestHead(request, key, port)), ct).ConfigureAwait(false);
            await stream.FlushAsync(ct).ConfigureAwait(false);
            var (head, extra) = await ReadResponseHeadAsync(stream, ct).ConfigureAwait(false);
            var response = ParseHead(head);
            if (response.Status != HttpStatusCode.SwitchingProtocols)
            {
                throw new WebSocketDialException($"HTTP {(int)response.Status}", response);
            }

            if (!HeaderHas(response, "Upgrade", "websocket") || !HeaderHas(response, "Connection", "upgrade"))
            {
                throw new WebSocketDialException("the 101 answer does not upgrade to websocket (Upgrade/Connection headers)", response);
            }

#pragma warning disable CA5350 // RFC 6455 §4.2.2 defines Sec-WebSocket-Accept as the SHA-1 of the key: a handshake check, not security.
            var expected = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + AcceptGuid)));
#pragma warning restore CA5350
            if (response.Header("Sec-WebSocket-Accept") != expected)
            {
                throw new WebSocketDialException("Sec-WebSocket-Accept does not match the key sent (RFC 6455 §4.1)", response);
            }

            var chosen = response.Header("Sec-WebSocket-Protocol");
            if (chosen is not null && !request.Subprotocols.Contains(chosen, StringComparer.Ordinal))
            {
                throw new WebSocketDialException("the subprotocol chosen was not offered", response) { SubprotocolRefused = true };
            }

            if (extra.Length > 0)
            {
                // The CSMS wrote its first frame right behind the upgrade answer, in the same read.
                stream = new ReplayStream(extra, stream);
            }

            // The keep-alive runs on the request's time provider (see PingingStream), not the WebSocket's own timer.
            var pinging = request.PingInterval > TimeSpan.Zero ? new PingingStream(stream, request.PingInterval, request.Time, request.PingTimeout) : null;
            var webSocket = WebSocket.CreateFromStream(pinging ?? stream, new WebSocketCreationOptions
            {
                IsServer = false,
                SubProtocol = chosen,
                KeepAliveInterval = TimeSpan.Zero,
            });
            pinging?.Attach(webSocket);
            return new WebSocketDialResult(webSocket, chosen);
        }
        catch
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Opens a tunnel to the CSMS through an HTTP proxy (RFC 9110 §9.3.6 CONNECT), for <c>ws</c> and <c>wss</c> alike, as
    /// <see cref="ClientWebSocket"/> does: a proxy cannot read or cache a WebSocket, and the CSMS sees the upgrade as sent.
    /// </summary>
    private static async Task<Stream> TunnelAsync(Stream stream, WebSocketDialRequest request, int port, CancellationToken ct)
    {
        var authority = Authority(request.Url, port, withDefaultPort: true);
        var head = new StringBuilder(128)
            .Append("CONNECT ").Append(authority).Append(" HTTP/1.1\r\n")
            .Append("Host: ").Append(authority).Append("\r\n");
        if (request.ProxyAuthorization is { } credentials)
        {
            head.Append("Proxy-Authorization: ").Append(credentials).Append("\r\n");
        }

        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.Append("\r\n").ToString()), ct).ConfigureAwait(false);
        await stream.FlushAsync(ct).ConfigureAwait(false);
        var (answer, extra) = await ReadResponseHeadAsync(stream, ct).ConfigureAwait(false);
        var response = ParseHead(answer);
        if ((int)response.Status is < 200 or > 299)
        {
            throw new WebSocketDialException($"the proxy answered the tunnel request with HTTP {(int)response.Status}", response) { ProxyRefused = true };
        }

        // The CSMS says nothing before the station's TLS hello or upgrade request; bytes already here are the CSMS's all the same.
        return extra.Length > 0 ? new ReplayStream(extra, stream) : stream;
    }

    // host[:port] as the Host header and the CONNECT target write it (RFC 9110 §7.2, §9.3.6): IPv6 literals in brackets;
    // a CONNECT target always carries its port.
    private static string Authority(Uri url, int port, bool withDefaultPort)
    {
        var host = url.HostNameType == UriHostNameType.IPv6 ? $"[{url.IdnHost.Trim('[', ']')}]" : url.IdnHost;
        return url.IsDefaultPort && !withDefaultPort ? host : $"{host}:{port.ToString(CultureInfo.InvariantCulture)}";
    }

    private static string RequestHead(WebSocketDialRequest request, string key, int port)
    {
        var url = request.Url;
        var host = Authority(url, port, withDefaultPort: false);

        var head = new StringBuilder(256)
            .Append("GET ").Append(url.GetComponents(UriComponents.PathAndQuery, UriFormat.UriEscaped)).Append(" HTTP/1.1\r\n")
            .Append("Host: ").Append(host).Append("\r\n")
            .Append("Upgrade: websocket\r\nConnection: Upgrade\r\n")
            .Append("Sec-WebSocket-Key: ").Append(key).Append("\r\n")
            .Append("Sec-WebSocket-Version: 13\r\n");
        if (request.Subprotocols.Count > 0)
        {
            head.Append("Sec-WebSocket-Protocol: ").AppendJoin(", ", request.Subprotocols).Append("\r\n");
        }

        if (request.Authorization is { } authorization)
        {
            head.Append("Authorization: ").Append(authorization).Append("\r\n");
        }

        return head.Append("\r\n").ToString();
    }

    // Reads until the blank line that ends the head; what came after it in the same read belongs to the WebSocket.
    private static async Task<(string Head, byte[] Extra)> ReadResponseHeadAsync(Stream stream, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(4096);
        try
        {
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (buffer.Length >= MaxResponseHeadBytes)
                    {
                        throw new WebSocketDialException($"the upgrade answer's headers exceed {MaxResponseHeadBytes / 1024} KB", null);
                    }

                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await stream.ReadAsync(buffer.AsMemory(length, Math.Min(buffer.Length, MaxResponseHeadBytes) - length), ct).ConfigureAwait(false);
                if (read == 0)
                {
                    throw new WebSocketDialException("the connection ended before the upgrade answer", null) { EndedBeforeAnswer = true };
                }

                var from = Math.Max(0, length - 3);
                length += read;
                var end = buffer.AsSpan(from, length - from).IndexOf("\r\n\r\n"u8);
                if (end >= 0)
                {
                    var headLength = from + end + 4;
                    return (Encoding.Latin1.GetString(buffer, 0, headLength), buffer.AsSpan(headLength, length - headLength).ToArray());
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static WebSocketDialResponse ParseHead(string head)
    {
        var lines = head.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        // Status line: HTTP/1.1 101 Switching Protocols.
        var status = lines[0].Split(' ', 3);
        if (status.Length < 2 || !status[0].StartsWith("HTTP/1.", StringComparison.Ordinal) || !int.TryParse(status[1], NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            throw new WebSocketDialException($"not an HTTP/1.1 answer: {lines[0]}", null);
        }

        var headers = new List<KeyValuePair<string, string>>();
        foreach (var line in lines.AsSpan(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
            }
        }

        return new WebSocketDialResponse((HttpStatusCode)code, headers);
    }

    // A header's comma-separated tokens include the value (Connection: keep-alive, Upgrade), case-insensitive.
    private static bool HeaderHas(WebSocketDialResponse response, string name, string token) =>
        response.Headers.Where(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase))
            .SelectMany(h => h.Value.Split(',', StringSplitOptions.TrimEntries))
            .Any(v => v.Equals(token, StringComparison.OrdinalIgnoreCase));

    /// <summary>Gives the bytes read past the upgrade answer first, then the connection's.</summary>
    private sealed class ReplayStream(byte[] replay, Stream inner) : WrappingStream(inner)
    {
        private int _offset;

        public override int Read(Span<byte> buffer)
        {
            if (_offset < replay.Length)
            {
                var n = Math.Min(buffer.Length, replay.Length - _offset);
                replay.AsSpan(_offset, n).CopyTo(buffer);
                _offset += n;
                return n;
            }

            return Inner.Read(buffer);
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            _offset < replay.Length ? ValueTask.FromResult(Read(buffer.Span)) : Inner.ReadAsync(buffer, cancellationToken);
    }
}

/// <summary>What to dial and how.</summary>
/// <param name="Url">The <c>ws</c> or <c>wss</c> URL, station id included.</param>
/// <param name="Subprotocols">Offered, in order of preference.</param>
/// <param name="Authorization">The Authorization header's value, or null.</param>
/// <param name="ClientCertificate">Presented in the TLS handshake, or null.</param>
/// <param name="ServerCertificateValidation">Decides on the CSMS's certificate (wss).</param>
/// <param name="PingInterval">WebSocket PING interval (an unanswered PING drops the connection one interval later); zero for none.</param>
internal sealed record WebSocketDialRequest(
    Uri Url,
    IReadOnlyList<string> Subprotocols,
    string? Authorization,
    X509Certificate2? ClientCertificate,
    RemoteCertificateValidationCallback ServerCertificateValidation,
    TimeSpan PingInterval)
{
    /// <summary>The keep-alive's timer: the real time, or <c>./sim</c>'s timer wheel. The default value is <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>How long a PING may go unanswered before the connection is dropped; null (the default) for one <see cref="PingInterval"/>.</summary>
    public TimeSpan? PingTimeout { get; init; }

    /// <summary>The HTTP proxy to tunnel through (<c>http://host:port</c>), or null to dial the CSMS directly.</summary>
    public Uri? Proxy { get; init; }

    /// <summary>The Proxy-Authorization header's value for <see cref="Proxy"/>, or null.</summary>
    public string? ProxyAuthorization { get; init; }
}

/// <summary>An open WebSocket and the subprotocol the CSMS chose (null: none).</summary>
internal sealed record WebSocketDialResult(WebSocket Socket, string? Subprotocol);

/// <summary>The head of an upgrade answer.</summary>
internal sealed record WebSocketDialResponse(HttpStatusCode Status, IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    /// <summary>A header's value (the first of that name, case-insensitive), or null.</summary>
    public string? Header(string name) => Headers.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;
}

/// <summary>The CSMS answered the upgrade with something other than an upgrade, or not at all.</summary>
internal sealed class WebSocketDialException(string message, WebSocketDialResponse? response) : IOException(message)
{
    /// <summary>The answer's head, when one came.</summary>
    public WebSocketDialResponse? Response { get; } = response;

    /// <summary>The CSMS chose a subprotocol the station did not offer.</summary>
    public bool SubprotocolRefused { get; init; }

    /// <summary>The proxy answered the tunnel request (CONNECT) with something other than 2xx; <see cref="Response"/> is its answer.</summary>
    public bool ProxyRefused { get; init; }

    /// <summary>The connection ended before any answer (after TLS 1.3, a refused client certificate looks like this).</summary>
    public bool EndedBeforeAnswer { get; init; }
}
