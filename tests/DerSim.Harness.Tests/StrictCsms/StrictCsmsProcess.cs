using System.Diagnostics;
using System.Text;

namespace DerSim.Harness.Tests.StrictCsms;

/// <summary>
/// Runs <c>tools/strict-csms/server.js</c> (ocpp-rpc in strict mode) as an independent CSMS
/// for a test, and collects its JSON event lines. Ignores the test when node or the npm
/// packages are missing, with the command that fixes it.
/// </summary>
public sealed class StrictCsmsProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    private readonly Process process;
    private readonly object gate = new();
    private readonly List<StrictCsmsEvent> events = [];
    private readonly StringBuilder standardError = new();
    private TaskCompletionSource changed = NewSignal();

    private StrictCsmsProcess(Process process) => this.process = process;

    /// <summary>The port the server listens on (127.0.0.1).</summary>
    public int Port { get; private set; }

    /// <summary>Base URL; a station connects to <c>{Url}/{stationId}</c>.</summary>
    public Uri Url => new($"ws://127.0.0.1:{Port}/ocpp");

    /// <summary>Every event so far, in arrival order.</summary>
    public IReadOnlyList<StrictCsmsEvent> Events
    {
        get
        {
            lock (gate)
            {
                return [.. events];
            }
        }
    }

    /// <summary>Strict-mode validation failures in either direction, and malformed frames.</summary>
    public IReadOnlyList<StrictCsmsEvent> Violations => [.. Events.Where(e => e.Kind == "violation")];

    /// <summary>What the server wrote to stderr (Ajv schema warnings, crashes).</summary>
    public string StandardError
    {
        get
        {
            lock (gate)
            {
                return standardError.ToString();
            }
        }
    }

    /// <summary>URL for one station.</summary>
    public Uri StationUrl(string stationId) => new($"{Url}/{Uri.EscapeDataString(stationId)}");

    /// <summary>Starts the server on a free port and waits until it listens.</summary>
    /// <param name="heartbeatIntervalSeconds">The interval BootNotification answers with.</param>
    /// <param name="extraArguments">More server.js flags, e.g. <c>--tx-profile-kw 50</c>.</param>
    public static async Task<StrictCsmsProcess> StartAsync(int heartbeatIntervalSeconds = 10, IReadOnlyList<string>? extraArguments = null)
    {
        var repoRoot = RepoRoot();
        var node = RequireNode(repoRoot);
        var info = new ProcessStartInfo(node)
        {
            WorkingDirectory = repoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(repoRoot, "tools", "strict-csms", "server.js"));
        info.ArgumentList.Add("--port");
        info.ArgumentList.Add("0");
        info.ArgumentList.Add("--heartbeat-interval");
        info.ArgumentList.Add(heartbeatIntervalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var argument in extraArguments ?? [])
        {
            info.ArgumentList.Add(argument);
        }

        var csms = new StrictCsmsProcess(new Process { StartInfo = info, EnableRaisingEvents = true });
        csms.process.OutputDataReceived += (_, e) => csms.OnStdout(e.Data);
        csms.process.ErrorDataReceived += (_, e) => csms.OnStderr(e.Data);
        csms.process.Exited += (_, _) => csms.Signal();
        csms.process.Start();
        csms.process.BeginOutputReadLine();
        csms.process.BeginErrorReadLine();
        try
        {
            var listening = await csms.WaitForAsync(e => e.Kind == "listening", StartTimeout);
            csms.Port = listening.Json.GetProperty("port").GetInt32();
            return csms;
        }
        catch
        {
            await csms.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Returns the first event (already received or still to come) matching <paramref name="predicate"/>.
    /// </summary>
    /// <exception cref="TimeoutException">None arrived in time; the message lists the events seen.</exception>
    /// <exception cref="InvalidOperationException">The server exited first.</exception>
    public async Task<StrictCsmsEvent> WaitForAsync(Func<StrictCsmsEvent, bool> predicate, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        var checkedCount = 0;
        while (true)
        {
            Task next;
            lock (gate)
            {
                for (; checkedCount < events.Count; checkedCount++)
                {
                    if (predicate(events[checkedCount]))
                    {
                        return events[checkedCount];
                    }
                }

                next = changed.Task;
            }

            if (process.HasExited)
            {
                throw new InvalidOperationException(
                    $"strict CSMS exited with code {process.ExitCode} before the expected event.{Environment.NewLine}{Describe()}");
            }

            try
            {
                await next.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No matching strict CSMS event within {timeout}.{Environment.NewLine}{Describe()}");
            }
        }
    }

    /// <summary>Kills the server (and anything it started).</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await process.WaitForExitAsync(wait.Token);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped: nothing left to kill.
        }
        catch (OperationCanceledException)
        {
            // Kill was sent; a zombie that outlives the wait is not worth failing a test over.
        }
        finally
        {
            process.Dispose();
        }
    }

    /// <summary>The repository root: the nearest folder above the test binaries holding DerSim.sln.</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DerSim.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"DerSim.sln not found above '{AppContext.BaseDirectory}'.");
    }

    /// <summary>The node executable, after checking the npm packages are installed; ignores the test otherwise.</summary>
    public static string RequireNode(string repoRoot)
    {
        var node = FindOnPath("node");
        if (node is null)
        {
            Assert.Ignore($"node is not on PATH; install Node.js ≥ 18, then run `npm ci` in {repoRoot}.");
        }

        if (!File.Exists(Path.Combine(repoRoot, "node_modules", "ocpp-rpc", "package.json")))
        {
            Assert.Ignore($"node_modules/ocpp-rpc is missing; run `npm ci` in {repoRoot}.");
        }

        return node!;
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => new[] { Path.Combine(dir, name), Path.Combine(dir, name + ".exe") })
            .FirstOrDefault(File.Exists);

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void OnStdout(string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }

        var parsed = StrictCsmsEvent.Parse(line);
        lock (gate)
        {
            events.Add(parsed);
        }

        Signal();
    }

    private void OnStderr(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (gate)
        {
            standardError.AppendLine(line);
        }
    }

    private void Signal()
    {
        TaskCompletionSource previous;
        lock (gate)
        {
            previous = changed;
            changed = NewSignal();
        }

        previous.TrySetResult();
    }

    private string Describe()
    {
        var seen = string.Join(Environment.NewLine, Events.Select(e => "  " + e));
        var stderr = StandardError;
        const int MaxStderr = 2000;
        return $"Events so far:{Environment.NewLine}{seen}{Environment.NewLine}stderr (tail):{Environment.NewLine}{(stderr.Length > MaxStderr ? stderr[^MaxStderr..] : stderr)}";
    }
}
