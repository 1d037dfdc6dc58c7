using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using DerSim.Ocpp;
using DerSim.Sim.StationModel;

namespace DerSim.Sim.Tests.Adapters;

/// <summary>
/// The 1.6 station's security extension end to end over a real connection: AuthorizationKey, the certificate the CSMS
/// signs at its request (ExtendedTriggerMessage, SignCertificate, CertificateSigned), the CA store with the 1.6 keys
/// (InstallCertificate, GetInstalledCertificateIds, DeleteCertificate, AdditionalRootCertificateCheck) and SecurityProfile.
/// </summary>
public sealed class V16SecurityHandlersTests
{
    private const string Profile = "EVSE-AC-22kW-1port";

    [Test]
    public async Task A_new_AuthorizationKey_is_taken_makes_the_station_reconnect_and_is_never_read_back()
    {
        await using var rig = await AdapterRig.StartAsync(OcppVersion.V16, Profile);
        var reconnect = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        rig.Station.ReconnectRequested += why => reconnect.TrySetResult(why);

        (await rig.CallAsync("ChangeConfiguration", """{"key":"AuthorizationKey","value":"0011"}""")).GetProperty("status").GetString().ShouldBe("Rejected");
        (await rig.CallAsync("ChangeConfiguration", """{"key":"AuthorizationKey","value":"AABBCCDDEEFF00112233445566778899AABBCCDD"}""")).GetProperty("status").GetString().ShouldBe("Accepted");

        rig.Station.BasicAuthPassword.ShouldBe("AABBCCDDEEFF00112233445566778899AABBCCDD");
        (await reconnect.Task.WaitAsync(rig.Token)).ShouldContain("AuthorizationKey");
        var read = await rig.CallAsync("GetConfiguration", """{"key":["AuthorizationKey","CertificateSignedMaxChainSize"]}""");
        var keys = read.GetProperty("configurationKey").EnumerateArray().ToDictionary(k => k.GetProperty("key").GetString()!);
        keys["AuthorizationKey"].TryGetProperty("value", out _).ShouldBeFalse();
        keys["CertificateSignedMaxChainSize"].GetProperty("readonly").GetBoolean().ShouldBeTrue();
    }

    [Test]
    public async Task An_extended_trigger_makes_a_signing_request_whose_chain_is_installed_and_a_foreign_chain_is_reported()
    {
        await using var rig = await AdapterRig.StartAsync(OcppVersion.V16, Profile);
        using var ca = Ca();
        rig.Station.Certificate.TrustedRoots = [ca];
        var csrs = new System.Collections.Concurrent.BlockingCollection<string>();
        var events = new System.Collections.Concurrent.BlockingCollection<string>();
        rig.Csms.OnRaw("SignCertificate", (payload, ct) =>
        {
            csrs.Add(payload.GetProperty("csr").GetString()!, ct);
            return ValueTask.FromResult(JsonDocument.Parse("""{"status":"Accepted"}""").RootElement.Clone());
        });
        rig.Csms.OnRaw("SecurityEventNotification", (payload, ct) =>
        {
            events.Add(payload.GetProperty("type").GetString()!, ct);
            return ValueTask.FromResult(JsonDocument.Parse("{}").RootElement.Clone());
        });

        (await rig.CallAsync("ExtendedTriggerMessage", """{"requestedMessage":"SignChargePointCertificate"}""")).GetProperty("status").GetString().ShouldBe("Accepted");
        var signed = await rig.CallAsync("CertificateSigned", JsonSerializer.Serialize(new { certificateChain = Sign(ca, csrs.Take(rig.Token)) }));

        signed.GetProperty("status").GetString().ShouldBe("Accepted");
        rig.Station.Certificate.Current.ShouldNotBeNull().GetNameInfo(X509NameType.SimpleName, false).ShouldBe(rig.Station.StationId);

        await rig.CallAsync("ExtendedTriggerMessage", """{"requestedMessage":"SignChargePointCertificate"}""");
        using var other = Ca();
        (await rig.CallAsync("CertificateSigned", JsonSerializer.Serialize(new { certificateChain = Sign(other, csrs.Take(rig.Token)) }))).GetProperty("status").GetString().ShouldBe("Rejected");
        events.Take(rig.Token).ShouldBe("InvalidChargePointCertificate");
    }

    [Test]
    public async Task A_central_system_root_is_installed_listed_by_its_hash_data_and_deleted()
    {
        await using var rig = await AdapterRig.StartAsync(OcppVersion.V16, Profile);
        using var root = Ca();

        (await rig.CallAsync("InstallCertificate", JsonSerializer.Serialize(new { certificateType = "CentralSystemRootCertificate", certificate = root.ExportCertificatePem() })))
            .GetProperty("status").GetString().ShouldBe("Accepted");
        (await rig.CallAsync("GetInstalledCertificateIds", """{"certificateType":"ManufacturerRootCertificate"}""")).GetProperty("status").GetString().ShouldBe("NotFound");
        var listed = await rig.CallAsync("GetInstalledCertificateIds", """{"certificateType":"CentralSystemRootCertificate"}""");
        listed.GetProperty("status").GetString().ShouldBe("Accepted");
        var hashData = listed.GetProperty("certificateHashData")[0];
        hashData.GetProperty("hashAlgorithm").GetString().ShouldBe("SHA256");

        (await rig.CallAsync("DeleteCertificate", JsonSerializer.Serialize(new { certificateHashData = hashData }))).GetProperty("status").GetString().ShouldBe("Accepted");
        (await rig.CallAsync("DeleteCertificate", JsonSerializer.Serialize(new { certificateHashData = hashData }))).GetProperty("status").GetString().ShouldBe("NotFound");
    }

    [Test]
    public async Task With_AdditionalRootCertificateCheck_a_root_not_signed_by_the_installed_one_is_rejected_and_reported()
    {
        await using var rig = await AdapterRig.StartAsync(OcppVersion.V16, Profile);
        var events = new System.Collections.Concurrent.BlockingCollection<string>();
        rig.Csms.OnRaw("SecurityEventNotification", (payload, ct) =>
        {
            events.Add(payload.GetProperty("type").GetString()!, ct);
            return ValueTask.FromResult(JsonDocument.Parse("{}").RootElement.Clone());
        });
        (await rig.CallAsync("ChangeConfiguration", """{"key":"AdditionalRootCertificateCheck","value":"true"}""")).GetProperty("status").GetString().ShouldBe("Accepted");
        using var first = Ca();
        using var second = Ca();
        string Install(X509Certificate2 c) => JsonSerializer.Serialize(new { certificateType = "CentralSystemRootCertificate", certificate = c.ExportCertificatePem() });

        (await rig.CallAsync("InstallCertificate", Install(first))).GetProperty("status").GetString().ShouldBe("Accepted");
        (await rig.CallAsync("InstallCertificate", Install(second))).GetProperty("status").GetString().ShouldBe("Rejected");

        events.Take(rig.Token).ShouldBe("InvalidCentralSystemCertificate");
        rig.Station.CaCertificates.Entries.Single().Certificate.Thumbprint.ShouldBe(first.Thumbprint);
    }

    [Test]
    public async Task SecurityProfile_is_raised_only_to_a_profile_the_station_holds_a_connection_for_and_never_lowered()
    {
        await using var rig = await AdapterRig.StartAsync(OcppVersion.V16, Profile);
        static string Set(string value) => $$"""{"key":"SecurityProfile","value":"{{value}}"}""";

        (await rig.CallAsync("ChangeConfiguration", Set("2"))).GetProperty("status").GetString().ShouldBe("Rejected");
        rig.Station.NetworkProfiles.Store(2, new NetworkProfile("wss://csms.example/ocpp", 2, "Wired0", "JSON", 30, "OCPP16")).Outcome.ShouldBe(NetworkProfileOutcome.Accepted);
        (await rig.CallAsync("ChangeConfiguration", Set("2"))).GetProperty("status").GetString().ShouldBe("Accepted");

        rig.Station.Configuration.Get(StationConfiguration.NetworkConfigurationPriorityKey)!.Value.ShouldBe("2");
        (await rig.CallAsync("ChangeConfiguration", Set("1"))).GetProperty("status").GetString().ShouldBe("Rejected");
    }

    private static X509Certificate2 Ca()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN=Test CA {Guid.NewGuid():N}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        return request.CreateSelfSigned(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    }

    // The rig's station clock is 2026-03-01: the certificate covers it.
    private static string Sign(X509Certificate2 ca, string csr)
    {
        var request = CertificateRequest.LoadSigningRequestPem(csr, HashAlgorithmName.SHA256);
        using var key = ca.GetECDsaPrivateKey()!;
        using var issued = request.Create(ca.SubjectName, X509SignatureGenerator.CreateForECDsa(key), new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), DateTimeOffset.UtcNow.AddDays(29), [5, 6, 7, 8]);
        return issued.ExportCertificatePem() + "\n" + ca.ExportCertificatePem();
    }
}
