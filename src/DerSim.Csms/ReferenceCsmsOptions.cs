using System.Net;
using System.Security.Cryptography.X509Certificates;
using DerSim.Ocpp;
using DerSim.Ocpp.Rpc;

namespace DerSim.Csms;

/// <summary>How the reference CSMS listens and answers. Each default is documented on its property.</summary>
public sealed record ReferenceCsmsOptions
{
    /// <summary>The address to listen on. The default value is 127.0.0.1.</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>The port; 0 picks a free one. The default value is 0 (<c>dersim csms</c> uses 8180).</summary>
    public int Port { get; init; }

    /// <summary>The versions accepted, most preferred first. The default value is 2.1, 2.0.1, 1.6.</summary>
    public IReadOnlyList<OcppVersion> Versions { get; init; } = [OcppVersion.V21, OcppVersion.V201, OcppVersion.V16];

    /// <summary>The BootNotification verdict. The default value is Accepted.</summary>
    public CsmsBootStatus BootStatus { get; init; } = CsmsBootStatus.Accepted;

    /// <summary>Heartbeat interval (Accepted) or retry interval (Pending/Rejected) in seconds. The default value is 10.</summary>
    public int HeartbeatIntervalSeconds { get; init; } = 10;

    /// <summary>Tokens answered Accepted; any other gets Invalid. Null accepts every token. The default value is null.</summary>
    public IReadOnlySet<string>? AcceptedTokens { get; init; }

    /// <summary>
    /// What the CSMS knows of particular tokens (status and group), seeded from the target declaration: its valid tokens
    /// Accepted, its unknown one Invalid, blocked Blocked, expired Expired. A token not listed is answered as
    /// <see cref="AcceptedTokens"/> says. The default value is none.
    /// </summary>
    public IReadOnlyDictionary<string, CsmsToken> Tokens { get; init; } = System.Collections.ObjectModel.ReadOnlyDictionary<string, CsmsToken>.Empty;

    /// <summary>Basic-auth password every station must present; null asks for none. The default value is null.</summary>
    public string? Password { get; init; }

    /// <summary>
    /// Basic-auth passwords per station id, over <see cref="Password"/> (security profiles 1 and 2); a station with
    /// neither is refused once any password is set. The default value is none.
    /// </summary>
    public IReadOnlyDictionary<string, string> Passwords { get; init; } = System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty;

    /// <summary>Whether stations must authenticate with Basic auth.</summary>
    public bool RequiresPassword => Password is not null || Passwords.Count > 0;

    /// <summary>The password station <paramref name="stationId"/> must present: its own, else <see cref="Password"/>.</summary>
    public string? PasswordOf(string stationId) => Passwords.TryGetValue(stationId, out var own) ? own : Password;

    /// <summary>Server certificate for wss://; null serves plain ws://. The default value is null.</summary>
    public X509Certificate2? ServerCertificate { get; init; }

    /// <summary>Whether stations must present a client certificate (security profile 3). The default value is false.</summary>
    public bool RequireClientCertificate { get; init; }

    /// <summary>
    /// Decides whether a station's client certificate is trusted (security profile 3); null uses the system's
    /// chain validation. The default value is null.
    /// </summary>
    public Func<X509Certificate2, X509Chain?, System.Net.Security.SslPolicyErrors, bool>? ClientCertificateValidation { get; init; }

    /// <summary>
    /// The CA (with its private key) that signs the stations' certificate signing requests (SignCertificate, 2.0.1
    /// A02/A03); null makes the CSMS a throw-away CA of its own on first use. The default value is null.
    /// </summary>
    public X509Certificate2? CertificateAuthority { get; init; }

    /// <summary>
    /// Server certificate of a second, TLS listener beside the first (plain) one, for stations moved to security
    /// profile 2 (Basic auth over TLS, OCPP 2.0.1 A05); null opens none. A station that connected over it is refused on
    /// the first listener from then on: after an upgrade the CSMS no longer admits the station with the lower profile
    /// (A05). The default value is null.
    /// </summary>
    public X509Certificate2? UpgradeServerCertificate { get; init; }

    /// <summary>RPC settings: timeouts and schema validation. The default validates both ways with DerSim's own schemas.</summary>
    public OcppRpcOptions Rpc { get; init; } = new();

    /// <summary>The clock for message timestamps. The default value is the system clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
