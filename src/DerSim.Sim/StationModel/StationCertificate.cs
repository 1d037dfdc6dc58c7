using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DerSim.Sim.StationModel;

/// <summary>
/// The station's own Charging Station Certificate (security profile 3): the key pair it makes for a certificate
/// signing request, the chain the CSMS sends back, checked before it is used, and the certificate it then presents
/// as its TLS client certificate from the next connection on (OCPP 2.0.1 A02 by request of the CSMS, A03 on its own).
/// </summary>
public sealed class StationCertificate : IDisposable
{
    private readonly Lock _gate = new();
    private ECDsa? _pendingKey;
    private X509Certificate2? _current;
    private IReadOnlyList<X509Certificate2> _trustedRoots = [];
    private IReadOnlyList<X509Certificate2> _issuers = [];

    /// <summary>The installed certificate with its private key, or null while the station has none of its own making.</summary>
    public X509Certificate2? Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    /// <summary>
    /// The certificates that came with <see cref="Current"/> in its chain, leaf's issuer first (sub-CAs, then the root
    /// when the chain carried it); empty while the station has no certificate of its own making.
    /// </summary>
    public IReadOnlyList<X509Certificate2> Issuers
    {
        get
        {
            lock (_gate)
            {
                return _issuers;
            }
        }
    }

    /// <summary>Whether a signing request waits for its certificate.</summary>
    public bool Pending
    {
        get
        {
            lock (_gate)
            {
                return _pendingKey is not null;
            }
        }
    }

    /// <summary>
    /// The roots a new certificate's chain must lead to (the CSMS root the station trusts). The default value is none:
    /// the chain must then be complete in itself, up to a self-signed certificate it carries.
    /// </summary>
    public IReadOnlyList<X509Certificate2> TrustedRoots
    {
        get
        {
            lock (_gate)
            {
                return _trustedRoots;
            }
        }

        set
        {
            ArgumentNullException.ThrowIfNull(value);
            lock (_gate)
            {
                _trustedRoots = value;
            }
        }
    }

    /// <summary>
    /// Makes a new key pair (ECDSA P-256; A02.FR.02: a new pair for every request) and a PKCS#10 request for it whose
    /// subject names the station (CN = station id, O = the operator's organisation), as PEM for SignCertificate. The
    /// key stays in the station until the signed certificate comes back.
    /// </summary>
    public string NewSigningRequest(string stationId, string organization)
    {
        ArgumentException.ThrowIfNullOrEmpty(stationId);
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var subject = new X500DistinguishedNameBuilder();
        subject.AddOrganizationName(string.IsNullOrEmpty(organization) ? "DerSim" : organization);
        subject.AddCommonName(stationId);
        var request = new CertificateRequest(subject.Build(), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement, true));
        var pem = request.CreateSigningRequestPem();
        lock (_gate)
        {
            _pendingKey?.Dispose();
            _pendingKey = key;
        }

        return pem;
    }

    /// <summary>
    /// Checks the PEM chain the CSMS sent (leaf first) and, when it holds, installs it for the next connection: it must
    /// parse, its leaf must carry the key of the pending request, be valid at <paramref name="now"/> and lead through
    /// the chain's own certificates to <see cref="TrustedRoots"/> (A02/A03: the station verifies the certificate it is
    /// sent and rejects an invalid one).
    /// </summary>
    public StationCertificateCheck Install(string pemChain, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(pemChain);
        var chain = new X509Certificate2Collection();
        try
        {
            chain.ImportFromPem(pemChain);
        }
        catch (CryptographicException ex)
        {
            return StationCertificateCheck.Invalid($"the chain is not PEM certificates ({ex.Message})");
        }

        if (chain.Count == 0)
        {
            return StationCertificateCheck.Invalid("the chain holds no certificate");
        }

        lock (_gate)
        {
            var leaf = chain[0];
            if (_pendingKey is not { } key)
            {
                return StationCertificateCheck.Invalid("no signing request of the station waits for a certificate");
            }

            using var leafKey = leaf.GetECDsaPublicKey();
            if (leafKey is null || !leafKey.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(key.ExportSubjectPublicKeyInfo()))
            {
                return StationCertificateCheck.Invalid($"the certificate {leaf.Subject} is not for the key of the station's signing request");
            }

            if (now < leaf.NotBefore.ToUniversalTime() || now > leaf.NotAfter.ToUniversalTime())
            {
                return StationCertificateCheck.Invalid($"the certificate {leaf.Subject} is valid from {leaf.NotBefore:u} to {leaf.NotAfter:u}, not at {now:u}");
            }

            using var path = new X509Chain();
            path.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            path.ChainPolicy.VerificationTime = now.UtcDateTime;
            path.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            for (var i = 1; i < chain.Count; i++)
            {
                path.ChainPolicy.ExtraStore.Add(chain[i]);
            }

            var roots = _trustedRoots.Count > 0 ? _trustedRoots : chain.Skip(1).Where(c => c.SubjectName.RawData.AsSpan().SequenceEqual(c.IssuerName.RawData)).ToList();
            foreach (var root in roots)
            {
                path.ChainPolicy.CustomTrustStore.Add(root);
            }

            if (!path.Build(leaf))
            {
                var why = string.Join("; ", path.ChainStatus.Select(s => s.StatusInformation.Trim()).Where(s => s.Length > 0).Distinct());
                return StationCertificateCheck.Invalid($"the certificate {leaf.Subject} does not lead to a root the station trusts ({(why.Length > 0 ? why : "no path")})");
            }

            _current?.Dispose();
            _current = leaf.CopyWithPrivateKey(key);
            _issuers = [.. chain.Skip(1)];
            key.Dispose();
            _pendingKey = null;
            return StationCertificateCheck.Valid(_current.Subject);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _pendingKey?.Dispose();
            _current?.Dispose();
        }
    }
}
