using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DerSim.Sim.StationModel;

/// <summary>
/// How OCPP 2.x names an installed certificate (CertificateHashDataType, after RFC 6960's CertID): the hash of the
/// issuer's distinguished name (DER) and of the issuer's public key (the subjectPublicKey bits), both in lower-case hex,
/// and the serial number in hex without leading zeroes.
/// </summary>
/// <param name="HashAlgorithm">SHA256, SHA384 or SHA512 (the OCPP names).</param>
/// <param name="IssuerNameHash">Hex hash of the issuer's DER-encoded distinguished name.</param>
/// <param name="IssuerKeyHash">Hex hash of the issuer's public key.</param>
/// <param name="SerialNumber">The certificate's serial number, hex without leading zeroes.</param>
public sealed record CertificateHashData(string HashAlgorithm, string IssuerNameHash, string IssuerKeyHash, string SerialNumber)
{
    /// <summary>The OCPP names of the hash algorithms a station may report with.</summary>
    public static IReadOnlyList<string> Algorithms { get; } = ["SHA256", "SHA384", "SHA512"];

    /// <summary>The hash data of <paramref name="certificate"/>, issued by the holder of <paramref name="issuerKey"/>, in <paramref name="algorithm"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="algorithm"/> is not one of <see cref="Algorithms"/>.</exception>
    public static CertificateHashData Of(X509Certificate2 certificate, PublicKey issuerKey, string algorithm)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(issuerKey);
        return new CertificateHashData(
            algorithm,
            Hex(Hash(algorithm, certificate.IssuerName.RawData)),
            Hex(Hash(algorithm, issuerKey.EncodedKeyValue.RawData)),
            Serial(certificate));
    }

    /// <summary>
    /// Whether <paramref name="other"/> names the same certificate: the same algorithm, and the same hex values
    /// whatever their letter case (hex is hex).
    /// </summary>
    public bool Names(CertificateHashData other) =>
        other is not null
        && string.Equals(HashAlgorithm, other.HashAlgorithm, StringComparison.Ordinal)
        && string.Equals(IssuerNameHash, other.IssuerNameHash, StringComparison.OrdinalIgnoreCase)
        && string.Equals(IssuerKeyHash, other.IssuerKeyHash, StringComparison.OrdinalIgnoreCase)
        && string.Equals(SerialNumber.TrimStart('0'), other.SerialNumber.TrimStart('0'), StringComparison.OrdinalIgnoreCase);

    private static byte[] Hash(string algorithm, byte[] data) => algorithm switch
    {
        "SHA256" => SHA256.HashData(data),
        "SHA384" => SHA384.HashData(data),
        "SHA512" => SHA512.HashData(data),
        _ => throw new ArgumentException($"\"{algorithm}\" is not one of {string.Join(", ", Algorithms)}", nameof(algorithm)),
    };

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    private static string Serial(X509Certificate2 certificate)
    {
        var serial = certificate.SerialNumber.TrimStart('0').ToLowerInvariant();
        return serial.Length == 0 ? "0" : serial;
    }
}
