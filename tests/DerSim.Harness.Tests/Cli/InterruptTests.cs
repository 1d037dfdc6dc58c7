using System.Diagnostics;

namespace DerSim.Harness.Tests.Cli;

/// <summary>Ctrl+C (SIGINT) stops dersim's long-running commands cleanly, as a QA engineer at a terminal expects.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class InterruptTests
{
    [Test]
    public async Task Ctrl_C_stops_the_reference_csms_cleanly()
    {
        if (SigintIgnored())
        {
            // A shell without job control starts background commands with SIGINT ignored, and children inherit an
            // ignored signal. The only two failures of this test came from runs started that way; not proven to be the
            // cause, so the skip applies only where SIGINT is in fact ignored in this process.
            Assert.Ignore("SIGINT is ignored in this test run (started as a background job without job control); Ctrl+C cannot reach dersim");
        }

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        using var process = Process.Start(DersimProcess.StartInfo("csms", "--port", "0"))!;
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var lines = new List<string>();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not { } line)
            {
                return;
            }

            lock (lines)
            {
                lines.Add(line);
            }

            if (line.StartsWith("Reference CSMS listening on ", StringComparison.Ordinal))
            {
                listening.TrySetResult();
            }
        };
        process.BeginOutputReadLine();
        var stderr = process.StandardError.ReadToEndAsync(cts.Token);
        try
        {
            await listening.Task.WaitAsync(cts.Token);
            using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync(cts.Token);
            }

            using var exited = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(exited.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            string said;
            lock (lines)
            {
                said = string.Join(" | ", lines);
            }

            // What it printed tells whether the signal arrived (the "stopping" line) and the stop hung, or never arrived.
            Assert.Fail($"dersim csms did not stop on SIGINT within 30 s; stdout: {said}; stderr: {await stderr}");
        }

        process.ExitCode.ShouldBe(0, await stderr);
        lock (lines)
        {
            lines.ShouldContain("stopping: closing every connection");
        }
    }

    // Linux /proc/self/status "SigIgn": a hex mask of the ignored signals; SIGINT is signal 2, bit 1.
    private static bool SigintIgnored()
    {
        const string status = "/proc/self/status";
        var line = File.Exists(status) ? File.ReadLines(status).FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal)) : null;
        return line is not null
            && ulong.TryParse(line["SigIgn:".Length..].Trim(), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var mask)
            && (mask & (1UL << 1)) != 0;
    }
}
