using System.Diagnostics;
using DerSim.Sim.Cli;
using DerSim.Sim.Evse;

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
}
