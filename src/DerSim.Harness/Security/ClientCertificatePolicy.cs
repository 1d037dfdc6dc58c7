using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace DerSim.Harness.Security;

/// <summary>
/// Security profile 3 at the CSMS: a client certificate is trusted only when it chains to the given CA and is valid
/// now (OCPP 2.0.1 A00.FR.407: a station without a valid certificate, or with an invalid certification path, has its
/// connection terminated). Which station it names is checked after the handshake, against the URL (A00.FR.405).
/// </summary>
public sealed class ClientCertificatePolicy
{
    private readonly X509Certificate2 _ca;
    private readonly TimeProvider _time;

    /// <summary>Trusts client certificates that <paramref name="ca"/> signed, valid at the time of <paramref name="time"/>.</summary>
    public ClientCertificatePolicy(X509Certificate2 ca, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(ca);
        ArgumentNullException.ThrowIfNull(time);
        _ca = ca;
        _time = time;
    }

    /// <summary>Raised with a one-line reason for every certificate turned away during the TLS handshake.</summary>
    public event Action<string>? Refused;

    /// <summary>The handshake callback: true when <paramref name="certificate"/> is trusted.</summary>
    public bool Validate(X509Certificate2 certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var reason = Problem(certificate);
        if (reason is not null)
        {
            Refused?.Invoke($"client certificate '{certificate.GetNameInfo(X509NameType.SimpleName, false)}' refused: {reason} (OCPP 2.0.1 A00.FR.407)");
        }

        return reason is null;
    }

    /// <summary>Why <paramref name="certificate"/> is not trusted, or null.</summary>
    public string? Problem(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var now = _time.GetUtcNow();
        if (now < certificate.NotBefore.ToUniversalTime() || now > certificate.NotAfter.ToUniversalTime())
        {
            return FormattableString.Invariant($"not valid now (valid {certificate.NotBefore.ToUniversalTime():yyyy-MM-dd HH:mm} to {certificate.NotAfter.ToUniversalTime():yyyy-MM-dd HH:mm} UTC)");
        }

        using var own = new X509Chain();
        own.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        own.ChainPolicy.CustomTrustStore.Add(_ca);
        own.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        own.ChainPolicy.VerificationTime = now.UtcDateTime;
        own.ChainPolicy.VerificationTimeIgnored = false;
        if (own.Build(certificate))
        {
            return null;
        }

        var status = string.Join(", ", own.ChainStatus.Select(s => s.Status.ToString()).Distinct(StringComparer.Ordinal));
        return $"not signed by the client CA '{_ca.GetNameInfo(X509NameType.SimpleName, false)}' ({status})";
    }
}
