using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace DerSim.Sim.StationModel;

/// <summary>
/// The EV's side of ISO 15118 Plug &amp; Charge as the station relays it (OCPP 2.0.1 M01 install, M02 update): the EV's
/// OEM provisioning certificate and key, and the contract certificate chain it receives.
/// <para>
/// ISO 15118 carries CertificateInstallationReq/Res and CertificateUpdateReq/Res as EXI, which DerSim does not encode.
/// OCPP treats exiRequest and exiResponse as opaque base64 the CSMS relays to the PKI, so DerSim uses a stand-in that
/// carries the same facts without EXI: the exiRequest is the base64 of the DER certificate the EV presents (its OEM
/// provisioning certificate to install, its current contract certificate to update); the exiResponse is the base64 of
/// the UTF-8 PEM contract certificate chain, contract certificate first, issued for the key of the presented
/// certificate (ISO 15118-2 has the MO make the contract key and send it encrypted; the stand-in keeps the EV's key).
/// </para>
/// </summary>
public sealed class EvContractCertificates : IDisposable
{
    private readonly Lock _gate = new();
    private ECDsa? _key;
    private X509Certificate2? _provisioning;
    private X509Certificate2? _contract;
    private IReadOnlyList<X509Certificate2> _issuers = [];

    /// <summary>The installed contract certificate, or null before an installation.</summary>
    public X509Certificate2? Contract
    {
        get
        {
            lock (_gate)
            {
                return _contract;
            }
        }
    }

    /// <summary>The certificates that came with <see cref="Contract"/>, its issuer first.</summary>
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

    /// <summary>
    /// The exiRequest stand-in of a CertificateInstallationReq: the base64 DER of the EV's OEM provisioning certificate
    /// (made on first use: ECDSA P-256, self-signed by the EV's maker, valid from <paramref name="now"/> for a year).
    /// </summary>
    public string InstallRequest(DateTimeOffset now)
    {
        lock (_gate)
        {
            return Convert.ToBase64String(Provisioning(now).RawData);
        }
    }

    /// <summary>
    /// The exiRequest stand-in of a CertificateUpdateReq: the base64 DER of the EV's current contract certificate.
    /// </summary>
    /// <exception cref="InvalidOperationException">The EV has no contract certificate to update yet.</exception>
    public string UpdateRequest()
    {
        lock (_gate)
        {
            return _contract is { } contract
                ? Convert.ToBase64String(contract.RawData)
                : throw new InvalidOperationException("the EV has no contract certificate to update: install one first");
        }
    }

    /// <summary>
    /// Takes the exiResponse stand-in the CSMS relayed and installs the contract chain when it holds: base64 of a PEM
    /// chain whose first certificate is for the EV's key, valid at <paramref name="now"/>, and leads through the chain's
    /// certificates to a self-signed root in it or to one of <paramref name="moRoots"/> (the MORootCertificates the
    /// station trusts).
    /// </summary>
    public StationCertificateCheck Install(string exiResponse, IReadOnlyList<X509Certificate2> moRoots, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(moRoots);
        var chain = new X509Certificate2Collection();
        try
        {
            chain.ImportFromPem(Encoding.UTF8.GetString(Convert.FromBase64String(exiResponse ?? "")));
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException)
        {
            return StationCertificateCheck.Invalid($"the exiResponse is not base64 of a PEM certificate chain ({ex.Message})");
        }

        if (chain.Count == 0)
        {
            return StationCertificateCheck.Invalid("the exiResponse holds no certificate");
        }

        var leaf = chain[0];
        lock (_gate)
        {
            if (_key is null)
            {
                return StationCertificateCheck.Invalid("the EV asked for no contract certificate");
            }

            using var leafKey = leaf.GetECDsaPublicKey();
            if (leafKey is null || !leafKey.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(_key.ExportSubjectPublicKeyInfo()))
            {
                return StationCertificateCheck.Invalid($"the contract certificate {leaf.Subject} is not for the EV's key");
            }

            if (now < leaf.NotBefore.ToUniversalTime() || now > leaf.NotAfter.ToUniversalTime())
            {
                return StationCertificateCheck.Invalid($"the contract certificate {leaf.Subject} is valid from {leaf.NotBefore:u} to {leaf.NotAfter:u}, not at {now:u}");
            }

            using var path = new X509Chain();
            path.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            path.ChainPolicy.VerificationTime = now.UtcDateTime;
            path.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            path.ChainPolicy.DisableCertificateDownloads = true;
            foreach (var issuer in chain.Skip(1))
            {
                path.ChainPolicy.ExtraStore.Add(issuer);
            }

            foreach (var root in moRoots.Concat(chain.Skip(1).Where(c => c.SubjectName.RawData.AsSpan().SequenceEqual(c.IssuerName.RawData))))
            {
                path.ChainPolicy.CustomTrustStore.Add(root);
            }

            if (!path.Build(leaf))
            {
                var why = string.Join("; ", path.ChainStatus.Select(s => s.StatusInformation.Trim()).Where(s => s.Length > 0).Distinct());
                return StationCertificateCheck.Invalid($"the contract certificate {leaf.Subject} does not lead to a root the EV trusts ({(why.Length > 0 ? why : "no path")})");
            }

            _contract?.Dispose();
            _contract = leaf;
            _issuers = [.. chain.Skip(1)];
            return StationCertificateCheck.Valid(leaf.Subject);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _key?.Dispose();
            _provisioning?.Dispose();
            _contract?.Dispose();
        }
    }

    private X509Certificate2 Provisioning(DateTimeOffset now)
    {
        if (_provisioning is null)
        {
            _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest("CN=DerSim EV OEM provisioning, O=DerSim EV maker", _key, HashAlgorithmName.SHA256);
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement, true));
            _provisioning = request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(1));
        }

        return _provisioning;
    }
}
