using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using DerSim.Ocpp;
using DerSim.Sim.Engine;
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
/// The 1.6 FirmwareManagement profile against a real loopback CSMS and a real HTTP server: UpdateFirmware downloads the
/// image (with retries), takes the connectors out of service, installs, reboots (a second BootNotification, the
/// connectors Available again) and reports Downloading, Downloaded, Installing, Installed (or DownloadFailed,
/// InstallationFailed); GetDiagnostics names the file, uploads it with PUT and reports Uploading, Uploaded (or
/// UploadFailed), and names no file for a location it cannot upload to.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class V16FirmwareHandlersTests
{
    private static readonly byte[] Image = Encoding.UTF8.GetBytes("1.6 firmware image " + new string('x', 1000));

    [Test]
    public async Task An_update_is_downloaded_installed_through_a_reboot_and_reported_in_1_6_states()
    {
        await using var files = await FileHost.StartAsync(refuseUploads: false);
        await using var rig = await StartAsync("FW16-OK");

        (await rig.CallAsync("UpdateFirmware", Update(files.Url("fw.bin"), retries: 0))).ValueKind.ShouldBe(JsonValueKind.Object);
        rig.ReleaseTime();

        await rig.UntilAsync(() => Statuses(rig).Contains("Installed"), "Installed");
        Statuses(rig).ShouldBe(["Downloading", "Downloaded", "Installing", "Installed"], rig.Describe());
        rig.Calls("BootNotification").Count.ShouldBe(2, "the station reboots to install");
        var connectorStatuses = rig.Calls("StatusNotification").Where(c => c.Payload.GetProperty("connectorId").GetInt32() == 1).Select(c => c.Payload.GetProperty("status").GetString()).ToList();
        connectorStatuses.ShouldContain("Unavailable", "out of service while installing");
        await rig.UntilAsync(() => rig.Calls("StatusNotification").Last(c => c.Payload.GetProperty("connectorId").GetInt32() == 1).Payload.GetProperty("status").GetString() == "Available", "Available after the reboot");
        files.Gets.ShouldBe(1);
    }

    [Test]
    public async Task An_image_that_is_not_there_is_tried_once_more_then_DownloadFailed()
    {
        await using var files = await FileHost.StartAsync(refuseUploads: false);
        await using var rig = await StartAsync("FW16-404");

        await rig.CallAsync("UpdateFirmware", Update(files.Url("missing.bin"), retries: 1));
        rig.ReleaseTime();

        await rig.UntilAsync(() => Statuses(rig).Contains("DownloadFailed"), "DownloadFailed");
        Statuses(rig).ShouldBe(["Downloading", "DownloadFailed"], rig.Describe());
        files.Gets.ShouldBe(2, "one retry");
        rig.Calls("BootNotification").Count.ShouldBe(1, "nothing to install, no reboot");
    }

    [Test]
    public async Task An_installation_told_to_fail_is_InstallationFailed_after_the_reboot()
    {
        await using var files = await FileHost.StartAsync(refuseUploads: false);
        await using var rig = await StartAsync("FW16-FAIL");
        rig.Runner.Engine.Firmware.Faults.InstallationFails = true;

        await rig.CallAsync("UpdateFirmware", Update(files.Url("fw.bin"), retries: 0));
        rig.ReleaseTime();

        await rig.UntilAsync(() => Statuses(rig).Contains("InstallationFailed"), "InstallationFailed");
        Statuses(rig).ShouldBe(["Downloading", "Downloaded", "Installing", "InstallationFailed"], rig.Describe());
        rig.Calls("BootNotification").Count.ShouldBe(2);
    }

    [TestCase(false, "Uploaded")]
    [TestCase(true, "UploadFailed")]
    public async Task GetDiagnostics_names_the_file_uploads_it_and_reports_the_upload(bool refuse, string last)
    {
        await using var files = await FileHost.StartAsync(refuseUploads: refuse);
        await using var rig = await StartAsync($"DIAG16-{last}");

        var answer = await rig.CallAsync("GetDiagnostics", $$"""{"location":"{{files.Url("uploads/")}}","retries":1,"retryInterval":5}""");
        var fileName = answer.GetProperty("fileName").GetString();
        fileName.ShouldNotBeNullOrEmpty();
        rig.ReleaseTime();

        await rig.UntilAsync(() => Diagnostics(rig).Contains(last), last);
        Diagnostics(rig).ShouldBe(["Uploading", last], rig.Describe());
        if (refuse)
        {
            files.Puts.Count.ShouldBe(2, "one retry");
        }
        else
        {
            files.Puts.ShouldHaveSingleItem().Name.ShouldBe(fileName);
            Encoding.UTF8.GetString(files.Puts.Single().Content).ShouldContain("connector 1");
        }
    }

    [Test]
    public async Task GetDiagnostics_to_a_location_it_cannot_upload_to_names_no_file()
    {
        await using var rig = await StartAsync("DIAG16-FTP");

        var answer = await rig.CallAsync("GetDiagnostics", """{"location":"ftp://127.0.0.1/diagnostics/"}""");

        answer.TryGetProperty("fileName", out _).ShouldBeFalse();
    }

    private static async Task<LoopbackCsmsRig> StartAsync(string id)
    {
        var rig = await LoopbackCsmsRig.StartAsync(OcppVersion.V16, id, "EVSE-AC-22kW-1port", new SessionPlan { Sessions = 0 }, answers: peer =>
        {
            peer.OnRaw("FirmwareStatusNotification", (_, _) => ValueTask.FromResult(LoopbackCsmsRig.Json("{}")));
            peer.OnRaw("DiagnosticsStatusNotification", (_, _) => ValueTask.FromResult(LoopbackCsmsRig.Json("{}")));
        });
        await rig.UntilAsync(() => rig.Calls("StatusNotification").Count >= 1, "the boot-time status reports");
        return rig;
    }

    private static List<string?> Statuses(LoopbackCsmsRig rig) =>
        [.. rig.Calls("FirmwareStatusNotification").Select(c => c.Payload.GetProperty("status").GetString())];

    private static List<string?> Diagnostics(LoopbackCsmsRig rig) =>
        [.. rig.Calls("DiagnosticsStatusNotification").Select(c => c.Payload.GetProperty("status").GetString())];

    private static string Update(string location, int retries) =>
        JsonSerializer.Serialize(new { location, retrieveDate = "2026-01-01T08:00:00Z", retries, retryInterval = 5 });

    /// <summary>A real HTTP server on 127.0.0.1: GET fw.bin serves <see cref="Image"/> (anything else 404); PUT under uploads/ takes a file (or 403).</summary>
    private sealed class FileHost : IAsyncDisposable
    {
        private readonly ConcurrentQueue<string> _gets = new();
        private WebApplication _app = null!;
        private string _base = "";

        public int Gets => _gets.Count;

        public ConcurrentQueue<(string Name, byte[] Content)> Puts { get; } = new();

        public static async Task<FileHost> StartAsync(bool refuseUploads)
        {
            var host = new FileHost();
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
            host._app = builder.Build();
            host._app.MapGet("/{name}", (string name) =>
            {
                host._gets.Enqueue(name);
                return name == "fw.bin" ? Results.Bytes(Image, "application/octet-stream") : Results.NotFound();
            });
            host._app.MapPut("/uploads/{name}", async (string name, HttpRequest request) =>
            {
                using var body = new MemoryStream();
                await request.Body.CopyToAsync(body);
                host.Puts.Enqueue((name, body.ToArray()));
                return refuseUploads ? Results.StatusCode(403) : Results.Ok();
            });
            await host._app.StartAsync();
            host._base = host._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
            return host;
        }

        public string Url(string name) => $"{_base}/{name}";

        public ValueTask DisposeAsync() => _app.DisposeAsync();
    }
}
