using System.Diagnostics;
using DerSim.Sim.Cli;
using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;

namespace DerSim.Sim.Tests.Cli;

/// <summary>The built <c>DerSim.Sim.dll</c> as a process, for what needs its own environment.</summary>
[Parallelizable]
public sealed class SimProcessTests
{
    [Test]
    public async Task A_missing_profiles_folder_is_a_usage_error_not_a_crash()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "DerSim.Sim.dll");
        var missing = Path.Combine(Path.GetTempPath(), "dersim-no-such-profiles-" + Guid.NewGuid().ToString("N"));
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--evse_profile");
        info.ArgumentList.Add("EVSE-AC-22kW-1port.json");
        info.Environment[ProfilesDirectory.EnvironmentVariable] = missing;

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await process.WaitForExitAsync(wait.Token);

        var err = await stderr;
        process.ExitCode.ShouldBe(SimProgram.ExitUsage, $"stdout: {await stdout}\nstderr: {err}");
        err.ShouldContain(ProfilesDirectory.EnvironmentVariable);
        err.ShouldContain(missing);
        err.ShouldNotContain("Unhandled exception");
    }

    [TestCase("--run_for", "5000000", "seconds from 0.01 to 2592000")]
    [TestCase("--call_timeout", "1e30", "seconds from 0.01 to 86400")]
    [TestCase("--time_scale", "1e300", "a factor from 0.001 to 10000, or max")]
    [TestCase("--duration", "99999999h", "at most 8784h (366 days) of simulated time")]
    public async Task A_number_out_of_range_is_one_usage_line_not_a_crash(string flag, string value, string range)
    {
        // Issue 13, item 5: these ended in unhandled exceptions (exit 134) once the station was up.
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "DerSim.Sim.dll"));
        foreach (var arg in new[] { "--ocpp_enable", "yes", "--ocpp_csms_url", "ws://127.0.0.1:9/ocpp", "--max_connect_attempts", "1", flag, value })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(wait.Token);

        var err = await stderr;
        process.ExitCode.ShouldBe(SimProgram.ExitUsage, $"stdout: {await stdout}\nstderr: {err}");
        err.ShouldBe($"sim: {flag}: '{value}' is out of range; expected {range}\nRun ./sim --help for usage.\n".Replace("\n", Environment.NewLine, StringComparison.Ordinal));
    }
}
