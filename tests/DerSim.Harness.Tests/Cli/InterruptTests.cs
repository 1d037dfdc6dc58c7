using System.Diagnostics;

namespace DerSim.Harness.Tests.Cli;

/// <summary>Ctrl+C (SIGINT) stops dersim's long-running commands cleanly, as a QA engineer at a terminal expects.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class InterruptTests
{
    [Test]
    public async Task Ctrl_C_stops_the_reference_csms_cleanly()
    {
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
            Assert.Fail("dersim csms did not stop on SIGINT");
        }

        process.ExitCode.ShouldBe(0, await stderr);
        lock (lines)
        {
            lines.ShouldContain("stopping: closing every connection");
        }
    }
}
