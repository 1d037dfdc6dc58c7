using System.Diagnostics;

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
            output.ShouldContain("[1/2] passed");
            output.ShouldMatch(@"(?m)^Boot\s+2\s+0\s+0\s+0\s+0\s*$");
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
    public async Task A_manual_timeout_that_is_not_a_positive_number_exits_2_with_a_one_line_error()
    {
        var (exit, output) = await Dersim("run", Path.Combine("features", "core", "boot.feature"), "--manual-timeout", "0");
        exit.ShouldBe(2, output);
        output.ShouldContain("dersim run: --manual-timeout '0' is not a positive number of seconds");
        output.ShouldNotContain("   at ");
    }

    private static async Task<(int Exit, string Output)> Dersim(params string[] args)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "dersim.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment.Remove("DERSIM_CSMS_URL");
        info.Environment.Remove("DERSIM_ROOT");
        info.Environment.Remove("DERSIM_REPORTS_DIR");
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(wait.Token);
        // The summary's last line ends stdout; notes such as the traffic folder go to stderr, after it.
        return (process.ExitCode, $"{await stdout}\n\nstderr: {await stderr}");
    }
}
