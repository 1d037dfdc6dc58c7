using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DerSim.Sim.Physics;
using Ocpp2 = DerSim.Ocpp.V21;

namespace DerSim.Sim.Adapters;

/// <summary>
/// The station's signing meter (2.x SampledDataCtrlr.SignReadings, TxStartPoint DataSigned: OCPP 2.0.1 E01.FR.04): it
/// signs a reading of the energy register with its own ECDSA P-256 key. The signed data is the reading as text
/// (<c>evseId|timestamp|Wh</c>) and the DER signature over its SHA-256, both base64, joined by a dot; the public key
/// goes along (SubjectPublicKeyInfo, base64), so a CSMS can check it.
/// </summary>
public sealed class MeterSigner : IDisposable
{
    /// <summary>The signingMethod the readings carry.</summary>
    public const string SigningMethod = "ECDSA-secp256r1-SHA256";

    /// <summary>The encodingMethod the readings carry: DerSim's own text form, described above.</summary>
    public const string EncodingMethod = "DerSim-Text";

    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    /// <summary>The signed value of the energy register of <paramref name="sample"/> on <paramref name="evseId"/>.</summary>
    public Ocpp2.SignedMeterValueType Sign(int evseId, MeterSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var data = string.Create(CultureInfo.InvariantCulture, $"{evseId}|{sample.Timestamp:yyyy-MM-ddTHH:mm:ss.fffZ}|{MeterPayloads.RegisterWh(sample)}");
        var bytes = Encoding.UTF8.GetBytes(data);
        var signature = _key.SignData(bytes, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return new Ocpp2.SignedMeterValueType($"{Convert.ToBase64String(bytes)}.{Convert.ToBase64String(signature)}", EncodingMethod)
        {
            SigningMethod = SigningMethod,
            PublicKey = Convert.ToBase64String(_key.ExportSubjectPublicKeyInfo()),
        };
    }

    /// <inheritdoc />
    public void Dispose() => _key.Dispose();
}
