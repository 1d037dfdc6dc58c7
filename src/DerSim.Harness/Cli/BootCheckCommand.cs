using System.CommandLine;
using DerSim.Harness.Configuration;
using DerSim.Harness.Configuration.Loading;
using DerSim.Harness.Conformance;
using DerSim.Csms;
using DerSim.Harness.Target;
using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;
using DerSim.Ocpp;
using DerSim.Ocpp.Validation;

namespace DerSim.Harness.Cli;

/// <summary>
/// <c>dersim bootcheck</c>: boots every bundled profile in every version against a CSMS (the embedded reference CSMS
/// unless --csms is given): a quick smoke test of a CSMS before the scenario suite. Station ids, passwords and the
/// default versions come from the target declaration; with fewer declared ids than checks, the checks run in waves.
/// </summary>
internal static class BootCheckCommand
{
    public static Command Create()
    {
        var csmsUrl = new Option<string?>("--csms") { Description = "target CSMS WebSocket URL (default: $DERSIM_CSMS_URL, else reqnroll.json $.dersim.csmsUrl, else the embedded reference CSMS)" };
        var versions = new Option<string[]>("--ocpp-version") { Description = "versions to check (repeatable): 1.6, 2.0.1, 2.1 (default: all)", AllowMultipleArgumentsPerToken = true };
        var profiles = new Option<string[]>("--profile") { Description = "bundled profile names or paths to check (repeatable; default: all bundled)", AllowMultipleArgumentsPerToken = true };
        var timeout = new Option<double>("--timeout") { Description = "seconds each station has to boot and have every connector's StatusNotification answered, 1-3600 (no Heartbeat is awaited; default: 20)", DefaultValueFactory = _ => 20 }.WithRange(1, 3600, "seconds");
        var targetFile = new Option<string?>("--target") { Description = $"target declaration file for station ids, passwords and versions (default: ${TargetDeclarationLoader.Variable}, else reqnroll.json $.dersim.target)" };
        var command = new Command("bootcheck", "Boot every bundled EVSE profile in every OCPP version against a CSMS and check the traffic (exit 1 on any failure).")
        {
            csmsUrl, versions, profiles, timeout, targetFile,
        };
        command.SetAction(async (result, ct) =>
        {
            var selected = new List<OcppVersion>();
            foreach (var text in result.GetValue(versions) ?? [])
            {
                if (!OcppVersions.TryParse(text, out var v))
                {
                    await Console.Error.WriteLineAsync($"dersim bootcheck: --ocpp-version '{text}' is not a version; expected {OcppVersions.AcceptedSpellings}");
                    return 2;
                }

                selected.Add(v.Value);
            }

            var directory = ProfilesDirectory.Locate();
            var names = result.GetValue(profiles) is { Length: > 0 } given ? given : [.. EvseProfileLoader.BundledNames(directory)];
            Uri? target;
            TargetDeclaration declaration;
            try
            {
                var settings = DerSimConfig.LoadDefault();
                target = result.GetValue(csmsUrl) is { } urlText
                    ? ParseCsmsUrl(urlText)
                    : settings.ResolveCsmsUrl(Environment.GetEnvironmentVariable);
                declaration = result.GetValue(targetFile) is { } file
                    ? TargetDeclarationLoader.Load(file)
                    : TargetDeclarationLoader.Resolve(settings.Target, DerSimConfig.Locate(), Environment.GetEnvironmentVariable);
            }
            catch (DerSimConfigException ex)
            {
                await Console.Error.WriteLineAsync($"dersim bootcheck: {ex.Message}");
                return 2;
            }

            if (selected.Count == 0)
            {
                selected.AddRange(OcppVersions.All.Where(declaration.Speaks));
            }

            var validator = new OcppSchemaValidator();
            await using var embedded = target is null
                ? new ReferenceCsms(new ReferenceCsmsOptions { HeartbeatIntervalSeconds = 1, Rpc = new() { Validator = validator } })
                : null;
            if (embedded is not null)
            {
                await embedded.StartAsync(ct);
                target = embedded.Url;
            }

            Console.WriteLine($"Boot check: {names.Length} profile(s) x {selected.Count} version(s) against {(embedded is null ? target!.ToString() : $"the embedded reference CSMS ({target})")}");
            var password = Environment.GetEnvironmentVariable("DERSIM_CSMS_PASSWORD") is { Length: > 0 } fromEnv ? fromEnv : null;
            var check = new BootCheck(target!, directory, TimeSpan.FromSeconds(result.GetValue(timeout)))
            {
                Validator = validator,
                PasswordOf = id => embedded is not null ? null : password ?? declaration.PasswordOf(id),
            };
            var checks = selected.SelectMany(version => names.Select(name => (Version: version, Profile: name))).ToList();
            // Each check at once on its own declared id; a shorter list of ids runs the checks in waves, one id per check.
            var wave = declaration.StationIds?.Count ?? checks.Count;
            Console.WriteLine($"Running {checks.Count} stations, {Math.Min(wave, checks.Count)} at once...");
            var results = new List<BootCheckResult>();
            foreach (var chunk in checks.Chunk(wave))
            {
                results.AddRange(await Task.WhenAll(chunk.Select((c, i) => RunOne(check, c.Profile, c.Version, declaration.StationId(i + 1)!, ct))));
            }

            foreach (var r in results)
            {
                Console.WriteLine($"  {(r.Passed ? "PASS" : "FAIL")}  OCPP {r.Version.DisplayName(),-5}  {r.Profile,-26} {r.StationId,-16} {r.Elapsed.TotalSeconds,5:0.0} s  {LogText.Escape(r.Detail)}");
            }

            var failed = results.Count(r => !r.Passed);
            Console.WriteLine($"{results.Count - failed} passed, {failed} failed");
            return failed == 0 ? 0 : 1;
        });
        return command;
    }

    private static Uri? ParseCsmsUrl(string text) =>
        string.Equals(text, DerSimSettings.Embedded, StringComparison.OrdinalIgnoreCase) ? null
        : Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "ws" or "wss" ? uri
        : throw new DerSimConfigException($"--csms '{text}' is not a ws:// or wss:// URL or \"embedded\"");

    private static async Task<BootCheckResult> RunOne(BootCheck check, string profile, OcppVersion version, string stationId, CancellationToken ct)
    {
        BootCheckResult result;
        try
        {
            result = await check.RunAsync(profile, version, stationId, ct);
        }
        catch (EvseProfileException ex)
        {
            result = new BootCheckResult(profile, version, stationId, false, ex.Message, 0, TimeSpan.Zero);
        }

        return result;
    }
}
