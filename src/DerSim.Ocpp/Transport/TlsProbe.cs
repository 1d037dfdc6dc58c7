using System.Buffers.Binary;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace DerSim.Ocpp.Transport;

/// <summary>
/// TLS handshakes with a CSMS outside a WebSocket connection, for the checks of its TLS endpoint (OCPP 2.0.1
/// A00.FR.306–318): which version it negotiates, and what it does with a station that offers only TLS 1.0 or 1.1.
/// </summary>
public static class TlsProbe
{
    // ECDHE and RSA key exchange, CBC with SHA-1: suites a TLS 1.0/1.1 server can pick with an RSA or ECDSA certificate.
    private static readonly ushort[] OldSuites = [0xC014, 0xC013, 0xC00A, 0xC009, 0x0035, 0x002F, 0x000A];

    /// <summary>
    /// Sends a ClientHello whose highest version is TLS <paramref name="version"/> ("1.0" or "1.1") to the host of <paramref name="url"/>, and reads what comes back. The hello is
    /// written here byte by byte, not by the platform's TLS library: OpenSSL 3 refuses to offer these versions at its
    /// default security level, which would make every CSMS look like it refused them.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="version"/> is not "1.0" or "1.1".</exception>
    /// <exception cref="SocketException">The CSMS's port could not be reached at all.</exception>
    public static async Task<TlsProbeOutcome> OfferOnlyAsync(Uri url, string version, TimeSpan timeout, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        var wire = version switch
        {
            "1.0" => (ushort)0x0301,
            "1.1" => (ushort)0x0302,
            _ => throw new ArgumentOutOfRangeException(nameof(version), version, "expected TLS \"1.0\" or \"1.1\""),
        };

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(url.Host, Port(url), limit.Token).ConfigureAwait(false);
        var stream = tcp.GetStream();
        try
        {
            await stream.WriteAsync(ClientHello(wire, url.HostNameType == UriHostNameType.Dns ? url.Host : null), limit.Token).ConfigureAwait(false);
            var header = new byte[5];
            if (!await ReadExactlyAsync(stream, header, limit.Token).ConfigureAwait(false))
            {
                return new TlsProbeOutcome(false, "closed the connection without a ServerHello");
            }

            var body = new byte[Math.Min((int)BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(3)), 16 * 1024)];
            var complete = await ReadExactlyAsync(stream, body, limit.Token).ConfigureAwait(false);
            return header[0] switch
            {
                0x15 when complete && body.Length >= 2 => new TlsProbeOutcome(false, $"alert {AlertName(body[1])} ({body[1]})"),
                0x16 when complete && body.Length >= 6 && body[0] == 0x02 =>
                    new TlsProbeOutcome(true, $"ServerHello at {VersionName(BinaryPrimitives.ReadUInt16BigEndian(body.AsSpan(4)))}"),
                _ => new TlsProbeOutcome(false, $"answered a record of type {header[0]} that is no ServerHello"),
            };
        }
        catch (IOException ex) when (ex.InnerException is SocketException)
        {
            return new TlsProbeOutcome(false, "reset the connection");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new TlsProbeOutcome(false, $"sent nothing within {timeout.TotalSeconds:0.#} s and kept the connection open");
        }
    }

    /// <summary>
    /// Completes a TLS handshake with the host of <paramref name="url"/> as the station would (the platform's protocol
    /// choice, the host name checked, <paramref name="trustedCa"/> trusted besides the system store, the client
    /// certificate of security profile 3 when given), and tells what it negotiated.
    /// </summary>
    /// <exception cref="AuthenticationException">The handshake failed (the message says why).</exception>
    public static async Task<TlsSessionFacts> HandshakeAsync(Uri url, X509Certificate2? trustedCa, X509Certificate2? clientCertificate, TimeSpan timeout, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(url.Host, Port(url), limit.Token).ConfigureAwait(false);
        SslPolicyErrors? refused = null;
        await using var tls = new SslStream(tcp.GetStream(), false);
        try
        {
            await tls.AuthenticateAsClientAsync(
                new SslClientAuthenticationOptions
                {
                    TargetHost = url.Host,
                    ClientCertificates = clientCertificate is null ? null : [clientCertificate],
                    RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                    {
                        var accepted = certificate is not null
                            && (errors == SslPolicyErrors.None || (trustedCa is not null && OcppClient.ChainsTo(certificate, errors, trustedCa)));
                        refused = accepted ? null : errors;
                        return accepted;
                    },
                },
                limit.Token).ConfigureAwait(false);
        }
        catch (AuthenticationException ex) when (refused is { } errors)
        {
            throw new AuthenticationException($"server certificate not trusted ({errors})", ex);
        }

        var remote = tls.RemoteCertificate is { } c ? X509CertificateLoader.LoadCertificate(c.GetRawCertData()) : null;
        using (remote)
        {
            return new TlsSessionFacts(tls.SslProtocol, tls.NegotiatedCipherSuite, remote?.Subject ?? "", remote?.SerialNumber ?? "");
        }
    }

    private static int Port(Uri url) => url.IsDefaultPort || url.Port < 0 ? (url.Scheme is "wss" or "https" ? 443 : 80) : url.Port;

    private static byte[] ClientHello(ushort version, string? serverName)
    {
        var extensions = new List<byte>();
        if (serverName is not null)
        {
            var name = Encoding.ASCII.GetBytes(serverName);
            Extension(extensions, 0x0000, [.. U16(name.Length + 3), 0x00, .. U16(name.Length), .. name]);
        }

        Extension(extensions, 0x000A, [.. U16(6), 0x00, 0x17, 0x00, 0x18, 0x00, 0x1D]); // supported groups: P-256, P-384, X25519
        Extension(extensions, 0x000B, [0x01, 0x00]); // EC point formats: uncompressed
        Extension(extensions, 0xFF01, [0x00]); // secure renegotiation, empty

        var hello = new List<byte>();
        hello.AddRange(U16(version));
        hello.AddRange(RandomNumberGenerator.GetBytes(32));
        hello.Add(0x00); // no session id
        hello.AddRange(U16(OldSuites.Length * 2));
        foreach (var suite in OldSuites)
        {
            hello.AddRange(U16(suite));
        }

        hello.AddRange([0x01, 0x00]); // compression: null only (A00.FR.321)
        hello.AddRange(U16(extensions.Count));
        hello.AddRange(extensions);

        byte[] handshake = [0x01, (byte)(hello.Count >> 16), (byte)(hello.Count >> 8), (byte)hello.Count, .. hello];
        return [0x16, 0x03, 0x01, .. U16(handshake.Length), .. handshake];
    }

    private static void Extension(List<byte> into, ushort type, byte[] data)
    {
        into.AddRange(U16(type));
        into.AddRange(U16(data.Length));
        into.AddRange(data);
    }

    private static byte[] U16(int value) => [(byte)(value >> 8), (byte)value];

    private static async Task<bool> ReadExactlyAsync(Stream stream, byte[] buffer, CancellationToken ct)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(read), ct).ConfigureAwait(false);
            if (n == 0)
            {
                return false;
            }

            read += n;
        }

        return true;
    }

    private static string VersionName(ushort version) => version switch
    {
        0x0300 => "SSL 3.0",
        0x0301 => "TLS 1.0",
        0x0302 => "TLS 1.1",
        0x0303 => "TLS 1.2",
        _ => $"version 0x{version:X4}",
    };

    private static string AlertName(byte description) => description switch
    {
        40 => "handshake_failure",
        70 => "protocol_version",
        71 => "insufficient_security",
        80 => "internal_error",
        _ => "description",
    };
}
