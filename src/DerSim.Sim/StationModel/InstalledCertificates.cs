using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DerSim.Sim.StationModel;

/// <summary>
/// The station's store of CA certificates (OCPP 2.x block M): the roots it trusts for the CSMS connection, firmware
/// signatures and ISO 15118, installed by the CSMS (M05), listed (M03) and deleted (M04) by hash data. The station's
/// own certificate and key are not kept here. Certificates are checked for real: a PEM X.509 CA certificate, valid at
/// the station's time, whose signature verifies against itself (a root) or a certificate already in the store.
/// </summary>
public sealed class InstalledCertificates
{
    private readonly Lock _gate = new();
    private readonly List<InstalledCertificate> _entries = [];
    private string _reportHash = "SHA256";

    /// <summary>
    /// The hash algorithm the station reports hash data with (SHA256, SHA384 or SHA512); a DeleteCertificate may name
    /// a certificate in any of them. The default value is SHA256.
    /// </summary>
    /// <exception cref="ArgumentException">Not one of <see cref="CertificateHashData.Algorithms"/>.</exception>
    public string ReportHash
    {
        get => _reportHash;
        set => _reportHash = CertificateHashData.Algorithms.Contains(value)
            ? value
            : throw new ArgumentException($"\"{value}\" is not one of {string.Join(", ", CertificateHashData.Algorithms)}", nameof(value));
    }

    /// <summary>
    /// Whether the store can be written; false models a storage fault, making installs and deletions fail (a valid
    /// request the station cannot carry out). The default value is true.
    /// </summary>
    public bool Writable { get; set; } = true;

    /// <summary>The certificates installed, oldest first.</summary>
    public IReadOnlyList<InstalledCertificate> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    /// <summary>
    /// Installs a PEM certificate for a use (OCPP 2.0.1 M05.FR.01). Rejected when it is invalid or incorrect
    /// (M05.FR.02): not a PEM X.509 certificate, not a CA, not valid at <paramref name="now"/>, or its signature verifies
    /// neither against itself nor against a certificate in the store. Failed when it is valid but the store cannot be
    /// written (M05.FR.03). Installing a certificate already there for that use changes nothing and is Accepted.
    /// </summary>
    public InstallCertificateOutcome Install(string use, string pem, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(use);
        X509Certificate2 certificate;
        try
        {
            certificate = X509Certificate2.CreateFromPem(pem);
        }
        catch (CryptographicException)
        {
            return InstallCertificateOutcome.Rejected;
        }

        if (now < certificate.NotBefore.ToUniversalTime() || now > certificate.NotAfter.ToUniversalTime() || !IsCa(certificate))
        {
            certificate.Dispose();
            return InstallCertificateOutcome.Rejected;
        }

        lock (_gate)
        {
            if (IssuerKeyOf(certificate, now) is not { } issuerKey)
            {
                certificate.Dispose();
                return InstallCertificateOutcome.Rejected;
            }

            if (_entries.Any(e => e.Use == use && e.Certificate.RawDataMemory.Span.SequenceEqual(certificate.RawDataMemory.Span)))
            {
                certificate.Dispose();
                return InstallCertificateOutcome.Accepted;
            }

            if (!Writable)
            {
                certificate.Dispose();
                return InstallCertificateOutcome.Failed;
            }

            _entries.Add(new InstalledCertificate(use, certificate, issuerKey));
            return InstallCertificateOutcome.Accepted;
        }
    }

    /// <summary>
    /// The installed certificates of the given uses (all when <paramref name="uses"/> is null or empty), each with its
    /// hash data in <see cref="ReportHash"/> (OCPP 2.0.1 M03.FR.01); empty when none matches (the station then answers
    /// NotFound, M03.FR.02).
    /// </summary>
    public IReadOnlyList<(string Use, CertificateHashData HashData)> Find(IReadOnlyCollection<string>? uses)
    {
        var algorithm = ReportHash;
        return [.. Entries.Where(e => uses is null || uses.Count == 0 || uses.Contains(e.Use)).Select(e => (e.Use, e.HashData(algorithm)))];
    }

    /// <summary>
    /// Deletes the certificate <paramref name="hashData"/> names, in whichever algorithm it uses (OCPP 2.0.1 M04.FR.01):
    /// Accepted when removed (M04.FR.02), Failed when the store cannot be written (M04.FR.03), NotFound when no installed
    /// certificate matches (M04.FR.04).
    /// </summary>
    public DeleteCertificateOutcome Delete(CertificateHashData hashData)
    {
        ArgumentNullException.ThrowIfNull(hashData);
        if (!CertificateHashData.Algorithms.Contains(hashData.HashAlgorithm))
        {
            return DeleteCertificateOutcome.NotFound;
        }

        lock (_gate)
        {
            var match = _entries.FirstOrDefault(e => e.HashData(hashData.HashAlgorithm).Names(hashData));
            if (match is null)
            {
                return DeleteCertificateOutcome.NotFound;
            }

            if (!Writable)
            {
                return DeleteCertificateOutcome.Failed;
            }

            _entries.Remove(match);
            match.Certificate.Dispose();
            return DeleteCertificateOutcome.Accepted;
        }
    }

    private static bool IsCa(X509Certificate2 certificate) =>
        certificate.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault() is { CertificateAuthority: true };

    /// <summary>The key that verifies <paramref name="certificate"/>'s signature: its own (a root) or an installed CA's; null when none does.</summary>
    private PublicKey? IssuerKeyOf(X509Certificate2 certificate, DateTimeOffset now)
    {
        var candidates = certificate.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData)
            ? new[] { certificate }
            : _entries.Select(e => e.Certificate).Where(c => c.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData)).ToArray();
        foreach (var issuer in candidates)
        {
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            chain.ChainPolicy.DisableCertificateDownloads = true;
            chain.ChainPolicy.VerificationTime = now.UtcDateTime;
            chain.ChainPolicy.CustomTrustStore.Add(issuer);
            if (chain.Build(certificate))
            {
                return issuer.PublicKey;
            }
        }

        return null;
    }
}
