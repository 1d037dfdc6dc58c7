using System.Security.Cryptography.X509Certificates;
using DerSim.Csms;
using DerSim.Sim.Cli;
using DerSim.Ocpp.Tests.Transport;

namespace DerSim.Harness.Tests.Seed;

/// <summary>
/// <c>./sim</c>'s security flags end to end against the reference CSMS: Basic auth (profile 1), wss:// with a
/// self-signed CSMS certificate trusted through <c>--ocpp_ca_cert</c> (profile 2), and a client certificate
/// from PEM files (profile 3).
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class SimSecurityProfileTests
{
    private const string StationId = "DERSIM-SEC-1";

    [Test]
    public async Task Profile_1_basic_auth_with_the_right_password_boots()
    {
        await using var csms = await StartAsync(new ReferenceCsmsOptions { Password = "s3cret-pass" });

        var (exit, output) = await RunSimAsync(csms.Url, "--ocpp_password", "s3cret-pass", "--run_for", "3");

        exit.ShouldBe(SimProgram.ExitOk, output);
        csms.Stations[StationId].Registration.ShouldBe(CsmsBootStatus.Accepted, output);
    }

    [Test]
    public async Task Profile_1_wrong_password_gives_up_naming_basic_auth()
    {
        await using var csms = await StartAsync(new ReferenceCsmsOptions { Password = "s3cret-pass" });

        var (exit, output) = await RunSimAsync(csms.Url, "--ocpp_password", "wrong", "--max_connect_attempts", "1");

        exit.ShouldBe(SimProgram.ExitGaveUp, output);
        output.ShouldContain("401", Case.Sensitive, output);
        csms.Stations.ShouldNotContainKey(StationId);
    }

    [Test]
    public async Task Profile_2_wss_with_the_csms_certificate_trusted_boots()
    {
        using var server = TestCertificates.Server();
        await using var csms = await StartAsync(new ReferenceCsmsOptions { ServerCertificate = server, Password = "s3cret-pass" });
        using var files = new TempFiles();
        var ca = files.Write("csms-ca.pem", server.ExportCertificatePem());

        var (exit, output) = await RunSimAsync(Wss(csms), "--ocpp_password", "s3cret-pass", "--ocpp_ca_cert", ca, "--run_for", "3");

        exit.ShouldBe(SimProgram.ExitOk, output);
        csms.Stations[StationId].Registration.ShouldBe(CsmsBootStatus.Accepted, output);
    }

    [Test]
    public async Task Profile_2_untrusted_csms_certificate_is_refused()
    {
        using var server = TestCertificates.Server();
        await using var csms = await StartAsync(new ReferenceCsmsOptions { ServerCertificate = server });

        var (exit, output) = await RunSimAsync(Wss(csms), "--max_connect_attempts", "1");

        exit.ShouldBe(SimProgram.ExitGaveUp, output);
        output.ShouldContain("certificate", Case.Insensitive, output);
        csms.Stations.ShouldNotContainKey(StationId);
    }

    [Test]
    public async Task Profile_3_client_certificate_from_pem_files_boots()
    {
        using var server = TestCertificates.Server();
        using var client = TestCertificates.Client(StationId);
        var clientThumbprint = client.Thumbprint;
        await using var csms = await StartAsync(new ReferenceCsmsOptions
        {
            ServerCertificate = server,
            RequireClientCertificate = true,
            ClientCertificateValidation = (presented, _, _) => presented.Thumbprint == clientThumbprint,
        });
        using var files = new TempFiles();
        var ca = files.Write("csms-ca.pem", server.ExportCertificatePem());
        var cert = files.Write("station.pem", client.ExportCertificatePem());
        var key = files.Write("station.key", client.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());

        var (exit, output) = await RunSimAsync(Wss(csms), "--ocpp_ca_cert", ca, "--ocpp_client_cert", cert, "--ocpp_client_key", key, "--run_for", "3");

        exit.ShouldBe(SimProgram.ExitOk, output);
        csms.Stations[StationId].Registration.ShouldBe(CsmsBootStatus.Accepted, output);
    }

    private static Uri Wss(ReferenceCsms csms) => new($"wss://localhost:{csms.Port}/ocpp");

    private static async Task<ReferenceCsms> StartAsync(ReferenceCsmsOptions options)
    {
        var csms = new ReferenceCsms(options with { HeartbeatIntervalSeconds = 1 });
        await csms.StartAsync();
        return csms;
    }

    private static async Task<(int Exit, string Output)> RunSimAsync(Uri url, params string[] extra)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        string[] args = ["--ocpp_enable", "yes", "--ocpp_version", "ocpp2.0.1j", "--ocpp_csms_url", url.ToString(), "--ocpp_csid", StationId, "--quiet", .. extra];
        var exit = await SimProgram.RunAsync(args, stdout, stderr, TimeProvider.System);
        return (exit, $"stdout:\n{stdout}\nstderr:\n{stderr}");
    }

    private sealed class TempFiles : IDisposable
    {
        private readonly string _dir = Directory.CreateTempSubdirectory("dersim-certs-").FullName;

        public string Write(string name, string text)
        {
            var path = Path.Combine(_dir, name);
            File.WriteAllText(path, text);
            return path;
        }

        public void Dispose() => Directory.Delete(_dir, recursive: true);
    }
}
