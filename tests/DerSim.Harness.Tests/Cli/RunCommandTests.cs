namespace DerSim.Harness.Tests.Cli;

/// <summary><c>dersim run</c> as a process: the suite against the embedded CSMS, its counts, traffic files and exit code.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class RunCommandTests
{
    [Test]
    public async Task Runs_the_selected_scenarios_writes_their_traffic_and_exits_0()
    {
        var reports = Directory.CreateTempSubdirectory("dersim-run-");
        try
        {
            var (exit, output) = await Dersim("run", Path.Combine("features", "core", "boot.feature"), "--version", "1.6", "--reports", reports.FullName);
            exit.ShouldBe(0, output);
            output.ShouldContain("DerSim: 2 scenario(s) from 1 feature(s) against the embedded reference CSMS");
            output.ShouldContain("[1/2] PASS");
            output.ShouldContain("Feature  PASS  FAIL  N/A  INCONCLUSIVE  ERROR");
            output.ShouldMatch(@"(?m)^Boot\s+2\s+0\s+0\s+0\s+0\s*$");
            var conformance = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(reports.FullName, "conformance.json"))).RootElement.GetProperty("versions");
            string Verdict(int version, string id) => conformance[version].GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("id").GetString() == id).GetProperty("verdict").GetString()!;
            Verdict(0, "TC_001_CSMS").ShouldBe("PASS", "both 1.6 cold boots passed");
            Verdict(1, "TC_B_01_CSMS").ShouldBe("no scenario", "the 2.0.1 cold boot case lives in features/conformance, which this run was not given");
            File.Exists(Path.Combine(reports.FullName, "conformance.html")).ShouldBeTrue();
            output.Split("\n\nstderr:")[0].Split('\n').Last(l => l.Length > 0).ShouldBe("2 passed, 0 failed, 0 skipped");
            Directory.GetFiles(Path.Combine(reports.FullName, "traffic"), "*.ndjson").Length.ShouldBe(2, output);
        }
        finally
        {
            reports.Delete(recursive: true);
        }
    }

    [Test]
    public async Task A_failing_scenario_makes_the_run_exit_1_and_quotes_the_frames()
    {
        var scratch = Directory.CreateTempSubdirectory("dersim-run-");
        try
        {
            var feature = Path.Combine(scratch.FullName, "limit.feature");
            await File.WriteAllTextAsync(feature, """
                Feature: Too strict
                  Scenario: A DC session never stays under 50 kW
                    Given a station "DERSIM-DC-1" with profile "EVSE-DC-150kW-CCS-1port" on OCPP 2.0.1
                    And an EV "sedan-75" at 20% that wants 80%
                    When the station connects to the CSMS
                    And the EV charges for 5 minutes
                    Then every MeterValues "Power.Active.Import" on EVSE 1 is at most 50 kW
                """);
            var (exit, output) = await Dersim("run", feature, "--reports", Path.Combine(scratch.FullName, "reports"));
            exit.ShouldBe(1, output);
            output.ShouldContain("limit.feature:7: Then every MeterValues \"Power.Active.Import\" on EVSE 1 is at most 50 kW failed");
            output.ShouldContain("\"TransactionEvent\"");
            output.Split("\n\nstderr:")[0].Split('\n').Last(l => l.Length > 0).ShouldBe("0 passed, 1 failed, 0 skipped");
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    [Test]
    public async Task The_parallel_help_tells_the_default_per_target_and_zero_is_refused()
    {
        var (exit, output) = await Dersim("run", "--help");
        exit.ShouldBe(0, output);
        var help = System.Text.RegularExpressions.Regex.Replace(output, @"\s+", " ");
        // Defect 12 of issue 12: help printed "[default: 4]" although runs against an external CSMS go one at a time.
        help.ShouldContain("--parallel");
        help.ShouldContain("default: 1 against an external CSMS");
        help.ShouldNotContain("[default: ");

        var (refused, message) = await Dersim("run", "--parallel", "0");
        refused.ShouldBe(2, message);
        message.ShouldContain("dersim run: --parallel '0' is out of range; expected a number of scenarios from 1 to 1024");
    }

    [Test]
    public async Task List_ids_prints_exactly_the_station_ids_and_tokens_the_run_then_sends()
    {
        var scratch = Directory.CreateTempSubdirectory("dersim-list-ids-");
        try
        {
            var target = Path.Combine(scratch.FullName, "target.json");
            await File.WriteAllTextAsync(target, """
                {
                  "stationIds": ["CP-A", "CP-B"],
                  "versions": ["1.6", "2.0.1"],
                  "tokens": {
                    "valid": [{ "idToken": "DRIVER-1", "groupId": "FLEET-1" }, { "idToken": "04AABBCC" }],
                    "unknown": { "idToken": "NOBODY-1" },
                    "blocked": { "idToken": "0B0B0B0B" },
                    "expired": { "idToken": "0E0E0E0E", "type": "KeyCode" }
                  }
                }
                """);
            string[] selection =
            [
                "run", Path.Combine("features", "sessions", "authorize-start-stop.feature"), Path.Combine("features", "multi-port", "shared-supply.feature"),
                Path.Combine("features", "remote", "remote-start-stop.feature"), Path.Combine("features", "v2g"), "--version", "2.0.1", "--target", target,
            ];

            var (listExit, listing) = await Dersim([.. selection, "--list-ids"]);
            listExit.ShouldBe(0, listing);
            var lines = listing.Split("\n\nstderr:")[0].Split('\n').Select(l => l.Split('\t')).ToList();
            var listedStations = lines.Where(l => l[0] == "station").Select(l => l[1]).ToHashSet();
            var listedTokens = lines.Where(l => l[0] == "token").Select(l => $"{l[1]} {l[2]}").ToHashSet();
            lines.Where(l => l[0] == "token" && l[1] == "DRIVER-1").Select(l => l[3]).ShouldBe(["FLEET-1"], listing);

            var reports = Path.Combine(scratch.FullName, "reports");
            var (runExit, run) = await Dersim([.. selection, "--reports", reports, "--no-html"]);
            runExit.ShouldBe(0, run);
            var sentStations = new HashSet<string>();
            var sentTokens = new HashSet<string>();
            foreach (var line in Directory.GetFiles(Path.Combine(reports, "traffic"), "*.ndjson").SelectMany(File.ReadLines))
            {
                using var frame = System.Text.Json.JsonDocument.Parse(line);
                var root = frame.RootElement;
                sentStations.Add(root.GetProperty("station").GetString()!);
                if (root.GetProperty("type").GetString() == "Call" && root.GetProperty("payload").TryGetProperty("idToken", out var token))
                {
                    sentTokens.Add($"{token.GetProperty("idToken").GetString()} {token.GetProperty("type").GetString()}");
                }
            }

            // Most v2g scenarios are 2.1 only: left out by --version, so the listing must not name what they would use.
            listedStations.ShouldBe(sentStations, ignoreOrder: true, run);
            listedTokens.ShouldBe(sentTokens, ignoreOrder: true, $"listed:\n{listing}\nsent: {string.Join(", ", sentTokens)}");
            sentTokens.ShouldContain("DRIVER-1 Local");
            sentTokens.ShouldContain("04AABBCC ISO14443");
            sentTokens.ShouldContain("0E0E0E0E KeyCode");
            sentStations.ShouldBe(["CP-A"]);
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    [Test]
    public async Task A_bad_target_declaration_ends_the_run_with_exit_2_naming_file_and_path()
    {
        var scratch = Directory.CreateTempSubdirectory("dersim-target-");
        try
        {
            var target = Path.Combine(scratch.FullName, "target.json");
            await File.WriteAllTextAsync(target, """{ "versions": ["1.6", "3.0"] }""");

            var (exit, output) = await Dersim("run", "--target", target, "--list-ids");

            exit.ShouldBe(2, output);
            output.ShouldContain($"dersim run: {target} at $.versions[1]: '3.0' is not an OCPP version");
            output.ShouldNotContain("Unhandled exception");
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    [Test]
    public async Task A_manual_timeout_that_is_not_a_positive_number_exits_2_with_a_one_line_error()
    {
        var (exit, output) = await Dersim("run", Path.Combine("features", "core", "boot.feature"), "--manual-timeout", "0");
        exit.ShouldBe(2, output);
        output.ShouldContain("dersim run: --manual-timeout '0' is out of range; expected seconds from 1 to 86400");
        output.ShouldNotContain("   at ");
    }

    [Test]
    public async Task A_CSMS_nobody_listens_at_ends_the_run_at_once_with_exit_2()
    {
        // A port that was just free: nothing listens there. Before the check every scenario waited out its reconnects
        // (five minutes for the suite) and ended broken.
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var url = $"ws://127.0.0.1:{port}/ocpp";

        var (exit, output) = await Dersim("run", Path.Combine("features", "core", "boot.feature"), "--csms", url, "--no-html", "--reports", Path.Combine(Path.GetTempPath(), $"dersim-unreachable-{Guid.NewGuid():N}"));

        exit.ShouldBe(2, output);
        output.ShouldContain($"dersim run: cannot reach the CSMS at {url}:");
        output.ShouldNotContain("[1/");
    }

    private static async Task<(int Exit, string Output)> Dersim(params string[] args)
    {
        var (exit, stdout, stderr) = await DersimProcess.RunAsync(args);
        // The summary's last line ends stdout; notes such as the traffic folder go to stderr, after it.
        return (exit, $"{stdout}\n\nstderr: {stderr}");
    }
}
