using System.CommandLine;
using System.Net;
using System.Runtime.InteropServices;
using DerSim.Harness.Configuration.Loading;
using DerSim.Csms;
using DerSim.Harness.Target;
using DerSim.Ocpp;
using DerSim.Ocpp.Validation;
using DerSim.Sim.Runtime;

namespace DerSim.Harness.Cli;

/// <summary><c>dersim csms</c>: the reference CSMS on its own, printing every frame.</summary>
internal static class CsmsServerCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "port to listen on, 0-65535 (0 picks a free one)", DefaultValueFactory = _ => 8180 }.WithRange(0, 65535, "a TCP port");
        var host = new Option<string>("--host") { Description = "address to listen on; use 0.0.0.0 to accept other machines", DefaultValueFactory = _ => "127.0.0.1" };
        var boot = new Option<CsmsBootStatus>("--boot-status") { Description = "verdict for BootNotification: Accepted, Pending or Rejected", DefaultValueFactory = _ => CsmsBootStatus.Accepted };
        var interval = new Option<int>("--heartbeat-interval") { Description = "heartbeat (or boot retry) interval in seconds sent in the BootNotification answer, 1-86400", DefaultValueFactory = _ => 10 }.WithRange(1, 86_400, "seconds");
        var tokens = new Option<string[]>("--accept-token") { Description = "a token Authorize accepts (repeat for more); without any, every token is accepted", AllowMultipleArgumentsPerToken = true };
        var password = new Option<string?>("--password") { Description = "require this Basic-auth password from every station (security profiles 1 and 2; the --target declaration's passwords per station count too)" };
        var security = new CsmsSecurity();
        var quiet = new Option<bool>("--quiet") { Description = "do not print a line per frame" };
        var targetFile = new Option<string?>("--target") { Description = $"target declaration whose tokens it knows: valid Accepted, unknown Invalid, blocked Blocked, expired Expired (default: ${TargetDeclarationLoader.Variable}, else reqnroll.json $.dersim.target)" };
        var command = new Command("csms", "Run the reference CSMS (OCPP 1.6J, 2.0.1, 2.1) until Ctrl+C, printing every frame. Stations connect to ws://HOST:PORT/ocpp/<station id> (wss:// with --tls-cert).")
        {
            port, host, boot, interval, tokens, password, quiet, targetFile,
        };
        foreach (var option in security.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (result, ct) =>
        {
            if (!IPAddress.TryParse(result.GetValue(host), out var address))
            {
                await Console.Error.WriteLineAsync($"dersim csms: --host '{result.GetValue(host)}' is not an IP address");
                return 2;
            }

            TargetDeclaration declaration;
            try
            {
                declaration = result.GetValue(targetFile) is { } file
                    ? TargetDeclarationLoader.Load(file)
                    : TargetDeclarationLoader.Resolve(DerSimConfig.LoadDefault().Target, DerSimConfig.Locate(), Environment.GetEnvironmentVariable);
            }
            catch (DerSimConfigException ex)
            {
                await Console.Error.WriteLineAsync($"dersim csms: {ex.Message}");
                return 2;
            }

            var accepted = result.GetValue(tokens) is { Length: > 0 } list ? list.ToHashSet(StringComparer.Ordinal) : null;
            var options = new ReferenceCsmsOptions
            {
                Address = address,
                Port = result.GetValue(port),
                BootStatus = result.GetValue(boot),
                HeartbeatIntervalSeconds = result.GetValue(interval),
                AcceptedTokens = accepted,
                Password = result.GetValue(password),
                Rpc = new() { Validator = new OcppSchemaValidator() },
            }.SeededFrom(declaration);
            try
            {
                options = security.Apply(result, options, declaration, Console.Out);
            }
            catch (InvalidDataException ex)
            {
                await Console.Error.WriteLineAsync($"dersim csms: {ex.Message}");
                return 2;
            }

            await using var csms = new ReferenceCsms(options);
            if (!result.GetValue(quiet))
            {
                csms.Frame += (station, frame) => Console.WriteLine(FramePrinter.Format(frame, station, stationSide: false));
            }

            // The id, offered subprotocols and Basic-auth user in a rejection come from the client: escaped, one line each.
            csms.Rejected += rejection => Console.WriteLine($"rejected connection: {LogText.Escape(rejection.ToString())}");
            try
            {
                await csms.StartAsync(ct);
            }
            catch (IOException ex)
            {
                await Console.Error.WriteLineAsync($"dersim csms: cannot listen on {address}:{result.GetValue(port)}: {ex.Message}");
                return 1;
            }

            Console.WriteLine($"Reference CSMS listening on {csms.Url}/<station id> (OCPP 1.6J, 2.0.1, 2.1; boot {options.BootStatus}, interval {options.HeartbeatIntervalSeconds} s{CsmsSecurity.Describe(options)}). Ctrl+C stops.");
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
            {
                context.Cancel = true;
                stop.Cancel();
            });
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token);
            }
            catch (OperationCanceledException)
            {
                Console.WriteLine("stopping: closing every connection");
            }

            await csms.StopAsync(CancellationToken.None);
            return 0;
        });
        return command;
    }
}
