using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using DerSim.Ocpp;
using DerSim.Ocpp.Rpc;

namespace DerSim.Sim.Tests.Adapters;

/// <summary>
/// The 2.x station's security messages end to end over a real connection: SetNetworkProfile, a new Basic-auth
/// password, and the certificate the CSMS signs for it (TriggerMessage, SignCertificate, CertificateSigned).
/// </summary>
public sealed class SecurityHandlersTests
{
    private const string Profile = "EVSE-AC-22kW-1port";

    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task SetNetworkProfile_stores_a_valid_profile_rejects_an_unknown_slot_and_fails_when_it_cannot_store(OcppVersion version)
    {
        await using var rig = await AdapterRig.StartAsync(version, Profile);
        var ocppVersion = version == OcppVersion.V201 ? ",\"ocppVersion\":\"OCPP20\"" : "";
        string Request(int slot) => $$"""{"configurationSlot":{{slot}},"connectionData":{"ocppInterface":"Wired0","ocppTransport":"JSON","messageTimeout":30,"ocppCsmsUrl":"ws://csms.example/ocpp","securityProfile":0""" + ocppVersion + "}}";

        (await rig.CallAsync("SetNetworkProfile", Request(2))).GetProperty("status").GetString().ShouldBe("Accepted");
        rig.Station.NetworkProfiles.In(2).ShouldNotBeNull().CsmsUrl.ShouldBe("ws://csms.example/ocpp");
        (await rig.CallAsync("SetNetworkProfile", Request(7))).GetProperty("status").GetString().ShouldBe("Rejected");
        rig.Station.NetworkProfiles.StorageFails = true;
        (await rig.CallAsync("SetNetworkProfile", Request(3))).GetProperty("status").GetString().ShouldBe("Failed");
    }

    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task A_new_Basic_auth_password_is_taken_when_it_is_a_password_string_and_makes_the_station_reconnect(OcppVersion version)
    {
        await using var rig = await AdapterRig.StartAsync(version, Profile);
        var reconnect = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        rig.Station.ReconnectRequested += why => reconnect.TrySetResult(why);
        static string Set(string password) => $$$"""{"setVariableData":[{"attributeValue":"{{{password}}}","component":{"name":"SecurityCtrlr"},"variable":{"name":"BasicAuthPassword"}}]}""";

        (await rig.CallAsync("SetVariables", Set("too-short"))).GetProperty("setVariableResult")[0].GetProperty("attributeStatus").GetString().ShouldBe("Rejected");
        rig.Station.BasicAuthPassword.ShouldBeNull();
        (await rig.CallAsync("SetVariables", Set("NewPassword0123456789"))).GetProperty("setVariableResult")[0].GetProperty("attributeStatus").GetString().ShouldBe("Accepted");

        rig.Station.BasicAuthPassword.ShouldBe("NewPassword0123456789");
        (await reconnect.Task.WaitAsync(rig.Token)).ShouldContain("Basic-auth password");
        rig.Station.Configuration.RefusesNewPassword = true;
        (await rig.CallAsync("SetVariables", Set("OtherPassword0123456789"))).GetProperty("setVariableResult")[0].GetProperty("attributeStatus").GetString().ShouldBe("Rejected");
        rig.Station.BasicAuthPassword.ShouldBe("NewPassword0123456789");
    }

    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task A_triggered_signing_request_is_signed_checked_and_installed_and_a_foreign_chain_is_reported(OcppVersion version)
    {
        await using var rig = await AdapterRig.StartAsync(version, Profile);
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

        (await rig.CallAsync("TriggerMessage", """{"requestedMessage":"SignChargingStationCertificate"}""")).GetProperty("status").GetString().ShouldBe("Accepted");
        var csr = csrs.Take(rig.Token);
        var signed = await rig.CallAsync("CertificateSigned", JsonSerializer.Serialize(new { certificateChain = Sign(ca, csr), certificateType = "ChargingStationCertificate" }));

        signed.GetProperty("status").GetString().ShouldBe("Accepted");
        rig.Station.Certificate.Current.ShouldNotBeNull().GetNameInfo(X509NameType.SimpleName, false).ShouldBe(rig.Station.StationId);

        await rig.CallAsync("TriggerMessage", """{"requestedMessage":"SignChargingStationCertificate"}""");
        using var other = Ca();
        var refused = await rig.CallAsync("CertificateSigned", JsonSerializer.Serialize(new { certificateChain = Sign(other, csrs.Take(rig.Token)), certificateType = "ChargingStationCertificate" }));

        refused.GetProperty("status").GetString().ShouldBe("Rejected");
        events.Take(rig.Token).ShouldBe("InvalidChargingStationCertificate");
    }

    private static X509Certificate2 Ca()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Test CSMS CA", key, HashAlgorithmName.SHA256);
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
