using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DerSim.Sim.StationModel;

/// <summary>
/// A firmware manufacturer: a root certificate authority (ECDSA P-256) that issues firmware signing certificates, whose
/// holders sign firmware images. <see cref="Default"/> is the manufacturer whose root every simulated station trusts out
/// of the box (its ManufacturerRootCertificate, see <see cref="FirmwareTrust"/>); <see cref="Create"/> makes another,
/// which no station trusts unless told to. Keys live in memory for the process only.
/// </summary>
public sealed class FirmwareManufacturer
{
    private static readonly Lazy<FirmwareManufacturer> DefaultManufacturer = new(() => Create("DerSim Firmware Manufacturer Root"));
    // Fixed, wide validity: the stations' clocks are simulated (they adopt the CSMS's time), so no clock is read here.
    private static readonly DateTimeOffset ValidFrom = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ValidTo = new(2099, 12, 31, 0, 0, 0, TimeSpan.Zero);
    private readonly ECDsa _key;

    private FirmwareManufacturer(X509Certificate2 root, ECDsa key)
    {
        Root = root;
        _key = key;
    }

    /// <summary>The manufacturer the simulated stations trust by default.</summary>
    public static FirmwareManufacturer Default => DefaultManufacturer.Value;

    /// <summary>The root certificate (public part only).</summary>
    public X509Certificate2 Root { get; }

    /// <summary>A manufacturer with a new root of that common name (valid 2020–2099, as its signing certificates).</summary>
    public static FirmwareManufacturer Create(string commonName)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={commonName}, O=DerSim", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 1, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        using var withKey = request.CreateSelfSigned(ValidFrom, ValidTo);
        return new FirmwareManufacturer(X509CertificateLoader.LoadCertificate(withKey.Export(X509ContentType.Cert)), key);
    }

    /// <summary>Issues a firmware signing certificate (ECDSA P-256, digital signature) under this root.</summary>
    public FirmwareSigner IssueSigner(string commonName = "DerSim Firmware Signer")
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={commonName}, O=DerSim", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var issued = request.Create(Root.SubjectName, X509SignatureGenerator.CreateForECDsa(_key), ValidFrom, ValidTo, serial);
        return new FirmwareSigner(X509CertificateLoader.LoadCertificate(issued.Export(X509ContentType.Cert)), key);
    }
}
