using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using DerSim.Ocpp;
using DerSim.Ocpp.Json;
using DerSim.Sim.Engine;
using DerSim.Sim.StationModel;
using Ocpp2 = DerSim.Ocpp.V21;

namespace DerSim.Sim.Adapters;

/// <summary>
/// The ISO 15118 certificate flows a 2.x station starts (OCPP 2.0.1 A03 for the V2G certificate, M01/M02 for the EV's
/// contract certificate, M06 for OCSP status): each sends one request on the connection in use and returns what the
/// CSMS answered; offline they fail (nothing is queued). 2.x only.
/// </summary>
public static class StationIso15118
{
    /// <summary>The iso15118SchemaVersion of ISO 15118-2 (the namespace of its message definitions).</summary>
    public const string Iso15118Part2 = "urn:iso:15118:2:2013:MsgDef";

    /// <summary>The iso15118SchemaVersion of ISO 15118-20 (the namespace of its common messages).</summary>
    public const string Iso15118Part20 = "urn:iso:std:iso:15118:-20:CommonMessages";

    /// <summary>
    /// A03 for the V2G certificate: the station makes a new key pair and sends SignCertificate with its CSR and
    /// certificateType V2GCertificate (A02.FR.02: a new pair for every request); the signed chain comes back in
    /// CertificateSigned. Returns the status the CSMS answered.
    /// </summary>
    /// <exception cref="NotSupportedException">The station speaks OCPP 1.6.</exception>
    public static async Task<string?> SignV2GCertificateAsync(StationEngine engine, CancellationToken ct)
    {
        Require2x(engine);
        var station = engine.Station;
        var csr = station.V2GCertificate.NewSigningRequest(station.StationId, station.Profile.Identity.Vendor);
        var answer = await CallAsync(engine, "SignCertificate", new Ocpp2.SignCertificateRequest(csr) { CertificateType = Ocpp2.CertificateSigningUseEnumType.V2GCertificate }, ct).ConfigureAwait(false);
        return Text(answer, "status");
    }

    /// <summary>
    /// M01 (install) or M02 (update): the EV asks for a contract certificate and the station relays it with
    /// Get15118EVCertificate, action Install or Update, in the ISO 15118 schema version the EV speaks (M01.FR.01,
    /// M02.FR.01), the exiRequest as <see cref="EvContractCertificates"/> describes it. On Accepted the station hands the
    /// exiResponse to the EV, which installs the contract chain when it holds (checked against the MORootCertificates the
    /// station trusts). Returns the status the CSMS answered and what the EV found.
    /// </summary>
    /// <exception cref="NotSupportedException">The station speaks OCPP 1.6.</exception>
    public static async Task<(string? Status, StationCertificateCheck? Installed)> Get15118EVCertificateAsync(StationEngine engine, bool update, string schemaVersion, CancellationToken ct)
    {
        Require2x(engine);
        var station = engine.Station;
        var now = engine.Clock.Time.GetUtcNow();
        var exiRequest = update ? station.EvContract.UpdateRequest() : station.EvContract.InstallRequest(now);
        var request = new Ocpp2.Get15118EVCertificateRequest(schemaVersion, update ? Ocpp2.CertificateActionEnumType.Update : Ocpp2.CertificateActionEnumType.Install, exiRequest)
        {
            // 2.1 M01: an EV of ISO 15118-20 may take several contracts; ours takes one.
            MaximumContractCertificateChains = engine.Version == OcppVersion.V21 && schemaVersion == Iso15118Part20 ? 1 : null,
        };
        var answer = await CallAsync(engine, "Get15118EVCertificate", request, ct).ConfigureAwait(false);
        var status = Text(answer, "status");
        if (status != "Accepted" || Text(answer, "exiResponse") is not { Length: > 0 } exiResponse)
        {
            return (status, null);
        }

        var moRoots = station.CaCertificates.Entries.Where(e => e.Use == "MORootCertificate").Select(e => e.Certificate).ToList();
        var installed = station.EvContract.Install(exiResponse, moRoots, engine.Clock.Time.GetUtcNow());
        engine.Log($"Get15118EVCertificate {request.Action}: {installed.Reason}");
        return (status, installed);
    }

    /// <summary>
    /// M06: the station asks the CSMS for the OCSP status of the certificates of its V2G chain below the root (the
    /// sub-CAs, M06.FR.01; the V2G certificate itself when the chain has none), one GetCertificateStatus each, with the
    /// certificate's CertID in SHA256 and the OCSP responder of its Authority Information Access. Returns the status
    /// of each answer, in order.
    /// </summary>
    /// <exception cref="InvalidOperationException">The station has no V2G certificate yet.</exception>
    /// <exception cref="NotSupportedException">The station speaks OCPP 1.6.</exception>
    public static async Task<IReadOnlyList<string?>> GetCertificateStatusAsync(StationEngine engine, CancellationToken ct)
    {
        Require2x(engine);
        var statuses = new List<string?>();
        foreach (var data in OcspRequests(engine.Station.V2GCertificate))
        {
            var answer = await CallAsync(engine, "GetCertificateStatus", new Ocpp2.GetCertificateStatusRequest(data), ct).ConfigureAwait(false);
            statuses.Add(Text(answer, "status"));
        }

        return statuses;
    }

    /// <summary>
    /// The OCSP request data of the certificates of <paramref name="certificate"/>'s chain below the root: each sub-CA,
    /// or the leaf when the chain has no sub-CA (M06.FR.01).
    /// </summary>
    /// <exception cref="InvalidOperationException">There is no certificate, or its chain lacks the issuer of one.</exception>
    public static IReadOnlyList<Ocpp2.OCSPRequestDataType> OcspRequests(StationCertificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var leaf = certificate.Current ?? throw new InvalidOperationException("the station has no V2G certificate: the CSMS must sign one first");
        var chain = new List<X509Certificate2> { leaf };
        chain.AddRange(certificate.Issuers);
        var subCas = Enumerable.Range(1, chain.Count - 1).Where(i => !SelfSigned(chain[i])).ToList();
        var asked = subCas.Count > 0 ? subCas : [0];
        return [.. asked.Select(i =>
        {
            if (i + 1 >= chain.Count)
            {
                throw new InvalidOperationException($"the V2G chain lacks the issuer of {chain[i].Subject}");
            }

            var hash = CertificateHashData.Of(chain[i], chain[i + 1].PublicKey, "SHA256");
            return new Ocpp2.OCSPRequestDataType(Ocpp2.HashAlgorithmEnumType.SHA256, hash.IssuerNameHash, hash.IssuerKeyHash, hash.SerialNumber, ResponderOf(chain[i]));
        })];
    }

    /// <summary>
    /// The V2GCertificateChain entry of GetInstalledCertificateIds (M03.FR.05): the V2G certificate's hash data, its
    /// sub-CAs as childCertificateHashData; null while the station has no V2G certificate.
    /// </summary>
    public static Ocpp2.CertificateHashDataChainType? V2GChain(StationCertificate certificate, string algorithm)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        if (certificate.Current is not { } leaf || certificate.Issuers.Count == 0)
        {
            return null;
        }

        var chain = new List<X509Certificate2> { leaf };
        chain.AddRange(certificate.Issuers);
        var children = Enumerable.Range(1, chain.Count - 1).Where(i => !SelfSigned(chain[i]) && i + 1 < chain.Count).Select(i => ToOcpp(CertificateHashData.Of(chain[i], chain[i + 1].PublicKey, algorithm))).ToList();
        return new Ocpp2.CertificateHashDataChainType(ToOcpp(CertificateHashData.Of(leaf, chain[1].PublicKey, algorithm)), Ocpp2.GetCertificateIdUseEnumType.V2GCertificateChain)
        {
            ChildCertificateHashData = children.Count > 0 ? children : null,
        };
    }

    private static Ocpp2.CertificateHashDataType ToOcpp(CertificateHashData data) =>
        new(Enum.Parse<Ocpp2.HashAlgorithmEnumType>(data.HashAlgorithm), data.IssuerNameHash, data.IssuerKeyHash, data.SerialNumber);

    // responderURL is required; a certificate without an OCSP responder names none the CSMS could ask.
    private static string ResponderOf(X509Certificate2 certificate) =>
        certificate.Extensions.OfType<X509AuthorityInformationAccessExtension>().SelectMany(a => a.EnumerateOcspUris()).FirstOrDefault() ?? "";

    private static bool SelfSigned(X509Certificate2 certificate) => certificate.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData);

    private static void Require2x(StationEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        if (engine.Version == OcppVersion.V16)
        {
            throw new NotSupportedException("ISO 15118 certificate messages are OCPP 2.x; a 1.6 station relays them in DataTransfer, which DerSim does not simulate");
        }
    }

    private static async Task<JsonElement?> CallAsync<T>(StationEngine engine, string action, T request, CancellationToken ct)
        where T : class
    {
        var payload = OcppJson.SerializeToElement(request, typeof(T), OcppActionTables.For(engine.Version));
        return await engine.Outbox.CallAsync(action, payload, OutboxDelivery.Request, ct).ConfigureAwait(false);
    }

    private static string? Text(JsonElement? answer, string field) =>
        answer is { ValueKind: JsonValueKind.Object } a && a.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
