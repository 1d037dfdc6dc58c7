using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using DerSim.Harness.Drivers;
using DerSim.Harness.Drivers.Csms;
using DerSim.Harness.Security;
using DerSim.Harness.Traffic;
using DerSim.Ocpp;
using DerSim.Gherkin.Glue;
using DerSim.Sim.StationModel;
using Reqnroll;

namespace DerSim.Harness.Steps;

/// <summary>
/// Certificate management (OCPP 2.x block M, the OCA cases TC_M_*_CSMS): the CSMS installs CA certificates the scenario
/// makes, lists the station's installed certificates and deletes one by the hash data the station reported; the
/// checks judge what the CSMS sent. The station's own store answers for real (InstalledCertificates).
/// </summary>
[Binding]
public sealed class CertificateCaseSteps(ScenarioWorld world, ScenarioContext scenario, ScenarioCaRoots roots)
{
    /// <summary>
    /// Puts a new root of that type, made for this scenario, in the station's store without the CSMS (as if it came
    /// with the station). Needs the station connected. Example: <c>Given the station already trusts a "ManufacturerRootCertificate"</c>
    /// </summary>
    [Given("the station already trusts a/an {string}")]
    public void AlreadyTrusts(string use)
    {
        var now = world.Simulator.Clock.Time.GetUtcNow();
        var root = roots.Make(use, now);
        var outcome = Store().Install(StoreUse(use), TestCertificates.CertificatePem(root), now);
        if (outcome != InstallCertificateOutcome.Accepted)
        {
            throw new InvalidOperationException($"the station's store did not take the {use} made for the scenario: {outcome}");
        }
    }

    /// <summary>
    /// The station reports the hash data of its installed certificates with that algorithm (SHA256, SHA384, SHA512)
    /// from now on. Needs the station connected. Example: <c>Given the station reports certificate hash data with "SHA384"</c>
    /// </summary>
    [Given("the station reports certificate hash data with {string}")]
    public void ReportsHashWith(string algorithm) => Store().ReportHash = algorithm;

    /// <summary>
    /// A storage fault: from now on the station cannot write its certificate store, so a valid InstallCertificate or
    /// DeleteCertificate fails (answered Failed, OCPP 2.0.1 M05.FR.03, M04.FR.03). Needs the station connected.
    /// Example: <c>When the station's certificate store can no longer be written</c>
    /// </summary>
    [When("the station's certificate store can no longer be written")]
    public void StoreFails() => Store().Writable = false;

    /// <summary>
    /// Makes a new root certificate of that type (real, self-signed, ECDSA P-256, valid at the station's time) and has the
    /// CSMS send InstallCertificate with it in PEM. OCPP 2.x only.
    /// Example: <c>When the CSMS installs a new "CSMSRootCertificate" on the station</c>
    /// </summary>
    [When("the CSMS installs a new {string} on the station")]
    public Task Install(string use)
    {
        var station = world.Simulator.Station();
        var root = roots.Make(use, world.Simulator.Clock.Time.GetUtcNow());
        return CsmsPerform.RunAsync(world, scenario, new InstallCertificateCommand(station.Id, station.Version, use, TestCertificates.CertificatePem(root)));
    }

    /// <summary>
    /// Has the CSMS send GetInstalledCertificateIds for one certificate type. OCPP 2.x only.
    /// Example: <c>When the CSMS asks for the installed "ManufacturerRootCertificate" certificates</c>
    /// </summary>
    [When("the CSMS asks for the installed {string} certificates")]
    public Task AskInstalled(string use)
    {
        var station = world.Simulator.Station();
        return CsmsPerform.RunAsync(world, scenario, new GetInstalledCertificateIdsCommand(station.Id, station.Version, [use]));
    }

    /// <summary>
    /// Has the CSMS send GetInstalledCertificateIds without certificateType: every installed certificate. OCPP 2.x only.
    /// Example: <c>When the CSMS asks for the installed certificates of every type</c>
    /// </summary>
    [When("the CSMS asks for the installed certificates of every type")]
    public Task AskAllInstalled()
    {
        var station = world.Simulator.Station();
        return CsmsPerform.RunAsync(world, scenario, new GetInstalledCertificateIdsCommand(station.Id, station.Version, []));
    }

    /// <summary>
    /// Has the CSMS send DeleteCertificate for the certificate of that type the scenario made, naming it with the hash data
    /// the station gave for it in its last GetInstalledCertificateIds answer (M04.FR.07). Fails when the station's
    /// answer does not list it.
    /// Example: <c>When the CSMS deletes the "CSMSRootCertificate" it installed</c>
    /// </summary>
    [When("the CSMS deletes the {string} it installed")]
    public Task Delete(string use)
    {
        var station = world.Simulator.Station();
        var root = roots.Of(use);
        var listing = CsmsPerform.Latest(world, "GetInstalledCertificateIds");
        var reported = ReportedHashData(listing.Answer);
        var index = reported.FindIndex(r => Names(r, root));
        if (index < 0)
        {
            throw new TrafficAssertionException($"the station's answer to GetInstalledCertificateIds does not list the {use} made for this scenario (serial {root.SerialNumber}): nothing to delete", [listing.Call, listing.Answer]);
        }

        var data = reported[index];
        return CsmsPerform.RunAsync(world, scenario, new DeleteCertificateCommand(
            station.Id, station.Version, Field(data, "hashAlgorithm"), Field(data, "issuerNameHash"), Field(data, "issuerKeyHash"), Field(data, "serialNumber")));
    }

    /// <summary>
    /// Checks that the certificate in the CSMS's latest CALL of that action (its <c>certificate</c> field, PEM) is the
    /// very certificate the scenario asked it to send: the same DER bytes, whatever the PEM's line layout.
    /// Example: <c>Then the CSMS's "InstallCertificate" carries the certificate it was asked for</c>
    /// </summary>
    [Then("the CSMS's {string} carries the certificate it was asked for")]
    public void CarriesAskedCertificate(string action)
    {
        var exchange = CsmsPerform.Latest(world, action);
        if (exchange.Command is not InstallCertificateCommand asked)
        {
            throw new TrafficAssertionException($"no record of a certificate the CSMS was asked to send in its {exchange.Call.Action}", [exchange.Call]);
        }

        using var expected = X509Certificate2.CreateFromPem(asked.Certificate);
        var sent = exchange.Call.Payload is { } payload && FrameFields.At(payload, "certificate") is { ValueKind: JsonValueKind.String } field ? field.GetString() : null;
        if (sent is null)
        {
            throw new TrafficAssertionException($"the CSMS's {exchange.Call.Action} carries no certificate; it was asked to send {expected.Subject} (serial {expected.SerialNumber})", [exchange.Call]);
        }

        X509Certificate2 actual;
        try
        {
            actual = X509Certificate2.CreateFromPem(sent);
        }
        catch (CryptographicException ex)
        {
            throw new TrafficAssertionException($"the certificate in the CSMS's {exchange.Call.Action} is not a PEM X.509 certificate ({ex.Message}); it was asked to send {expected.Subject} (serial {expected.SerialNumber})", [exchange.Call]);
        }

        using (actual)
        {
            if (!actual.RawDataMemory.Span.SequenceEqual(expected.RawDataMemory.Span))
            {
                throw new TrafficAssertionException($"the CSMS's {exchange.Call.Action} carries {actual.Subject} (serial {actual.SerialNumber}), not the certificate it was asked to send: {expected.Subject} (serial {expected.SerialNumber})", [exchange.Call]);
            }
        }
    }

    /// <summary>
    /// Checks the CSMS's latest DeleteCertificate against OCPP 2.0.1 M04.FR.07: its certificateHashData is one the
    /// station reported in its latest GetInstalledCertificateIds answer before it, field by field (the same hashAlgorithm,
    /// and the same issuerNameHash, issuerKeyHash and serialNumber, hex compared whatever its letter case).
    /// Example: <c>Then the CSMS's "DeleteCertificate" names the certificate as the station reported it</c>
    /// </summary>
    [Then("the CSMS's {string} names the certificate as the station reported it")]
    public void DeletesAsReported(string action)
    {
        var delete = CsmsPerform.Latest(world, action);
        var listing = world.CsmsExchanges.LastOrDefault(e => e.Call.Action == "GetInstalledCertificateIds" && e.Answer.Sequence < delete.Call.Sequence)
            ?? throw new TrafficAssertionException($"the CSMS sent its {delete.Call.Action} without asking the station for its installed certificates first (no GetInstalledCertificateIds before it)", [delete.Call]);
        var sent = delete.Call.Payload is { } payload ? FrameFields.At(payload, "certificateHashData") : null;
        if (sent is not { ValueKind: JsonValueKind.Object } named)
        {
            throw new TrafficAssertionException($"the CSMS's {delete.Call.Action} has no certificateHashData", [delete.Call]);
        }

        var reported = ReportedHashData(listing.Answer);
        if (!reported.Any(r => Same(r, named)))
        {
            throw new TrafficAssertionException(
                $"M04.FR.07: the CSMS must delete a certificate with the hash data the station reported for it (the same hashAlgorithm); its {delete.Call.Action} names {Describe(named)}, the station reported {(reported.Count == 0 ? "none" : string.Join("; ", reported.Select(Describe)))}",
                [listing.Call, listing.Answer, delete.Call]);
        }
    }

    private InstalledCertificates Store()
    {
        var station = world.Simulator.Station();
        var engine = station.Runner?.Engine ?? throw new InvalidOperationException("the station is not connected: start with Given the station is Booted");
        return engine.Station.CaCertificates;
    }

    // The station's store keeps a 1.6 CentralSystemRootCertificate under its 2.x name (the same role).
    private static string StoreUse(string use) => use == "CentralSystemRootCertificate" ? "CSMSRootCertificate" : use;

    private static List<JsonElement> ReportedHashData(RecordedFrame answer)
    {
        var found = new List<JsonElement>();

        // 1.6 (security extension): certificateHashData is the list itself.
        if (answer.Payload is { } listed && FrameFields.At(listed, "certificateHashData") is { ValueKind: JsonValueKind.Array } flat)
        {
            found.AddRange(flat.EnumerateArray());
        }

        if (answer.Payload is { } payload && FrameFields.At(payload, "certificateHashDataChain") is { ValueKind: JsonValueKind.Array } chain)
        {
            foreach (var entry in chain.EnumerateArray())
            {
                if (FrameFields.At(entry, "certificateHashData") is { ValueKind: JsonValueKind.Object } data)
                {
                    found.Add(data);
                }

                if (FrameFields.At(entry, "childCertificateHashData") is { ValueKind: JsonValueKind.Array } children)
                {
                    found.AddRange(children.EnumerateArray());
                }
            }
        }

        return found;
    }

    /// <summary>Whether the reported hash data names <paramref name="root"/> (self-signed: its own name and key).</summary>
    private static bool Names(JsonElement reported, X509Certificate2 root)
    {
        var algorithm = Field(reported, "hashAlgorithm");
        if (!CertificateHashData.Algorithms.Contains(algorithm))
        {
            return false;
        }

        var ours = CertificateHashData.Of(root, root.PublicKey, algorithm);
        return ours.Names(new CertificateHashData(algorithm, Field(reported, "issuerNameHash"), Field(reported, "issuerKeyHash"), Field(reported, "serialNumber")));
    }

    private static bool Same(JsonElement reported, JsonElement sent) =>
        Field(reported, "hashAlgorithm") == Field(sent, "hashAlgorithm")
        && string.Equals(Field(reported, "issuerNameHash"), Field(sent, "issuerNameHash"), StringComparison.OrdinalIgnoreCase)
        && string.Equals(Field(reported, "issuerKeyHash"), Field(sent, "issuerKeyHash"), StringComparison.OrdinalIgnoreCase)
        && string.Equals(Field(reported, "serialNumber"), Field(sent, "serialNumber"), StringComparison.OrdinalIgnoreCase);

    private static string Describe(JsonElement data) =>
        $"{Field(data, "hashAlgorithm")} issuerNameHash {Field(data, "issuerNameHash")} issuerKeyHash {Field(data, "issuerKeyHash")} serialNumber {Field(data, "serialNumber")}";

    private static string Field(JsonElement data, string name) => FrameFields.At(data, name) is { } value ? FrameFields.Text(value) : "";
}
