using System.Diagnostics;
using System.Text;
using DerSim.Csms;
using DerSim.Ocpp.Rpc;

namespace DerSim.Harness.Tests.Seed;

/// <summary>
/// The built <c>DerSim.Sim.dll</c> as its own process: the first seed line boots against the reference CSMS, and
/// SIGTERM ends it with exit code 0 after a WebSocket close handshake the CSMS sees as a normal close.
/// </summary>
[Parallelizable]
public sealed class SimExecutableTests
{
    // Generous: a cold "dotnet DerSim.Sim.dll" start on a loaded 2-core machine takes many seconds.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(45);

    [Test]
    public async Task Sim_process_boots_and_closes_cleanly_on_SIGTERM()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            Assert.Ignore("SIGTERM via kill needs a POSIX system.");
        }

        // The test project references DerSim.Sim, so the build copies the executable's dll, deps and runtimeconfig here.
        var dll = Path.Combine(AppContext.BaseDirectory, "DerSim.Sim.dll");
        File.Exists(Path.Combine(AppContext.BaseDirectory, "DerSim.Sim.runtimeconfig.json")).ShouldBeTrue($"no runtimeconfig beside {dll}");
        await using var csms = new ReferenceCsms(new ReferenceCsmsOptions { HeartbeatIntervalSeconds = 1 });
        await csms.StartAsync();
        var line = SeedCommandLine.All[0];
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        foreach (var arg in line.Args(csms.Url))
        {
            info.ArgumentList.Add(arg);
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine("stderr: " + e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await csms.WaitForAsync(line.StationId, s => s.HeartbeatCount >= 1, Timeout);
            var peer = csms.PeerOf(line.StationId);

            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
                kill.ExitCode.ShouldBe(0);
            }

            using var wait = new CancellationTokenSource(Timeout);
            await process.WaitForExitAsync(wait.Token);
            var state = await csms.WaitForAsync(line.StationId, s => !s.Connected, Timeout);

            string Seen() { lock (output) { return output.ToString(); } }
            process.ExitCode.ShouldBe(0, Seen());
            state.Connected.ShouldBeFalse();
            peer.ClosedReason.ShouldBeOfType<OcppConnectionClosedException>(Seen());
            peer.ClosedReason!.Message.ShouldContain("closed by the peer", Case.Sensitive, Seen());
            peer.ClosedReason.InnerException.ShouldBeNull(Seen());
            Seen().ShouldContain($"{line.StationId} stopped");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }
}
