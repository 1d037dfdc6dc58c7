using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DerSim.Harness.Tests.Reporting;

/// <summary>
/// Debian's chromium, headless, driven over the DevTools protocol on a loopback WebSocket (no browser package): one
/// page, commands answered by id; console messages, page exceptions and every request that leaves the machine are kept
/// as events for diagnostics. Host names never resolve, so a page that reaches for the internet fails fast and visibly.
/// </summary>
internal sealed class HeadlessChromium : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _profile;
    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly StringBuilder _log = new();
    private readonly ConcurrentQueue<string> _events = new();
    private readonly ConcurrentQueue<string> _outsideRequests = new();
    private Task _reader = Task.CompletedTask;
    private int _nextId;

    private HeadlessChromium(Process process, string profile)
    {
        _process = process;
        _profile = profile;
    }

    public static string Executable => Environment.GetEnvironmentVariable("DERSIM_CHROMIUM") ?? "/usr/bin/chromium";

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Console messages, page exceptions and failed loads since the start, oldest first.</summary>
    public IReadOnlyList<string> Events => [.. _events];

    /// <summary>URLs the page asked for that are neither file:, data: nor blob: (the internet, or a server).</summary>
    public IReadOnlyList<string> OutsideRequests => [.. _outsideRequests];

    public static async Task<HeadlessChromium> StartAsync()
    {
        File.Exists(Executable).ShouldBeTrue($"{Executable} is missing: apt-get install -y chromium (.ci/run does)");
        var profile = Path.Combine(Path.GetTempPath(), $"dersim-chromium-{Guid.NewGuid():N}");
        Directory.CreateDirectory(profile);
        var info = new ProcessStartInfo(Executable) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                     "--disable-sync", "--no-first-run", "--disable-dev-shm-usage", $"--user-data-dir={profile}",
                     "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                     "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "--window-size=1400,1000", "about:blank",
                 })
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info)!;
        var browser = new HeadlessChromium(process, profile);
        process.ErrorDataReceived += (_, e) => browser.Append(e.Data);
        process.OutputDataReceived += (_, e) => browser.Append(e.Data);
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        try
        {
            await browser.ConnectAsync();
        }
        catch
        {
            await browser.DisposeAsync();
            throw;
        }

        return browser;
    }

    public async Task<JsonElement> SendAsync(string method, object? parameters = null, TimeSpan? timeout = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var answer = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = answer;
        var message = JsonSerializer.SerializeToUtf8Bytes(new { id, method, @params = parameters ?? new { } });
        await _socket.SendAsync(message, WebSocketMessageType.Text, true, CancellationToken.None);
        var reply = await answer.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(30));
        if (reply.TryGetProperty("error", out var error))
        {
            throw new InvalidOperationException($"{method}: {error.GetRawText()}");
        }

        return reply.GetProperty("result");
    }

    /// <summary>Evaluates <paramref name="expression"/> in the page; its value as text.</summary>
    public async Task<string> EvaluateAsync(string expression)
    {
        var result = await SendAsync("Runtime.evaluate", new { expression, returnByValue = true, awaitPromise = true });
        if (result.TryGetProperty("exceptionDetails", out var exception))
        {
            throw new InvalidOperationException($"page script failed: {exception.GetRawText()}");
        }

        var value = result.GetProperty("result");
        return value.TryGetProperty("value", out var v) ? (v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText()) : "";
    }

    /// <summary>Polls the page's visible text until <paramref name="condition"/> holds; the text, or a failure quoting it and the diagnostics.</summary>
    public async Task<string> WaitForTextAsync(Func<string, bool> condition, string what, TimeSpan? timeout = null)
    {
        var (shown, text) = await TryWaitForTextAsync(condition, timeout ?? TimeSpan.FromSeconds(90));
        if (!shown)
        {
            Assert.Fail($"the page never showed {what}; it shows:\n{text}\n{await DiagnoseAsync()}");
        }

        return text;
    }

    /// <summary>Polls the page's visible text until <paramref name="condition"/> holds or <paramref name="timeout"/> passes; whether it held, and the text last seen.</summary>
    public async Task<(bool Shown, string Text)> TryWaitForTextAsync(Func<string, bool> condition, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        var text = "";
        while (deadline.Elapsed < timeout)
        {
            text = await EvaluateAsync("document.body ? document.body.innerText : ''");
            if (condition(text))
            {
                return (true, text);
            }

            await Task.Delay(200);
        }

        return (false, text);
    }

    public async Task NavigateAsync(string url) => await SendAsync("Page.navigate", new { url });

    public async Task ReloadAsync() => await SendAsync("Page.reload", new { ignoreCache = true });

    /// <summary>
    /// What a person debugging a blank page would look at: the load state, the report data flag, the events so far and
    /// chromium's own output.
    /// </summary>
    public async Task<string> DiagnoseAsync()
    {
        string state;
        try
        {
            state = await EvaluateAsync("JSON.stringify({ readyState: document.readyState, url: location.href, allureReportDataReady: window.allureReportDataReady, dataFiles: Object.keys(window.allureReportData || {}).length, app: !!document.getElementById('app'), appChildren: (document.getElementById('app') || { childElementCount: -1 }).childElementCount })");
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
        {
            state = $"(the page did not answer: {ex.Message})";
        }

        var events = Events;
        return $"page state: {state}\npage events ({events.Count}):\n{string.Join('\n', events.TakeLast(40))}\nchromium output:\n{string.Join('\n', Log.Split('\n').TakeLast(40))}";
    }

    public async Task ScreenshotAsync(string path)
    {
        var result = await SendAsync("Page.captureScreenshot", new { format = "png", captureBeyondViewport = true });
        await File.WriteAllBytesAsync(path, Convert.FromBase64String(result.GetProperty("data").GetString()!));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var close = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", close.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The browser is going away anyway.
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        await _reader.ContinueWith(_ => { }, TaskScheduler.Default);
        _socket.Dispose();
        _process.Dispose();
        _stop.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // A crash dump may still be written; the temp folder is the OS's to clean.
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    private void Record(string method, JsonElement parameters)
    {
        switch (method)
        {
            case "Runtime.consoleAPICalled":
                var args = parameters.GetProperty("args").EnumerateArray()
                    .Select(a => a.TryGetProperty("value", out var v) ? v.ToString() : a.TryGetProperty("description", out var d) ? d.GetString() : a.GetProperty("type").GetString());
                _events.Enqueue($"console.{parameters.GetProperty("type").GetString()}: {string.Join(' ', args)}");
                break;
            case "Runtime.exceptionThrown":
                var details = parameters.GetProperty("exceptionDetails");
                var description = details.TryGetProperty("exception", out var e) && e.TryGetProperty("description", out var text) ? text.GetString() : details.GetProperty("text").GetString();
                _events.Enqueue($"exception: {description}");
                break;
            case "Log.entryAdded":
                var entry = parameters.GetProperty("entry");
                _events.Enqueue($"log {entry.GetProperty("level").GetString()}: {entry.GetProperty("text").GetString()}");
                break;
            case "Network.requestWillBeSent":
                var url = parameters.GetProperty("request").GetProperty("url").GetString()!;
                if (!url.StartsWith("file:", StringComparison.Ordinal) && !url.StartsWith("data:", StringComparison.Ordinal) && !url.StartsWith("blob:", StringComparison.Ordinal))
                {
                    _outsideRequests.Enqueue(url);
                }

                break;
            case "Network.loadingFailed":
                _events.Enqueue($"load failed: {parameters.GetProperty("errorText").GetString()} (request {parameters.GetProperty("requestId").GetString()})");
                break;
            case "Page.loadEventFired":
                _events.Enqueue("load event");
                break;
        }
    }

    private async Task ConnectAsync()
    {
        // Chromium writes the port it picked into DevToolsActivePort in the profile folder.
        var portFile = Path.Combine(_profile, "DevToolsActivePort");
        var waited = Stopwatch.StartNew();
        while (!File.Exists(portFile) || (await File.ReadAllLinesAsync(portFile)).Length < 2)
        {
            if (_process.HasExited || waited.Elapsed > TimeSpan.FromSeconds(30))
            {
                Assert.Fail($"chromium did not open its DevTools port (exited: {_process.HasExited}):\n{Log}");
            }

            await Task.Delay(100);
        }

        var port = int.Parse((await File.ReadAllLinesAsync(portFile))[0], System.Globalization.CultureInfo.InvariantCulture);
        using var http = new HttpClient();
        var targets = JsonNode.Parse(await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/json/list")))!.AsArray();
        var page = targets.First(t => (string?)t!["type"] == "page")!;
        await _socket.ConnectAsync(new Uri((string)page["webSocketDebuggerUrl"]!), CancellationToken.None);
        _reader = Task.Run(ReadAsync);
        await SendAsync("Page.enable");
        await SendAsync("Runtime.enable");
        await SendAsync("Log.enable");
        await SendAsync("Network.enable");
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var received = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                message.Write(buffer, 0, received.Count);
                if (!received.EndOfMessage)
                {
                    continue;
                }

                using (var document = JsonDocument.Parse(message.ToArray()))
                {
                    if (document.RootElement.TryGetProperty("id", out var id) && _pending.TryRemove(id.GetInt32(), out var answer))
                    {
                        answer.TrySetResult(document.RootElement.Clone());
                    }
                    else if (document.RootElement.TryGetProperty("method", out var method))
                    {
                        Record(method.GetString()!, document.RootElement.TryGetProperty("params", out var p) ? p : default);
                    }
                }

                message.SetLength(0);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            foreach (var pending in _pending.Values)
            {
                pending.TrySetException(ex);
            }
        }
    }
}
