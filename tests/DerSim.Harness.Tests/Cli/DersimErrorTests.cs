using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;

namespace DerSim.Harness.Tests.Cli;

/// <summary>
/// <c>dersim</c> as a process meets bad input with one line, never a stack trace (issue 13, item 5), and prints what
/// stations send without letting it forge log lines (item 6).
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class DersimErrorTests
{
    [Test]
    public async Task Reports_in_a_place_that_cannot_be_written_is_one_line_naming_the_path_and_exit_2()
    {
        var scratch = Directory.CreateTempSubdirectory("dersim-reports-");
        try
        {
            // A file where the folder should be: refused whoever runs the test (root may write almost anywhere else).
            var blocker = Path.Combine(scratch.FullName, "not-a-folder");
            await File.WriteAllTextAsync(blocker, "");
            foreach (var reports in new[] { Path.Combine(blocker, "reports"), "/proc/dersim-no-such-place/reports" })
            {
                var (exit, stdout, stderr) = await DersimProcess.RunAsync("run", Path.Combine("features", "core", "boot.feature"), "--no-html", "--reports", reports);

                exit.ShouldBe(2, $"{stdout}\n{stderr}");
                stderr.ShouldStartWith($"dersim run: --reports: cannot write to the folder {reports}: ");
                stderr.TrimEnd('\n').ShouldNotContain('\n');
                stdout.ShouldNotContain("[1/");
            }
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    [Test]
    public async Task A_file_that_cannot_be_written_is_one_line_naming_the_path_and_exit_2()
    {
        // Caught at the top: no command needs its own handler for the path to be named without a stack trace.
        var path = "/proc/dersim-no-such-place/steps.md";

        var (exit, stdout, stderr) = await DersimProcess.RunAsync("steps", "--markdown", path);

        exit.ShouldBe(2, $"{stdout}\n{stderr}");
        stderr.ShouldStartWith("dersim steps: ");
        stderr.ShouldContain("/proc/dersim-no-such-place");
        stderr.TrimEnd('\n').ShouldNotContain('\n');
    }

    [Test]
    public async Task A_station_id_with_an_encoded_newline_cannot_forge_a_csms_log_line()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        using var process = Process.Start(DersimProcess.StartInfo("csms", "--port", "0"))!;
        var lines = new List<string>();
        var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var rejected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
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
                listening.TrySetResult(line["Reference CSMS listening on ".Length..].Split("<station id>")[0]);
            }
            else if (line.StartsWith("rejected connection", StringComparison.Ordinal))
            {
                rejected.TrySetResult();
            }
        };
        process.BeginOutputReadLine();
        var stderr = process.StandardError.ReadToEndAsync(cts.Token);
        try
        {
            var url = await listening.Task.WaitAsync(cts.Token);
            using var socket = new ClientWebSocket();
            socket.Options.AddSubProtocol("ocpp2.0.1");
            try
            {
                await socket.ConnectAsync(new Uri(url + "EVIL%0A12:00:00.000%20FORGED%20->%20BootNotification%20Accepted"), cts.Token);
                // Accepted (the defect): a frame makes the CSMS print the id in a log line.
                await socket.SendAsync(Encoding.UTF8.GetBytes("[2,\"1\",\"Heartbeat\",{}]"), WebSocketMessageType.Text, true, cts.Token);
                await socket.ReceiveAsync(new byte[4096], cts.Token);
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, cts.Token);
            }
            catch (WebSocketException)
            {
                // Refused with HTTP 400, as it should be.
            }

            await Task.WhenAny(rejected.Task, Task.Delay(TimeSpan.FromSeconds(5), cts.Token));
        }
        finally
        {
            process.Kill();
            await process.WaitForExitAsync(CancellationToken.None);
        }

        var output = string.Join("\n", lines) + "\nstderr: " + await stderr;
        lines.ShouldNotContain(l => l.StartsWith("12:00:00.000 FORGED", StringComparison.Ordinal), output);
        lines.ShouldContain(l => l.StartsWith("rejected connection", StringComparison.Ordinal) && l.Contains("EVIL\\n12:00:00.000 FORGED", StringComparison.Ordinal) && l.Contains("StatusCode = 400", StringComparison.Ordinal), output);
    }
}
