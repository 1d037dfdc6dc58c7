using System.CommandLine;
using DerSim.Harness.Security;
using DerSim.Harness.Target;

namespace DerSim.Harness.Cli;

/// <summary>
/// <c>dersim certs DIR</c>: a throw-away CA, a server certificate for the reference CSMS and a client certificate per
/// station (CN = station id), as PEM files for local tests of security profiles 2 and 3. Never overwrites a file.
/// </summary>
internal static class CertsCommand
{
    public static Command Create()
    {
        var directory = new Argument<string>("DIR") { Description = "folder to write the PEM files to (created if missing; existing files are never overwritten)" };
        var stations = new Option<string[]>("--station") { Description = $"station id to make a client certificate for (repeat for more; default {TargetDeclaration.Default.StationId(1)})", AllowMultipleArgumentsPerToken = true };
        var hosts = new Option<string[]>("--host") { Description = "host name or IP address the server certificate names (repeat for more; default 127.0.0.1 and localhost)", AllowMultipleArgumentsPerToken = true };
        var days = new Option<int>("--days") { Description = "days the certificates stay valid (1 to 3650)", DefaultValueFactory = _ => 30 };
        var command = new Command("certs", "Make a throw-away CA, a server certificate and client certificates per station (ECDSA P-256, PEM) for testing security profiles 2 and 3 locally. Not for production.")
        {
            directory, stations, hosts, days,
        };
        command.SetAction(result =>
        {
            var folder = result.GetValue(directory)!;
            var ids = result.GetValue(stations) is { Length: > 0 } given ? given : [TargetDeclaration.Default.StationId(1)!];
            var names = result.GetValue(hosts) is { Length: > 0 } named ? named : ["127.0.0.1", "localhost"];
            var validDays = result.GetValue(days);
            if (validDays is < 1 or > 3650)
            {
                Console.Error.WriteLine($"dersim certs: --days {validDays} is out of range; expected 1 to 3650");
                return 2;
            }

            try
            {
                foreach (var line in CertificateFiles.Write(folder, ids, names, TimeSpan.FromDays(validDays), TimeProvider.System))
                {
                    Console.WriteLine(line);
                }
            }
            catch (InvalidDataException ex)
            {
                Console.Error.WriteLine($"dersim certs: {ex.Message}");
                return 2;
            }

            return 0;
        });
        return command;
    }
}
