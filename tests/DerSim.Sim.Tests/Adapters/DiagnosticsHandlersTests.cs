using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using DerSim.Ocpp;
using DerSim.Ocpp.Rpc;
using DerSim.Sim.StationModel;

namespace DerSim.Sim.Tests.Adapters;

/// <summary>GetLog with LogStatusNotification and a real HTTP upload (2.0.1 N01), and CustomerInformation (N09, N10), in 2.0.1 and 2.1.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class DiagnosticsHandlersTests
{
    private const string Profile = "EVSE-AC-22kW-1port";

    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task The_diagnostics_log_is_uploaded_with_what_the_station_exchanged_after_Uploading_then_Uploaded(OcppVersion version)
    {
        await using var rig = await StartAsync(version);
        await using var server = UploadServer.Start();

        var answer = await rig.CallAsync("GetLog", Request("DiagnosticsLog", 11, server.Folder));
        await WaitForAsync(rig, s => s.Contains("Uploading", StringComparer.Ordinal));
        rig.Time.Advance(TimeSpan.FromSeconds(10));
        var statuses = await WaitForAsync(rig, s => s.Contains("Uploaded", StringComparer.Ordinal));

        answer.GetProperty("status").GetString().ShouldBe("Accepted");
        statuses.ShouldBe(["Uploading", "Uploaded"]);
        LogStatusRequestIds(rig).ShouldAllBe(id => id == 11);
        var upload = server.Received.Single();
        upload.Path.ShouldEndWith($"/uploads/{rig.Station.StationId}-DiagnosticsLog-11.log");
        upload.Method.ShouldBe("PUT");
        upload.Body.ShouldContain("received Call GetLog");
        upload.Body.ShouldContain("state EVSE 1 connector 1: Available");
    }

    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task The_security_log_holds_the_security_events_and_is_rejected_while_there_are_none(OcppVersion version)
    {
        await using var rig = await StartAsync(version);
        await using var server = UploadServer.Start();

        var none = await rig.CallAsync("GetLog", Request("SecurityLog", 1, server.Folder));
        rig.Station.Logs.Record(rig.Time.GetUtcNow(), StationLogKind.Security, "StartupOfTheDevice");
        var answer = await rig.CallAsync("GetLog", Request("SecurityLog", 2, server.Folder));
        await WaitForAsync(rig, s => s.Contains("Uploading", StringComparer.Ordinal));
        rig.Time.Advance(TimeSpan.FromSeconds(10));
        await WaitForAsync(rig, s => s.Contains("Uploaded", StringComparer.Ordinal));

        none.GetProperty("status").GetString().ShouldBe("Rejected");
        answer.GetProperty("status").GetString().ShouldBe("Accepted");
        server.Received.Single().Body.ShouldContain("\tStartupOfTheDevice\n");
    }

    [Test]
    public async Task A_second_request_cancels_the_running_upload_which_is_reported_AcceptedCanceled_under_its_own_id()
    {
        await using var rig = await StartAsync(OcppVersion.V201);
        await using var server = UploadServer.Start();

        await rig.CallAsync("GetLog", Request("DiagnosticsLog", 1, server.Folder));
        await WaitForAsync(rig, s => s.Contains("Uploading", StringComparer.Ordinal));
        var second = await rig.CallAsync("GetLog", Request("DiagnosticsLog", 2, server.Folder));
        await WaitForAsync(rig, s => s.Count >= 3);
        rig.Time.Advance(TimeSpan.FromSeconds(10));
        var statuses = await WaitForAsync(rig, s => s.Contains("Uploaded", StringComparer.Ordinal));

        second.GetProperty("status").GetString().ShouldBe("AcceptedCanceled");
        statuses.ShouldBe(["Uploading", "AcceptedCanceled", "Uploading", "Uploaded"]);
        LogStatusRequestIds(rig).ShouldBe([1, 1, 2, 2]);
        server.Received.Select(u => u.Path).ShouldBe([$"/uploads/{rig.Station.StationId}-DiagnosticsLog-2.log"]);
    }

    [Test]
    public async Task A_refused_upload_is_tried_again_and_then_reported_UploadFailure()
    {
        await using var rig = await StartAsync(OcppVersion.V21);
        await using var server = UploadServer.Start(refuse: true);

        await rig.CallAsync("GetLog", Request("DiagnosticsLog", 5, server.Folder, ""","retries":1,"retryInterval":30"""));
        await WaitForAsync(rig, s => s.Contains("Uploading", StringComparer.Ordinal));
        // Time goes on in steps until the station gives up: the retry's timer is set only once the first attempt failed.
        var statuses = await WaitForAsync(rig, s =>
        {
            var failed = s.Contains("UploadFailure", StringComparer.Ordinal);
            if (!failed)
            {
                rig.Time.Advance(TimeSpan.FromSeconds(5));
            }

            return failed;
        });

        statuses.ShouldBe(["Uploading", "UploadFailure"]);
        server.Attempts.ShouldBe(2);
    }

    [TestCase("ftp://127.0.0.1/logs/", null)]
    [TestCase("http://127.0.0.1:9/uploads/", "2000-01-01T00:00:00Z")]
    public async Task A_location_other_than_HTTP_or_a_period_without_entries_is_Rejected(string location, string? latest)
    {
        await using var rig = await StartAsync(OcppVersion.V201);
        var log = latest is null ? $$"""{"remoteLocation":"{{location}}"}""" : $$"""{"remoteLocation":"{{location}}","latestTimestamp":"{{latest}}"}""";

        var answer = await rig.CallAsync("GetLog", $$"""{"log":{{log}},"logType":"DiagnosticsLog","requestId":3}""");

        answer.GetProperty("status").GetString().ShouldBe("Rejected");
        rig.Station.Logs.Uploading.ShouldBeFalse();
    }

    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task Customer_information_reports_the_cached_token_and_a_clear_removes_it(OcppVersion version)
    {
        await using var rig = await StartAsync(version);
        rig.Station.AuthorizationCache.Preset("TAG-7", "Accepted", "GROUP-1");

        var report = await rig.CallAsync("CustomerInformation", """{"requestId":21,"report":true,"clear":false,"idToken":{"idToken":"TAG-7","type":"ISO14443"}}""");
        var first = await WaitForNotifyAsync(rig, 1);
        var clear = await rig.CallAsync("CustomerInformation", """{"requestId":22,"report":true,"clear":true,"idToken":{"idToken":"TAG-7","type":"ISO14443"}}""");
        var second = await WaitForNotifyAsync(rig, 2);
        await rig.CallAsync("CustomerInformation", """{"requestId":23,"report":true,"clear":false,"idToken":{"idToken":"TAG-7","type":"ISO14443"}}""");
        var third = await WaitForNotifyAsync(rig, 3);

        (report.GetProperty("status").GetString(), clear.GetProperty("status").GetString()).ShouldBe(("Accepted", "Accepted"));
        first[0].GetProperty("data").GetString().ShouldBe("authorization cache: idToken TAG-7 Accepted, group GROUP-1");
        (first[0].GetProperty("requestId").GetInt32(), first[0].GetProperty("seqNo").GetInt32()).ShouldBe((21, 0));
        first[0].GetProperty("generatedAt").GetDateTimeOffset().ShouldBe(rig.Time.GetUtcNow());
        second[1].GetProperty("data").GetString().ShouldBe("cleared: authorization cache: idToken TAG-7 Accepted, group GROUP-1");
        third[2].GetProperty("data").GetString().ShouldBe("no data held about this customer");
        rig.Station.AuthorizationCache.Held("TAG-7").ShouldBeNull();
    }

    [Test]
    public async Task A_clear_without_report_still_says_what_it_cleared()
    {
        await using var rig = await StartAsync(OcppVersion.V201);
        rig.Station.AuthorizationCache.Preset("TAG-7", "Accepted", null);

        var answer = await rig.CallAsync("CustomerInformation", """{"requestId":4,"report":false,"clear":true,"idToken":{"idToken":"TAG-7","type":"ISO14443"}}""");
        var notes = await WaitForNotifyAsync(rig, 1);

        answer.GetProperty("status").GetString().ShouldBe("Accepted");
        notes[0].GetProperty("data").GetString().ShouldBe("cleared 1 item(s) held about this customer");
        rig.Station.AuthorizationCache.Held("TAG-7").ShouldBeNull();
    }

    [TestCase("""{"requestId":1,"report":false,"clear":false,"idToken":{"idToken":"TAG-7","type":"ISO14443"}}""", true, "Rejected")]
    [TestCase("""{"requestId":1,"report":true,"clear":false,"idToken":{"idToken":"TAG-7","type":"ISO14443"}}""", false, "Rejected")]
    [TestCase("""{"requestId":1,"report":true,"clear":false}""", true, "Invalid")]
    [TestCase("""{"requestId":1,"report":true,"clear":false,"customerIdentifier":"C-1","idToken":{"idToken":"TAG-7","type":"ISO14443"}}""", true, "Invalid")]
    public async Task A_request_the_station_cannot_take_is_refused_without_a_report(string request, bool enabled, string status)
    {
        await using var rig = await StartAsync(OcppVersion.V201);
        rig.Station.Configuration.TrySet(rig.Station.Configuration.Get("CustomerInformationCtrlr", "Enabled")!, enabled ? "true" : "false").ShouldBe(SetOutcome.Accepted);

        var answer = await rig.CallAsync("CustomerInformation", request);

        answer.GetProperty("status").GetString().ShouldBe(status);
        rig.CsmsFrames.ShouldNotContain(f => f.Action == "NotifyCustomerInformation");
    }

    private static string Request(string logType, int requestId, Uri folder, string extra = "") =>
        $$"""{"log":{"remoteLocation":"{{folder}}"},"logType":"{{logType}}","requestId":{{requestId}}{{extra}}}""";

    private static async Task<AdapterRig> StartAsync(OcppVersion version)
    {
        var rig = await AdapterRig.StartAsync(version, Profile);
        rig.Csms.OnRaw("LogStatusNotification", (_, _) => ValueTask.FromResult(JsonDocument.Parse("{}").RootElement.Clone()));
        rig.Csms.OnRaw("NotifyCustomerInformation", (_, _) => ValueTask.FromResult(JsonDocument.Parse("{}").RootElement.Clone()));
        return rig;
    }

    private static IEnumerable<JsonElement> CallsOf(AdapterRig rig, string action) =>
        rig.CsmsFrames.Where(f => f is { Direction: FrameDirection.Inbound, MessageType: OcppMessageType.Call } && f.Action == action)
            .Select(f => JsonDocument.Parse(AdapterRig.PayloadOf(f.Raw)).RootElement.Clone());

    private static int[] LogStatusRequestIds(AdapterRig rig) => [.. CallsOf(rig, "LogStatusNotification").Select(p => p.GetProperty("requestId").GetInt32())];

    private static async Task<IReadOnlyList<string>> WaitForAsync(AdapterRig rig, Func<IReadOnlyList<string>, bool> done)
    {
        while (true)
        {
            var statuses = CallsOf(rig, "LogStatusNotification").Select(p => p.GetProperty("status").GetString()!).ToList();
            if (done(statuses))
            {
                return statuses;
            }

            await Task.Delay(10, rig.Token);
        }
    }

    private static async Task<IReadOnlyList<JsonElement>> WaitForNotifyAsync(AdapterRig rig, int count)
    {
        while (true)
        {
            var calls = CallsOf(rig, "NotifyCustomerInformation").ToList();
            if (calls.Count >= count)
            {
                return calls;
            }

            await Task.Delay(10, rig.Token);
        }
    }

    /// <summary>An HTTP server on 127.0.0.1 taking uploads (or refusing them with 403).</summary>
    private sealed class UploadServer : IAsyncDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly Task _loop;
        private readonly bool _refuse;
        private int _attempts;

        private UploadServer(int port, bool refuse)
        {
            _refuse = refuse;
            Folder = new Uri($"http://127.0.0.1:{port}/uploads/");
            _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            _listener.Start();
            _loop = Task.Run(LoopAsync);
        }

        public Uri Folder { get; }

        public ConcurrentQueue<(string Method, string Path, string Body)> Received { get; } = new();

        public int Attempts => Volatile.Read(ref _attempts);

        public static UploadServer Start(bool refuse = false)
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            return new UploadServer(port, refuse);
        }

        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            _listener.Close();
            try
            {
                await _loop;
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
            }
        }

        private async Task LoopAsync()
        {
            while (_listener.IsListening)
            {
                var context = await _listener.GetContextAsync();
                using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
                var body = await reader.ReadToEndAsync();
                if (_refuse)
                {
                    context.Response.StatusCode = 403;
                }
                else
                {
                    Received.Enqueue((context.Request.HttpMethod, context.Request.Url!.AbsolutePath, body));
                }

                Interlocked.Increment(ref _attempts);
                context.Response.Close();
            }
        }
    }
}
