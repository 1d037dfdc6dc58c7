using System.CommandLine;
using DerSim.Harness.Cli;
using DerSim.Csms;
using DerSim.Harness.Security;
using DerSim.Sim.Cli;
using DerSim.Ocpp.Transport;

namespace DerSim.Harness.Tests.Security;

/// <summary>
/// Security profiles 2 and 3 between <c>./sim</c> and the reference CSMS, on real TLS sockets on 127.0.0.1: per-station
/// passwords, the client certificate's CN against the station id, and one-line errors for unreadable PEM files.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class SecurityProfileEndToEndTests
{
    [Test]
    public async Task Each_station_must_present_its_own_password()
    {
        var csms = new ReferenceCsms(new ReferenceCsmsOptions
        {
            HeartbeatIntervalSeconds = 1,
            Passwords = new Dictionary<string, string> { ["CS-A"] = "pass-of-A", ["CS-B"] = "pass-of-B" },
        });
        await using var _ = csms;
        await csms.StartAsync();

        var (own, ownOutput) = await RunSimAsync(csms.Url, "CS-B", "--ocpp_password", "pass-of-B", "--run_for", "2");
        var (other, otherOutput) = await RunSimAsync(csms.Url, "CS-B", "--ocpp_password", "pass-of-A", "--max_connect_attempts", "1", "--run_for", "5");

        own.ShouldBe(SimProgram.ExitOk, ownOutput);
        other.ShouldBe(SimProgram.ExitGaveUp, otherOutput);
        otherOutput.ShouldContain("rejected Basic auth for station 'CS-B' (HTTP 401)");
    }

    [Test]
    public async Task A_client_certificate_naming_another_station_is_refused_with_403_and_a_log_line()
    {
        using var files = new TempDir();
        CertificateFiles.Write(files.Path, ["CS-1", "CS-2"], ["127.0.0.1"], TimeSpan.FromDays(1), TimeProvider.System);
        var rejections = new List<OcppServerRejection>();
        var csms = new ReferenceCsms(new ReferenceCsmsOptions
        {
            ServerCertificate = PemCertificates.LoadWithKey(files.File("server.pem"), files.File("server.key.pem"), "server"),
            RequireClientCertificate = true,
            ClientCertificateValidation = new ClientCertificatePolicy(PemCertificates.Load(files.File("ca.pem"), "ca"), TimeProvider.System).Validate,
        });
        await using var _ = csms;
        csms.Rejected += r => { lock (rejections) { rejections.Add(r); } };
        await csms.StartAsync();
        string[] tls = ["--ocpp_ca_cert", files.File("ca.pem"), "--ocpp_client_cert", files.File("CS-1.pem"), "--ocpp_client_key", files.File("CS-1.key.pem")];

        var (own, ownOutput) = await RunSimAsync(csms.Url, "CS-1", [.. tls, "--run_for", "2"]);
        var (other, otherOutput) = await RunSimAsync(csms.Url, "CS-2", [.. tls, "--max_connect_attempts", "1", "--run_for", "5"]);

        own.ShouldBe(SimProgram.ExitOk, ownOutput);
        other.ShouldBe(SimProgram.ExitGaveUp, otherOutput);
        otherOutput.ShouldContain("HTTP 403");
        rejections.ShouldHaveSingleItem().Reason.ShouldBe("client certificate CN 'CS-1' is not the station id 'CS-2' (OCPP 2.0.1 A00.FR.405)");
        csms.Stations.ShouldNotContainKey("CS-2");
    }

    [Test]
    [NonParallelizable] // Console.Error is process-wide.
    public async Task Csms_names_an_unreadable_client_ca_file_in_one_line_and_exits_2()
    {
        using var files = new TempDir();
        CertificateFiles.Write(files.Path, ["CS-1"], ["127.0.0.1"], TimeSpan.FromDays(1), TimeProvider.System);
        var garbage = files.File("garbage.pem");
        await File.WriteAllTextAsync(garbage, "not a certificate");

        var (exit, error) = await CsmsAsync("--port", "0", "--tls-cert", files.File("server.pem"), "--tls-key", files.File("server.key.pem"), "--client-ca", garbage);
        var (missingExit, missing) = await CsmsAsync("--port", "0", "--tls-cert", files.File("nope.pem"), "--tls-key", files.File("server.key.pem"));

        exit.ShouldBe(2);
        error.Trim().ShouldStartWith($"dersim csms: --client-ca: {garbage}: expected a PEM certificate");
        error.Trim().ShouldNotContain("\n");
        missingExit.ShouldBe(2);
        missing.Trim().ShouldBe($"dersim csms: --tls-cert/--tls-key: {files.File("nope.pem")}: no such file");
    }

    [Test]
    public async Task Sim_names_an_unreadable_ca_file_in_one_line()
    {
        using var files = new TempDir();
        var garbage = files.File("garbage.pem");
        await File.WriteAllTextAsync(garbage, "not a certificate");

        var (exit, output) = await RunSimAsync(new Uri("wss://127.0.0.1:9/ocpp"), "CS-1", "--ocpp_ca_cert", garbage);

        exit.ShouldBe(SimProgram.ExitUsage, output);
        output.ShouldContain($"sim: --ocpp_ca_cert: {garbage}: expected a PEM certificate");
    }

    private static async Task<(int Exit, string Error)> CsmsAsync(params string[] args)
    {
        var error = new StringWriter();
        var previous = Console.Error;
        Console.SetError(error);
        try
        {
            var exit = await new RootCommand { CsmsServerCommand.Create() }.Parse(["csms", "--quiet", .. args]).InvokeAsync();
            return (exit, error.ToString());
        }
        finally
        {
            Console.SetError(previous);
        }
    }

    private static async Task<(int Exit, string Output)> RunSimAsync(Uri url, string stationId, params string[] extra)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        string[] args = ["--ocpp_enable", "yes", "--ocpp_version", "2.0.1", "--ocpp_csms_url", url.ToString(), "--ocpp_csid", stationId, "--sessions", "0", "--quiet", .. extra];
        var exit = await SimProgram.RunAsync(args, stdout, stderr, TimeProvider.System);
        return (exit, $"stdout:\n{stdout}\nstderr:\n{stderr}");
    }

    private sealed class TempDir : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("dersim-sec-").FullName;

        public string File(string name) => System.IO.Path.Combine(Path, name);

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
