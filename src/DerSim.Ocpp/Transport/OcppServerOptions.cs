using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using DerSim.Ocpp.Rpc;

namespace DerSim.Ocpp.Transport;

/// <summary>How an <see cref="OcppServer"/> listens, negotiates and authenticates.</summary>
public sealed record OcppServerOptions
{
    /// <summary>The action table per negotiated version; plug the generated tables in here.</summary>
    public required Func<OcppVersion, IOcppActionTable> ActionTables { get; init; }

    /// <summary>The address to listen on. The default value is 127.0.0.1.</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>The port; 0 picks a free one (see <see cref="OcppServer.Port"/>). The default value is 0.</summary>
    public int Port { get; init; }

    /// <summary>
    /// The versions accepted, in order of preference: the first one the client also offers is selected.
    /// The default value is 2.1, 2.0.1, 1.6.
    /// </summary>
    public IReadOnlyList<OcppVersion> Versions { get; init; } = [OcppVersion.V21, OcppVersion.V201, OcppVersion.V16];

    /// <summary>
    /// Security profiles 1/2: when set, every upgrade must carry <c>Authorization: Basic</c> whose user is the
    /// station id and whose password this callback accepts (arguments: station id, password); otherwise HTTP 401.
    /// The default value is <see langword="null"/> (no authentication).
    /// </summary>
    public Func<string, string, ValueTask<bool>>? BasicAuth { get; init; }

    /// <summary>Serve wss:// with this certificate (must include its private key). The default value is <see langword="null"/> (ws://).</summary>
    public X509Certificate2? ServerCertificate { get; init; }

    /// <summary>Security profile 3: require a client certificate during the TLS handshake. The default value is <see langword="false"/>.</summary>
    public bool RequireClientCertificate { get; init; }

    /// <summary>
    /// Decides whether a client certificate is acceptable. The default value is <see langword="null"/>:
    /// accept only certificates that validate against the system trust store.
    /// </summary>
    public Func<X509Certificate2, X509Chain?, SslPolicyErrors, bool>? ClientCertificateValidation { get; init; }

    /// <summary>WebSocket ping interval. The default value is 30 seconds.</summary>
    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Options of the RPC peer created per connection. The default value is <see cref="OcppRpcOptions"/>'s defaults.</summary>
    public OcppRpcOptions Rpc { get; init; } = new();

    /// <summary>Clock for the peers. The default value is <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
