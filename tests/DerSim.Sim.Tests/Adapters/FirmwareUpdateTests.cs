using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using DerSim.Ocpp;
using DerSim.Sim.Engine;
using DerSim.Sim.StationModel;
using DerSim.Sim.Tests.Engine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DerSim.Sim.Tests.Adapters;

/// <summary>
/// The 2.x secure firmware update (2.0.1 L01) against a real loopback CSMS and a real HTTP server for the image: the
/// certificate judged against the manufacturer root, the download with retries, the signature check, the install, the
/// reboot with reason FirmwareUpdate, each state reported with the request id; a second request cancels the first
/// (L01.FR.24) or is Rejected (L01.FR.27); with a transaction and AllowNewSessionsPendingFirmwareUpdate false the
/// station waits and starts nothing new.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class FirmwareUpdateTests
{
    private const string TwoPorts = "EVSE-AC-7.4kW-2port";
    private static readonly byte[] Image = Encoding.UTF8.GetBytes("firmware image " + new string('x', 1000));

    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task A_valid_update_is_downloaded_verified_installed_and_reported_through_a_reboot(OcppVersion version)
    {
        await using var files = await ImageServer.StartAsync();
        await using var rig = await StartAsync(version, "FW-OK");
        var signer = FirmwareManufacturer.Default.IssueSigner();

        (await rig.CallAsync("UpdateFirmware", Request(7, files.Url("fw.bin"), signer.CertificatePem, signer.Sign(Image)))).GetProperty("status").GetString().ShouldBe("Accepted");
        rig.ReleaseTime();

        await rig.UntilAsync(() => Statuses(rig).Contains("Installed"), "Installed");
        Statuses(rig).ShouldBe(["Downloading", "Downloaded", "SignatureVerified", "Installing", "InstallRebooting", "Installed"], rig.Describe());
        rig.Calls("FirmwareStatusNotification").ShouldAllBe(c => c.Payload.GetProperty("requestId").GetInt32() == 7);
        rig.Calls("BootNotification").Count.ShouldBe(2);
        rig.Calls("BootNotification")[1].Payload.GetProperty("reason").GetString().ShouldBe("FirmwareUpdate");
        files.Requests.ShouldBe(1);
    }

    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task A_signing_certificate_of_an_unknown_manufacturer_is_InvalidCertificate_and_a_security_event(OcppVersion version)
    {
        await using var files = await ImageServer.StartAsync();
        await using var rig = await StartAsync(version, "FW-CERT");
        var stranger = FirmwareManufacturer.Create("Stranger Root").IssueSigner();

        (await rig.CallAsync("UpdateFirmware", Request(1, files.Url("fw.bin"), stranger.CertificatePem, stranger.Sign(Image)))).GetProperty("status").GetString().ShouldBe("InvalidCertificate");

        await rig.UntilAsync(() => rig.Calls("SecurityEventNotification").Count == 1, "the security event");
        rig.Calls("SecurityEventNotification")[0].Payload.GetProperty("type").GetString().ShouldBe("InvalidFirmwareSigningCertificate");
        files.Requests.ShouldBe(0, "nothing is downloaded");
    }

    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task A_revoked_signing_certificate_is_RevokedCertificate(OcppVersion version)
    {
        await using var files = await ImageServer.StartAsync();
        await using var rig = await StartAsync(version, "FW-REV");
        var signer = FirmwareManufacturer.Default.IssueSigner();
        rig.Runner.Station.FirmwareTrust.Revoke(signer.Certificate);

        (await rig.CallAsync("UpdateFirmware", Request(1, files.Url("fw.bin"), signer.CertificatePem, signer.Sign(Image)))).GetProperty("status").GetString().ShouldBe("RevokedCertificate");
    }

    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task A_signature_that_does_not_match_is_InvalidSignature_and_a_security_event(OcppVersion version)
    {
        await using var files = await ImageServer.StartAsync();
        await using var rig = await StartAsync(version, "FW-SIG");
        var signer = FirmwareManufacturer.Default.IssueSigner();

        (await rig.CallAsync("UpdateFirmware", Request(3, files.Url("fw.bin"), signer.CertificatePem, signer.Sign([.. Image, 1])))).GetProperty("status").GetString().ShouldBe("Accepted");
        rig.ReleaseTime();

        await rig.UntilAsync(() => rig.Calls("SecurityEventNotification").Count == 1, "the security event");
        Statuses(rig).ShouldBe(["Downloading", "Downloaded", "InvalidSignature"], rig.Describe());
        rig.Calls("SecurityEventNotification")[0].Payload.GetProperty("type").GetString().ShouldBe("InvalidFirmwareSignature");
    }

    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task An_image_that_is_not_there_is_tried_once_more_then_DownloadFailed(OcppVersion version)
    {
        await using var files = await ImageServer.StartAsync();
        await using var rig = await StartAsync(version, "FW-404");
        var signer = FirmwareManufacturer.Default.IssueSigner();

        (await rig.CallAsync("UpdateFirmware", Request(4, files.Url("missing.bin"), signer.CertificatePem, signer.Sign(Image), retries: 1))).GetProperty("status").GetString().ShouldBe("Accepted");
        rig.ReleaseTime();

        await rig.UntilAsync(() => Statuses(rig).Contains("DownloadFailed"), "DownloadFailed");
        Statuses(rig).ShouldBe(["Downloading", "DownloadFailed"], rig.Describe());
        files.Requests.ShouldBe(2, "one retry");
    }

    [TestCase(OcppVersion.V201, false, "InstallVerificationFailed")]
    [TestCase(OcppVersion.V21, true, "InstallationFailed")]
    public async Task A_failing_installation_is_reported(OcppVersion version, bool afterReboot, string last)
    {
        await using var files = await ImageServer.StartAsync();
        await using var rig = await StartAsync(version, "FW-FAIL-" + last);
        rig.Runner.Engine.Firmware.Faults.InstallVerificationFails = !afterReboot;
        rig.Runner.Engine.Firmware.Faults.InstallationFails = afterReboot;
        var signer = FirmwareManufacturer.Default.IssueSigner();

        (await rig.CallAsync("UpdateFirmware", Request(5, files.Url("fw.bin"), signer.CertificatePem, signer.Sign(Image)))).GetProperty("status").GetString().ShouldBe("Accepted");
        rig.ReleaseTime();

        await rig.UntilAsync(() => Statuses(rig).Contains(last), last);
        Statuses(rig).ShouldBe(
            afterReboot ? ["Downloading", "Downloaded", "SignatureVerified", "Installing", "InstallRebooting", last] : ["Downloading", "Downloaded", "SignatureVerified", "Installing", last],
            rig.Describe());
        rig.Calls("BootNotification").Count.ShouldBe(afterReboot ? 2 : 1);
    }

    [TestCase(OcppVersion.V201, false)]
    [TestCase(OcppVersion.V21, false)]
    [TestCase(OcppVersion.V201, true)]
    public async Task A_second_request_while_downloading_cancels_the_first_or_is_Rejected(OcppVersion version, bool cannotCancel)
    {
        await using var files = await ImageServer.StartAsync();
        await using var rig = await StartAsync(version, $"FW-TWICE-{cannotCancel}");
        rig.Runner.Engine.Firmware.Faults.CannotCancel = cannotCancel;
        var signer = FirmwareManufacturer.Default.IssueSigner();
        (await rig.CallAsync("UpdateFirmware", Request(1, files.Url("fw.bin"), signer.CertificatePem, signer.Sign(Image)))).GetProperty("status").GetString().ShouldBe("Accepted");
        await rig.UntilAsync(() => Statuses(rig).Contains("Downloading") && files.Requests == 1, "the first download");

        var second = await rig.CallAsync("UpdateFirmware", Request(2, files.Url("fw.bin"), signer.CertificatePem, signer.Sign(Image)));

        second.GetProperty("status").GetString().ShouldBe(cannotCancel ? "Rejected" : "AcceptedCanceled");
        rig.ReleaseTime();
        await rig.UntilAsync(() => Statuses(rig).Contains("Installed"), "Installed");
        var installed = rig.Calls("FirmwareStatusNotification").Single(c => c.Payload.GetProperty("status").GetString() == "Installed");
        installed.Payload.GetProperty("requestId").GetInt32().ShouldBe(cannotCancel ? 1 : 2, rig.Describe());
        rig.Calls("FirmwareStatusNotification").Where(c => c.Payload.GetProperty("requestId").GetInt32() == 1).Select(c => c.Payload.GetProperty("status").GetString())
            .ShouldBe(cannotCancel ? ["Downloading", "Downloaded", "SignatureVerified", "Installing", "InstallRebooting", "Installed"] : ["Downloading"], "the canceled update reports nothing more");
    }

    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task With_a_transaction_and_no_new_sessions_allowed_it_waits_refusing_starts_then_updates(OcppVersion version)
    {
        await using var files = await ImageServer.StartAsync();
        await using var rig = await StartAsync(version, "FW-TX", station => station.Configuration.TrySet(station.Configuration.Get(StationConfiguration.AllowNewSessionsPendingFirmwareUpdateKey)!, "false"));
        (await rig.CallAsync("RequestStartTransaction", Start(1))).GetProperty("status").GetString().ShouldBe("Accepted");
        await rig.UntilAsync(() => rig.Runner.Engine.TransactionOn(1) is { TransactionId: not null }, "a transaction on EVSE 1");
        var tx = rig.Runner.Engine.TransactionOn(1)!;
        var signer = FirmwareManufacturer.Default.IssueSigner();

        (await rig.CallAsync("UpdateFirmware", Request(9, files.Url("fw.bin"), signer.CertificatePem, signer.Sign(Image)))).GetProperty("status").GetString().ShouldBe("Accepted");

        await rig.UntilAsync(() => Statuses(rig).Contains("DownloadScheduled") && LastStatus(rig, 2) == "Unavailable", "DownloadScheduled, the idle EVSE Unavailable");
        (await rig.CallAsync("RequestStartTransaction", Start(2))).GetProperty("status").GetString().ShouldBe("Rejected", "no new session while the update waits");
        files.Requests.ShouldBe(0, "the download waits for the transaction");

        tx.RequestStop(TransactionStopReason.Local);
        rig.ReleaseTime();
        await rig.UntilAsync(() => Statuses(rig).Contains("Installed"), "Installed");
        Statuses(rig).ShouldBe(["DownloadScheduled", "Downloading", "Downloaded", "SignatureVerified", "Installing", "InstallRebooting", "Installed"], rig.Describe());
        // The EVSEs' StatusNotifications after the reboot may follow the Installed notification.
        await rig.UntilAsync(() => LastStatus(rig, 2) == "Available", "the EVSEs come back after the update");
    }

    [Test]
    public void Signatures_verify_for_ECDSA_in_either_encoding_and_RSA_and_fail_for_other_bytes()
    {
        var signer = FirmwareManufacturer.Default.IssueSigner();
        var p1363 = Convert.ToBase64String(signer.Key.SignData(Image, System.Security.Cryptography.HashAlgorithmName.SHA256));
        FirmwareTrust.VerifySignature(Image, signer.Sign(Image), signer.Certificate).ShouldBeTrue();
        FirmwareTrust.VerifySignature(Image, p1363, signer.Certificate).ShouldBeTrue();
        FirmwareTrust.VerifySignature([.. Image, 0], signer.Sign(Image), signer.Certificate).ShouldBeFalse();
        FirmwareTrust.VerifySignature(Image, "not base64!", signer.Certificate).ShouldBeFalse();

        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=RSA signer", rsa, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using var rsaCert = request.CreateSelfSigned(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2090, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var rsaSignature = Convert.ToBase64String(rsa.SignData(Image, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1));
        FirmwareTrust.VerifySignature(Image, rsaSignature, rsaCert).ShouldBeTrue();
    }

    [Test]
    public void The_trust_source_is_a_seam_a_certificate_store_can_replace()
    {
        var other = FirmwareManufacturer.Create("Installed Root");
        var signer = other.IssueSigner();
        var trust = new FirmwareTrust();
        var now = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
        trust.Judge(signer.CertificatePem, now, out _).ShouldBe(FirmwareCertificateVerdict.Invalid);
        trust.Judge(null, now, out _).ShouldBe(FirmwareCertificateVerdict.Invalid);
        trust.Judge("-----BEGIN CERTIFICATE-----\nnope\n-----END CERTIFICATE-----", now, out _).ShouldBe(FirmwareCertificateVerdict.Invalid);

        trust.ManufacturerRoots = () => [other.Root];
        trust.Judge(signer.CertificatePem, now, out var certificate).ShouldBe(FirmwareCertificateVerdict.Valid);
        certificate.ShouldNotBeNull();
        trust.Revoke(signer.Certificate);
        trust.Judge(signer.CertificatePem, now, out _).ShouldBe(FirmwareCertificateVerdict.Revoked);
    }

    /// <summary>A booted station (its status reports in) on a CSMS that answers the firmware reports too.</summary>
    private static async Task<LoopbackCsmsRig> StartAsync(OcppVersion version, string id, Action<ChargingStation>? setUp = null)
    {
        var rig = await LoopbackCsmsRig.StartAsync(version, $"{id}-{version.DisplayName()}", TwoPorts, new SessionPlan { Sessions = 0 }, answers: peer =>
        {
            peer.OnRaw("FirmwareStatusNotification", (_, _) => ValueTask.FromResult(LoopbackCsmsRig.Json("{}")));
            peer.OnRaw("SecurityEventNotification", (_, _) => ValueTask.FromResult(LoopbackCsmsRig.Json("{}")));
        }, setUp: setUp);
        await rig.UntilAsync(() => rig.Calls("StatusNotification").Count >= 2, "the boot-time status reports");
        return rig;
    }

    private static List<string?> Statuses(LoopbackCsmsRig rig) =>
        [.. rig.Calls("FirmwareStatusNotification").Select(c => c.Payload.GetProperty("status").GetString())];

    private static string? LastStatus(LoopbackCsmsRig rig, int evseId) =>
        rig.Calls("StatusNotification").LastOrDefault(c => c.Payload.GetProperty("evseId").GetInt32() == evseId).Payload is { ValueKind: JsonValueKind.Object } p
            ? p.GetProperty("connectorStatus").GetString()
            : null;

    private static string Start(int evseId) =>
        $$$"""{"evseId":{{{evseId}}},"idToken":{"idToken":"TAG-{{{evseId}}}","type":"ISO14443"},"remoteStartId":{{{evseId}}}}""";

    private static string Request(int requestId, string location, string pem, string signature, int retries = 0) =>
        JsonSerializer.Serialize(new
        {
            requestId,
            retries,
            retryInterval = 5,
            firmware = new { location, retrieveDateTime = "2026-01-01T08:00:00Z", signingCertificate = pem, signature },
        });

    /// <summary>A real HTTP server on 127.0.0.1 serving <see cref="Image"/> as fw.bin (anything else 404), counting requests.</summary>
    private sealed class ImageServer : IAsyncDisposable
    {
        private readonly ConcurrentQueue<string> _requests = new();
        private WebApplication _app = null!;
        private string _base = "";

        public int Requests => _requests.Count;

        public static async Task<ImageServer> StartAsync()
        {
            var server = new ImageServer();
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
            server._app = builder.Build();
            server._app.MapGet("/{name}", (string name) =>
            {
                server._requests.Enqueue(name);
                return name == "fw.bin" ? Results.Bytes(Image, "application/octet-stream") : Results.NotFound();
            });
            await server._app.StartAsync();
            server._base = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
            return server;
        }

        public string Url(string name) => $"{_base}/{name}";

        public ValueTask DisposeAsync() => _app.DisposeAsync();
    }
}
