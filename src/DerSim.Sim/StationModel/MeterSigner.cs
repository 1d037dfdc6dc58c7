using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DerSim.Sim.StationModel;

/// <summary>
/// The station meter's signing key (2.x J01.FR.21 / J02.FR.21: with AlignedDataCtrlr / SampledDataCtrlr SignReadings
/// true, readings go out signed in <c>signedMeterValue</c>). One ECDSA P-256 key per station, made when first needed, kept for the station's life (a meter's key does not change).
/// <para>
/// The format, DerSim's own (OCPP leaves it to the meter; OCMF and DLMS are others): <c>signedMeterData</c> is the
/// Base64 of a UTF-8 JSON object <c>{"payload": P, "signature": S}</c>, where P is the Base64 of the UTF-8 JSON of the
/// reading (<c>stationId, evseId, timestamp, measurand, phase?, unit, value, context, transactionId?</c>) and S the
/// Base64 of the ECDSA signature over P's bytes with SHA-256, in IEEE P1363 form (r‖s, 64 bytes).
/// <c>signingMethod</c> is <see cref="SigningMethod"/>, <c>encodingMethod</c> <see cref="EncodingMethod"/>, and
/// <c>publicKey</c> the Base64 of the key's DER SubjectPublicKeyInfo. <see cref="Verify"/> checks one.
/// </para>
/// </summary>
public sealed class MeterSigner
{
    /// <summary>The signature algorithm, as <c>signingMethod</c> names it.</summary>
    public const string SigningMethod = "ECDSA-secp256r1-SHA256";

    /// <summary>How the reading is encoded before it is signed, as <c>encodingMethod</c> names it.</summary>
    public const string EncodingMethod = "DerSim-JSON-1";

    private readonly Lazy<ECDsa> _key = new(() => ECDsa.Create(ECCurve.NamedCurves.nistP256), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The Base64 of the public key's DER SubjectPublicKeyInfo, as <c>publicKey</c> carries it.</summary>
    public string PublicKey => Convert.ToBase64String(_key.Value.ExportSubjectPublicKeyInfo());

    /// <summary>The <c>signedMeterData</c> of <paramref name="reading"/> (a JSON object of the reading's facts).</summary>
    public string Sign(JsonObject reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        var payload = Encoding.UTF8.GetBytes(reading.ToJsonString());
        var signature = _key.Value.SignData(payload, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        var envelope = new JsonObject
        {
            ["payload"] = Convert.ToBase64String(payload),
            ["signature"] = Convert.ToBase64String(signature),
        };
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(envelope.ToJsonString()));
    }

    /// <summary>
    /// Checks <paramref name="signedMeterData"/> against <paramref name="publicKey"/> (both Base64, as sent); the signed
    /// reading when the signature holds, else null.
    /// </summary>
    public static JsonElement? Verify(string signedMeterData, string publicKey)
    {
        ArgumentNullException.ThrowIfNull(signedMeterData);
        ArgumentNullException.ThrowIfNull(publicKey);
        try
        {
            using var envelope = JsonDocument.Parse(Convert.FromBase64String(signedMeterData));
            var payload = Convert.FromBase64String(envelope.RootElement.GetProperty("payload").GetString()!);
            var signature = Convert.FromBase64String(envelope.RootElement.GetProperty("signature").GetString()!);
            using var key = ECDsa.Create();
            key.ImportSubjectPublicKeyInfo(Convert.FromBase64String(publicKey), out _);
            if (!key.VerifyData(payload, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
            {
                return null;
            }

            using var reading = JsonDocument.Parse(payload);
            return reading.RootElement.Clone();
        }
        catch (Exception ex) when (ex is FormatException or JsonException or CryptographicException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }
}
