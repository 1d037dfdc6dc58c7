using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using DerSim.Gherkin.Glue;
using DerSim.Harness.Drivers;
using DerSim.Harness.Security;
using DerSim.Harness.Traffic;
using DerSim.Ocpp;
using DerSim.Ocpp.Rpc;
using DerSim.Sim.Adapters;
using DerSim.Sim.Engine;
using Reqnroll;

namespace DerSim.Harness.Steps;

/// <summary>
/// The ISO 15118 Support cases (OCA profile "ISO 15118 Support", OCPP 2.0.1 and 2.1): the station's V2G certificate
/// (A03 for the V2G certificate; its chain listed by GetInstalledCertificateIds, M03.FR.05), the EV's contract
/// certificate relayed with Get15118EVCertificate (M01, M02) and the OCSP status of the V2G chain (M06,
/// GetCertificateStatus). The station does these for real (StationIso15118, EvContractCertificates); the checks judge
/// the CSMS's answers. ISO 15118's EXI is not encoded: the exiRequest is the base64 DER of the EV's certificate and the
/// exiResponse the base64 PEM contract chain (see EvContractCertificates).
/// </summary>
[Binding]
public sealed class Iso15118CaseSteps(ScenarioWorld world, ScenarioContext scenario, ScenarioCaRoots roots)
{
    /// <summary>
    /// The station holds a V2G certificate chain of a PKI the scenario makes, without the CSMS (as if installed at the
    /// factory): a V2GRootCertificate (also put in the station's CA store), a V2G sub-CA under it, and the station's V2G
    /// certificate for a key it makes, signed by the sub-CA. OCPP 2.x; needs the station connected.
    /// Example: <c>Given the station holds a V2G certificate chain under a V2G root it trusts</c>
    /// </summary>
    [Given("the station holds a V2G certificate chain under a V2G root it trusts")]
    public void HoldsOwnV2GChain()
    {
        var engine = Engine();
        var station = engine.Station;
        var now = world.Simulator.Clock.Time.GetUtcNow();
        var root = roots.Make("V2GRootCertificate", now);
        station.CaCertificates.Install("V2GRootCertificate", TestCertificates.CertificatePem(root), now);
        using var subCa = Issue(root, new X500DistinguishedName("CN=DerSim test V2G Sub-CA, O=DerSim test CA"), null, ca: true, now);
        var csr = CertificateRequest.LoadSigningRequestPem(station.V2GCertificate.NewSigningRequest(station.StationId, station.Profile.Identity.Vendor), HashAlgorithmName.SHA256);
        using var leaf = Issue(subCa, csr.SubjectName, csr.PublicKey, ca: false, now);
        var check = station.V2GCertificate.Install(TestCertificates.CertificatePem(leaf) + TestCertificates.CertificatePem(subCa) + TestCertificates.CertificatePem(root), now);
        if (!check.IsValid)
        {
            throw new InvalidOperationException($"the station did not take the V2G chain made for the scenario: {check.Reason}");
        }
    }

    /// <summary>
    /// The station gets a V2G certificate from the CSMS on its own (A03 for the V2G certificate): it sends
    /// SignCertificate with certificateType V2GCertificate and waits for the CSMS's CertificateSigned, which it checks
    /// and installs. Fails, naming A03, when the CSMS does not sign it. OCPP 2.x; needs the station connected.
    /// Example: <c>Given the station holds a V2G certificate the CSMS signed</c>
    /// </summary>
    [Given("the station holds a V2G certificate the CSMS signed")]
    public async Task HoldsCsmsSignedV2G()
    {
        var engine = Engine();
        var status = await SendAsync(ct => StationIso15118.SignV2GCertificateAsync(engine, ct)).ConfigureAwait(false);
        try
        {
            await world.Simulator.WaitForAsync(_ => engine.Station.V2GCertificate.Current is not null, "the station's V2G certificate signed by the CSMS").ConfigureAwait(false);
        }
        catch (TrafficAssertionException)
        {
            var query = world.Recorder.Query();
            throw new TrafficAssertionException(
                $"the station has no V2G certificate: the CSMS answered its SignCertificate (certificateType V2GCertificate) with {status ?? "no status"} and must send a CertificateSigned with a chain the station can verify (A02/A03 for the V2G certificate)",
                [.. query.Action("SignCertificate").Frames, .. query.Action("CertificateSigned").Frames]);
        }
    }

    /// <summary>
    /// The EV at the station already holds a contract certificate of a mobility operator the scenario makes (for the
    /// EV's own key), so it can ask for an update. OCPP 2.x; needs the station connected.
    /// Example: <c>Given the EV already holds a contract certificate</c>
    /// </summary>
    [Given("the EV already holds a contract certificate")]
    public void EvHoldsContract()
    {
        var engine = Engine();
        var now = world.Simulator.Clock.Time.GetUtcNow();
        var root = roots.Make("MORootCertificate", now);
        using var presented = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(engine.Station.EvContract.InstallRequest(now)));
        using var contract = Issue(root, new X500DistinguishedName("CN=DEDERT000000001, O=DerSim test MO"), presented.PublicKey, ca: false, now);
        var exi = Convert.ToBase64String(Encoding.UTF8.GetBytes(TestCertificates.CertificatePem(contract) + TestCertificates.CertificatePem(root)));
        var check = engine.Station.EvContract.Install(exi, [root], now);
        if (!check.IsValid)
        {
            throw new InvalidOperationException($"the EV did not take the contract certificate made for the scenario: {check.Reason}");
        }
    }

    /// <summary>
    /// The EV asks for a new contract certificate over ISO 15118-2 or -20 and the station relays it to the CSMS with
    /// Get15118EVCertificate, action Install (M01.FR.01); on Accepted the EV installs what came back when it can.
    /// Example: <c>When the EV asks the station to install a contract certificate over ISO 15118-2</c>
    /// </summary>
    [When("the EV asks the station to install a contract certificate over ISO 15118-{int}")]
    public Task AskInstall(int part) => AskContract(update: false, part);

    /// <summary>
    /// The EV asks to update its contract certificate over ISO 15118-2 or -20 and the station relays it with
    /// Get15118EVCertificate, action Update (M02.FR.01). Needs a contract certificate at the EV.
    /// Example: <c>When the EV asks the station to update its contract certificate over ISO 15118-2</c>
    /// </summary>
    [When("the EV asks the station to update its contract certificate over ISO 15118-{int}")]
    public Task AskUpdate(int part) => AskContract(update: true, part);

    /// <summary>
    /// The station asks the CSMS for the OCSP status of its V2G chain below the root (M06): one GetCertificateStatus per
    /// sub-CA (the V2G certificate itself when there is none), the CertID in SHA256. Needs a V2G certificate.
    /// Example: <c>When the station asks the CSMS for the OCSP status of its V2G certificate chain</c>
    /// </summary>
    [When("the station asks the CSMS for the OCSP status of its V2G certificate chain")]
    public async Task AskOcsp()
    {
        var engine = Engine();
        await SendAsync(async ct => (await StationIso15118.GetCertificateStatusAsync(engine, ct).ConfigureAwait(false)) is [var first, ..] ? first : null).ConfigureAwait(false);
    }

    /// <summary>
    /// Checks the CSMS's answer to the station's last CALL of the action: the field at the JSON path is there, not
    /// empty, and base64 (e.g. Get15118EVCertificate's exiResponse, M01.FR.01: the raw response for the EV, base64).
    /// Example: <c>Then the CSMS answered the last "Get15118EVCertificate" with base64 in "exiResponse"</c>
    /// </summary>
    [Then("the CSMS answered the last {string} with base64 in {string}")]
    public async Task LastAnsweredWithBase64(string action, string path)
    {
        var (call, answer) = await LastAnsweredAsync(action).ConfigureAwait(false);
        var text = answer.Payload is { } payload && FrameFields.At(payload, path) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
        if (string.IsNullOrEmpty(text))
        {
            throw new TrafficAssertionException($"the CSMS's answer to {action} must carry {path}, base64 and not empty; it has {(text is null ? "none" : "an empty one")}", [call, answer]);
        }

        if (!IsBase64(text))
        {
            throw new TrafficAssertionException($"the CSMS's answer to {action} must carry {path} base64-encoded; \"{Clip(text)}\" is not base64", [call, answer]);
        }
    }

    /// <summary>
    /// Checks each GetCertificateStatus the station sent against the CSMS's answer (OCPP 2.0.1 M06.FR.01/02/08/09): a
    /// CALLRESULT with status Accepted whose ocspResult is base64 of a DER OCSPResponse (RFC 6960), successful, of type
    /// id-pkix-ocsp-basic, answering for the certificate the request named (the same hash algorithm, issuerNameHash,
    /// issuerKeyHash and serial). Example: <c>Then the CSMS answered each "GetCertificateStatus" with the OCSP response for the certificate asked about</c>
    /// </summary>
    [Then("the CSMS answered each {string} with the OCSP response for the certificate asked about")]
    public async Task AnsweredOcsp(string action)
    {
        var query = await SettledAsync(q => q.Sent().Calls().Action(action).Frames.All(c => q.AnswerTo(c) is not null), $"the CSMS's answers to every {action}").ConfigureAwait(false);
        var calls = query.Sent().Calls().Action(action).Frames;
        if (calls.Count == 0)
        {
            throw new InvalidOperationException($"the station sent no {action}: a step must make it send one first");
        }

        foreach (var call in calls)
        {
            var answer = query.AnswerTo(call)
                ?? throw new TrafficAssertionException($"the CSMS must answer every {action} (M06.FR.01); it left {call.MessageId} unanswered within {world.Simulator.WaitTimeout.TotalSeconds:0} s", [call]);
            if (answer.MessageType != OcppMessageType.CallResult)
            {
                throw new TrafficAssertionException($"the CSMS must answer {action} with a CALLRESULT (M06.FR.01); it answered with the error {answer.ErrorCode}", [call, answer]);
            }

            var status = Field(answer.Payload, "status");
            if (status != "Accepted")
            {
                throw new TrafficAssertionException($"the CSMS must answer {action} for a certificate of the station's V2G chain with status Accepted and the OCSP data (M06.FR.02); it answered status {status ?? "none"}", [call, answer]);
            }

            var problem = OcspProblem(Field(answer.Payload, "ocspResult"), call.Payload);
            if (problem is not null)
            {
                throw new TrafficAssertionException($"the CSMS's ocspResult {problem}", [call, answer]);
            }
        }
    }

    // What is wrong with the ocspResult for the request's CertID (M06.FR.02/08/09), or null.
    private static string? OcspProblem(string? ocspResult, JsonElement? request)
    {
        if (string.IsNullOrEmpty(ocspResult))
        {
            return "is missing: the CSMS must include the OCSP response data (M06.FR.02)";
        }

        byte[] der;
        try
        {
            der = Convert.FromBase64String(ocspResult);
        }
        catch (FormatException)
        {
            return $"must be base64 of the DER OCSPResponse (M06.FR.09); \"{Clip(ocspResult)}\" is not base64";
        }

        var asked = request is { } r && FrameFields.At(r, "ocspRequestData") is { ValueKind: JsonValueKind.Object } data ? data : default;
        try
        {
            var outer = new AsnReader(der, AsnEncodingRules.DER);
            var response = outer.ReadSequence();
            outer.ThrowIfNotEmpty();
            var status = response.ReadEnumeratedBytes().ToArray();
            if (status is not [0])
            {
                return $"is an OCSPResponse with responseStatus {Convert.ToHexString(status)}, not successful (0): the CSMS did not get the status (M06.FR.02)";
            }

            var bytes = response.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0)).ReadSequence();
            var type = bytes.ReadObjectIdentifier();
            if (type != "1.3.6.1.5.5.7.48.1.1")
            {
                return $"is an OCSPResponse of type {type}, not id-pkix-ocsp-basic (RFC 6960 4.2.1)";
            }

            var basic = new AsnReader(bytes.ReadOctetString(), AsnEncodingRules.DER).ReadSequence();
            var tbs = basic.ReadSequence();
            if (tbs.PeekTag().HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 0)))
            {
                tbs.ReadEncodedValue();
            }

            tbs.ReadEncodedValue();
            tbs.ReadGeneralizedTime();
            var singles = tbs.ReadSequence();
            var named = new List<string>();
            while (singles.HasData)
            {
                var certId = singles.ReadSequence().ReadSequence();
                var algorithm = certId.ReadSequence().ReadObjectIdentifier();
                var nameHash = Convert.ToHexString(certId.ReadOctetString());
                var keyHash = Convert.ToHexString(certId.ReadOctetString());
                var serial = Convert.ToHexString(certId.ReadIntegerBytes().Span).TrimStart('0');
                named.Add($"serial {serial}");
                if (asked.ValueKind == JsonValueKind.Object
                    && algorithm == HashOid(Field(asked, "hashAlgorithm"))
                    && string.Equals(nameHash, Field(asked, "issuerNameHash"), StringComparison.OrdinalIgnoreCase)
                    && string.Equals(keyHash, Field(asked, "issuerKeyHash"), StringComparison.OrdinalIgnoreCase)
                    && string.Equals(serial, (Field(asked, "serialNumber") ?? "").TrimStart('0'), StringComparison.OrdinalIgnoreCase))
                {
                    return null;
                }
            }

            return $"answers for {(named.Count == 0 ? "no certificate" : string.Join(", ", named))}, not the certificate the station asked about (serial {Field(asked, "serialNumber")}) (M06.FR.02)";
        }
        catch (AsnContentException ex)
        {
            return $"must be a DER OCSPResponse as RFC 6960 defines it (M06.FR.08/09); it does not decode: {ex.Message}";
        }
    }

    private static string? HashOid(string? algorithm) => algorithm switch
    {
        "SHA256" => "2.16.840.1.101.3.4.2.1",
        "SHA384" => "2.16.840.1.101.3.4.2.2",
        "SHA512" => "2.16.840.1.101.3.4.2.3",
        _ => null,
    };

    private async Task AskContract(bool update, int part)
    {
        var schema = part switch
        {
            2 => StationIso15118.Iso15118Part2,
            20 => StationIso15118.Iso15118Part20,
            _ => throw new ArgumentException($"ISO 15118-{part} is not a part DerSim speaks: 2 or 20"),
        };
        var engine = Engine();
        await SendAsync(async ct => (await StationIso15118.Get15118EVCertificateAsync(engine, update, schema, ct).ConfigureAwait(false)).Status).ConfigureAwait(false);
    }

    private StationEngine Engine()
    {
        var station = world.Simulator.Station();
        if (station.Version == OcppVersion.V16)
        {
            scenario.NotApplicable("ISO 15118 certificate messages are OCPP 2.x; a 1.6 station relays them in DataTransfer, which DerSim does not simulate");
        }

        return station.Runner?.Engine ?? throw new InvalidOperationException("the station is not connected: start with Given the station is Booted");
    }

    private static async Task<string?> SendAsync(Func<CancellationToken, Task<string?>> send)
    {
        try
        {
            return await send(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (OcppCallFailure.IsBadAnswer(ex))
        {
            // Recorded; the Then step names it.
            return null;
        }
    }

    private async Task<(RecordedFrame Call, RecordedFrame Answer)> LastAnsweredAsync(string action)
    {
        var calls = world.Recorder.Query().Sent().Calls().Action(action).Frames;
        var call = calls.Count > 0 ? calls[^1] : throw new InvalidOperationException($"the station sent no {action}: a step must make it send one first");
        var query = await SettledAsync(q => q.AnswerTo(call) is not null, $"the CSMS's answer to {action} {call.MessageId}").ConfigureAwait(false);
        var answer = query.AnswerTo(call)
            ?? throw new TrafficAssertionException($"the CSMS must answer every {action} (OCPP-J: every CALL gets its CALLRESULT); it left {call.MessageId} unanswered within {world.Simulator.WaitTimeout.TotalSeconds:0} s", [call]);
        if (answer.MessageType != OcppMessageType.CallResult)
        {
            throw new TrafficAssertionException($"the CSMS must answer this {action} with a CALLRESULT; it answered with the error {answer.ErrorCode}", [call, answer]);
        }

        return (call, answer);
    }

    private async Task<TrafficQuery> SettledAsync(Func<TrafficQuery, bool> condition, string expectation)
    {
        try
        {
            return await world.Simulator.WaitForAsync(condition, expectation).ConfigureAwait(false);
        }
        catch (TrafficAssertionException)
        {
            // What did not arrive in time is named by the check.
            return world.Recorder.Query();
        }
    }

    // A certificate signed by issuer: a CA (the V2G sub-CA) or an end certificate for key (null: a new key of its own).
    private static X509Certificate2 Issue(X509Certificate2 issuer, X500DistinguishedName subject, PublicKey? key, bool ca, DateTimeOffset now)
    {
        using var own = key is null ? ECDsa.Create(ECCurve.NamedCurves.nistP256) : null;
        var request = own is not null ? new CertificateRequest(subject, own, HashAlgorithmName.SHA256) : new CertificateRequest(subject, key!, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(ca, ca, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(ca ? X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign : X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));
        var serial = RandomNumberGenerator.GetBytes(12);
        serial[0] = (byte)((serial[0] & 0x7F) | 0x01);
        using var issuerKey = issuer.GetECDsaPrivateKey() ?? throw new InvalidOperationException($"{issuer.Subject} carries no ECDSA key to sign with");
        var issued = request.Create(issuer.SubjectName, X509SignatureGenerator.CreateForECDsa(issuerKey), now.AddDays(-1), now.AddDays(300), serial);
        if (own is null)
        {
            return issued;
        }

        using (issued)
        {
            return issued.CopyWithPrivateKey(own);
        }
    }

    private static bool IsBase64(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out _);
    }

    private static string? Field(JsonElement? payload, string name) =>
        payload is { } p && FrameFields.At(p, name) is { } value ? FrameFields.Text(value) : null;

    private static string Clip(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
