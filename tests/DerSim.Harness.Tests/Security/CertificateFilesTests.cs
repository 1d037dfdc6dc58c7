using System.CommandLine;
using System.Security.Cryptography.X509Certificates;
using DerSim.Harness.Cli;
using DerSim.Harness.Security;

namespace DerSim.Harness.Tests.Security;

/// <summary><c>dersim certs</c>: the files it writes, their modes, and that it never overwrites one.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class CertificateFilesTests
{
    [Test]
    public void Writes_a_ca_a_server_certificate_and_a_client_certificate_per_station_with_private_keys()
    {
        var dir = Directory.CreateTempSubdirectory("dersim-certs-");
        try
        {
            var lines = CertificateFiles.Write(dir.FullName, ["CS-A", "CS-B"], ["127.0.0.1", "localhost"], TimeSpan.FromDays(2), TimeProvider.System);

            lines.Count(l => l.StartsWith("wrote ", StringComparison.Ordinal)).ShouldBe(4);
            using var ca = X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(dir.FullName, "ca.pem")));
            using var client = X509Certificate2.CreateFromPemFile(Path.Combine(dir.FullName, "CS-B.pem"), Path.Combine(dir.FullName, "CS-B.key.pem"));
            client.GetNameInfo(X509NameType.SimpleName, false).ShouldBe("CS-B");
            client.HasPrivateKey.ShouldBeTrue();
            new ClientCertificatePolicy(ca, TimeProvider.System).Problem(client).ShouldBeNull();
            using var server = X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(dir.FullName, "server.pem")));
            server.MatchesHostname("localhost").ShouldBeTrue();
            server.MatchesHostname("127.0.0.1").ShouldBeTrue();
            if (!OperatingSystem.IsWindows())
            {
                foreach (var key in Directory.GetFiles(dir.FullName, "*.key.pem"))
                {
                    File.GetUnixFileMode(key).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite, key);
                }
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Test]
    [NonParallelizable] // Console.Error is process-wide.
    public async Task Never_overwrites_a_file_and_says_which_one_with_exit_2()
    {
        var dir = Directory.CreateTempSubdirectory("dersim-certs-");
        try
        {
            var existing = Path.Combine(dir.FullName, "server.pem");
            await File.WriteAllTextAsync(existing, "keep me");
            var error = new StringWriter();
            var previous = Console.Error;
            int exit;
            Console.SetError(error);
            try
            {
                exit = await new RootCommand { CertsCommand.Create() }.Parse(["certs", dir.FullName]).InvokeAsync();
            }
            finally
            {
                Console.SetError(previous);
            }

            exit.ShouldBe(2);
            error.ToString().Trim().ShouldBe($"dersim certs: {existing} exists already; certs never overwrites a file (choose another folder or remove it)");
            (await File.ReadAllTextAsync(existing)).ShouldBe("keep me");
            Directory.GetFiles(dir.FullName).Length.ShouldBe(1);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
