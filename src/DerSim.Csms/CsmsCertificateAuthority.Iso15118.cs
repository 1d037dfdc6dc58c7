using System.Collections.Concurrent;
using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DerSim.Csms;

/// <summary>
/// The reference CSMS's ISO 15118 PKI, under a V2G root of its own (the CSMS's CA allows no sub-CA): a V2G sub-CA that signs the stations' V2G certificates (the
/// SECC's TLS server certificate, OCPP 2.0.1 A02/A03 with certificateType V2GCertificate), a mobility operator (MO)
/// sub-CA that issues EV contract certificates (M01/M02, in DerSim's EXI-free stand-in), and an OCSP responder (RFC
/// 6960) for every certificate it issued (M06, GetCertificateStatus).
/// </summary>
public sealed partial class CsmsCertificateAuthority
{
    /// <summary>The OCSP responder URL the issued certificates name in their Authority Information Access.</summary>
    public const string OcspResponderUrl = "http://ocsp.dersim.invalid/ocsp";

    private readonly ConcurrentDictionary<string, X509Certificate2> _issuerOf = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _subCaGate = new();
    private X509Certificate2? _v2gRoot;
    private X509Certificate2? _v2gSubCa;
    private X509Certificate2? _moSubCa;

    /// <summary>
    /// Signs <paramref name="csrPem"/> into a V2G Charging Station Certificate for <paramref name="stationId"/>: the
    /// request's signature must hold and its CN be the station id; the certificate is for TLS server authentication
    /// (the SECC towards the EV), names the OCSP responder, and is signed by the V2G sub-CA.
    /// </summary>
    /// <returns>The PEM chain (the new certificate, the V2G sub-CA, the V2G root), or the reason the request cannot be signed.</returns>
    public (string? Chain, string? Refusal) SignV2G(string csrPem, string stationId)
    {
        CertificateRequest request;
        try
        {
            request = CertificateRequest.LoadSigningRequestPem(csrPem, HashAlgorithmName.SHA256, CertificateRequestLoadOptions.Default);
        }
        catch (CryptographicException ex)
        {
            return (null, $"the CSR is not a valid PKCS#10 request: {ex.Message}");
        }

        var commonName = request.SubjectName.EnumerateRelativeDistinguishedNames()
            .FirstOrDefault(n => n.GetSingleElementType().Value == "2.5.4.3")?.GetSingleElementValue();
        if (commonName != stationId)
        {
            return (null, $"the CSR's CN is {commonName ?? "missing"}, not the station id {stationId}");
        }

        var subCa = SubCa(ref _v2gSubCa, "DerSim reference CSMS V2G Sub-CA");
        using var issued = Issue(request.SubjectName, request.PublicKey, subCa, new Oid("1.3.6.1.5.5.7.3.1"));
        return (issued.ExportCertificatePem() + "\n" + subCa.ExportCertificatePem() + "\n" + V2GRoot().ExportCertificatePem() + "\n", null);
    }

    /// <summary>
    /// Issues a contract certificate for the key of the certificate the EV presented (<paramref name="presentedDer"/>:
    /// its OEM provisioning certificate to install, its contract certificate to update), with an eMAID of the
    /// reference CSMS's own as CN, signed by the MO sub-CA.
    /// </summary>
    /// <returns>The PEM chain (the contract certificate, the MO sub-CA, the V2G root) and its eMAID, or the reason it cannot.</returns>
    public (string? Chain, string? Emaid, string? Refusal) IssueContract(byte[] presentedDer)
    {
        ArgumentNullException.ThrowIfNull(presentedDer);
        X509Certificate2 presented;
        try
        {
            presented = X509CertificateLoader.LoadCertificate(presentedDer);
        }
        catch (CryptographicException ex)
        {
            return (null, null, $"the request carries no certificate of the EV ({ex.Message})");
        }

        using (presented)
        {
            var subCa = SubCa(ref _moSubCa, "DerSim reference CSMS MO Sub-CA");
            var emaid = "DEDERC" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4)) + "1";
            using var issued = Issue(new X500DistinguishedName($"CN={emaid}, O=DerSim mobility operator"), presented.PublicKey, subCa, null);
            return (issued.ExportCertificatePem() + "\n" + subCa.ExportCertificatePem() + "\n" + V2GRoot().ExportCertificatePem() + "\n", emaid, null);
        }
    }

    /// <summary>
    /// The OCSP response (RFC 6960, DER) for the certificate the CertID fields name (hex hashes of the issuer's name
    /// and key in <paramref name="hashAlgorithm"/>, SHA256/SHA384/SHA512, and the serial in hex): "good", signed by its
    /// issuer, when this CA issued it; null when it names a certificate of another CA (the reference CSMS asks no other
    /// responder).
    /// </summary>
    public byte[]? OcspResponse(string hashAlgorithm, string issuerNameHash, string issuerKeyHash, string serialNumber)
    {
        var serial = (serialNumber ?? "").TrimStart('0');
        if (!_issuerOf.TryGetValue(serial.Length == 0 ? "0" : serial, out var issuer))
        {
            return null;
        }

        var (oid, hash) = hashAlgorithm switch
        {
            "SHA256" => ("2.16.840.1.101.3.4.2.1", (Func<byte[], byte[]>)SHA256.HashData),
            "SHA384" => ("2.16.840.1.101.3.4.2.2", SHA384.HashData),
            "SHA512" => ("2.16.840.1.101.3.4.2.3", SHA512.HashData),
            _ => (null, null),
        };
        if (oid is null || hash is null)
        {
            return null;
        }

        var nameHash = hash(issuer.SubjectName.RawData);
        var keyHash = hash(issuer.PublicKey.EncodedKeyValue.RawData);
        if (!string.Equals(Convert.ToHexString(nameHash), issuerNameHash, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(Convert.ToHexString(keyHash), issuerKeyHash, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var now = _time.GetUtcNow();
        var data = new AsnWriter(AsnEncodingRules.DER);
        using (data.PushSequence())
        {
            // responderID byKey [2]: the SHA-1 of the responder's public key bits (RFC 6960 4.2.1).
            using (data.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 2)))
            {
#pragma warning disable CA5350 // RFC 6960 defines KeyHash as the SHA-1 of the key: a name, not a signature.
                data.WriteOctetString(SHA1.HashData(issuer.PublicKey.EncodedKeyValue.RawData));
#pragma warning restore CA5350
            }

            data.WriteGeneralizedTime(now, omitFractionalSeconds: true);
            using (data.PushSequence())
            using (data.PushSequence())
            {
                using (data.PushSequence())
                {
                    using (data.PushSequence())
                    {
                        data.WriteObjectIdentifier(oid);
                        data.WriteNull();
                    }

                    data.WriteOctetString(nameHash);
                    data.WriteOctetString(keyHash);
                    data.WriteIntegerUnsigned(Convert.FromHexString(serial.Length % 2 == 0 ? serial : "0" + serial));
                }

                data.WriteNull(new Asn1Tag(TagClass.ContextSpecific, 0));
                data.WriteGeneralizedTime(now, omitFractionalSeconds: true);
                using (data.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0)))
                {
                    data.WriteGeneralizedTime(now.AddDays(1), omitFractionalSeconds: true);
                }
            }
        }

        var tbs = data.Encode();
        var (algorithm, signature) = SignWith(issuer, tbs);
        var basic = new AsnWriter(AsnEncodingRules.DER);
        using (basic.PushSequence())
        {
            basic.WriteEncodedValue(tbs);
            basic.WriteEncodedValue(algorithm);
            basic.WriteBitString(signature);
        }

        var response = new AsnWriter(AsnEncodingRules.DER);
        using (response.PushSequence())
        {
            response.WriteEnumeratedValue(OcspResponseStatus.Successful);
            using (response.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0)))
            using (response.PushSequence())
            {
                response.WriteObjectIdentifier("1.3.6.1.5.5.7.48.1.1");
                response.WriteOctetString(basic.Encode());
            }
        }

        return response.Encode();
    }

    /// <summary>The root of the reference CSMS's ISO 15118 PKI (self-signed, ECDSA P-256, one sub-CA level below it).</summary>
    public X509Certificate2 V2GRoot()
    {
        lock (_subCaGate)
        {
            if (_v2gRoot is null)
            {
                using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
                var request = new CertificateRequest("CN=DerSim reference CSMS V2G Root, O=DerSim", key, HashAlgorithmName.SHA256);
                request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 1, true));
                request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
                request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
                var now = _time.GetUtcNow();
                _v2gRoot = request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(2));
            }

            return _v2gRoot;
        }
    }

    private X509Certificate2 SubCa(ref X509Certificate2? field, string name)
    {
        var root = V2GRoot();
        lock (_subCaGate)
        {
            if (field is null)
            {
                using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
                var request = new CertificateRequest($"CN={name}, O=DerSim", key, HashAlgorithmName.SHA256);
                request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
                request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, true));
                request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
                request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(root, true, false));
                request.CertificateExtensions.Add(new X509AuthorityInformationAccessExtension([OcspResponderUrl], null));
                var now = _time.GetUtcNow();
                var end = now.AddYears(1) < root.NotAfter ? now.AddYears(1) : new DateTimeOffset(root.NotAfter);
                using var signer = Signer(root, out var generator);
                using var issued = request.Create(root.SubjectName, generator, now.AddMinutes(-5), end, Serial());
                field = issued.CopyWithPrivateKey(key);
                Remember(field, root);
            }

            return field;
        }
    }

    private X509Certificate2 Issue(X500DistinguishedName subject, PublicKey key, X509Certificate2 subCa, Oid? usage)
    {
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement, true));
        if (usage is not null)
        {
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([usage], false));
        }

        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(key, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(subCa, true, false));
        request.CertificateExtensions.Add(new X509AuthorityInformationAccessExtension([OcspResponderUrl], null));
        var now = _time.GetUtcNow();
        var end = now.AddYears(1) < subCa.NotAfter ? now.AddYears(1) : new DateTimeOffset(subCa.NotAfter);
        using var signer = Signer(subCa, out var generator);
        var issued = request.Create(subCa.SubjectName, generator, now.AddMinutes(-5), end, Serial());
        Remember(issued, subCa);
        return issued;
    }

    private void Remember(X509Certificate2 certificate, X509Certificate2 issuer)
    {
        var serial = certificate.SerialNumber.TrimStart('0');
        _issuerOf[serial.Length == 0 ? "0" : serial] = issuer;
    }

    private static byte[] Serial()
    {
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        serial[0] |= 0x01;
        return serial;
    }

    // The signatureAlgorithm (DER AlgorithmIdentifier) and the signature of data with issuer's key.
    private static (byte[] Algorithm, byte[] Signature) SignWith(X509Certificate2 issuer, byte[] data)
    {
        var algorithm = new AsnWriter(AsnEncodingRules.DER);
        if (issuer.GetECDsaPrivateKey() is { } ec)
        {
            using (ec)
            {
                using (algorithm.PushSequence())
                {
                    algorithm.WriteObjectIdentifier("1.2.840.10045.4.3.2");
                }

                return (algorithm.Encode(), ec.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
            }
        }

        using var rsa = issuer.GetRSAPrivateKey() ?? throw new InvalidOperationException($"the issuer {issuer.Subject} has neither an ECDSA nor an RSA key");
        using (algorithm.PushSequence())
        {
            algorithm.WriteObjectIdentifier("1.2.840.113549.1.1.11");
            algorithm.WriteNull();
        }

        return (algorithm.Encode(), rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    private enum OcspResponseStatus
    {
        Successful = 0,
    }
}
