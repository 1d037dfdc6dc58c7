using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DerSim.Harness.Tests.StrictCsms;

/// <summary>
/// Proves the independent CSMS is strict: a raw WebSocket station sends valid and invalid
/// frames per version and sees CALLRESULT vs CALLERROR plus a violation event.
/// </summary>
[NonParallelizable]
public class StrictCsmsProcessTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private StrictCsmsProcess? csms;

    public static IEnumerable<TestCaseData> BootNotifications()
    {
        yield return new TestCaseData(
            "ocpp1.6",
            """{"chargePointVendor":"DerSim","chargePointModel":"Probe"}""",
            """{"chargePointVendor":"DerSim"}""",
            "chargePointModel").SetName("OCPP 1.6 BootNotification is validated strictly");
        yield return new TestCaseData(
            "ocpp2.0.1",
            """{"chargingStation":{"model":"Probe","vendorName":"DerSim"},"reason":"PowerUp"}""",
            """{"chargingStation":{"vendorName":"DerSim"},"reason":"PowerUp"}""",
            "model").SetName("OCPP 2.0.1 BootNotification is validated strictly");
        yield return new TestCaseData(
            "ocpp2.1",
            """{"chargingStation":{"model":"Probe","vendorName":"DerSim"},"reason":"PowerUp"}""",
            """{"chargingStation":{"vendorName":"DerSim"},"reason":"PowerUp"}""",
            "model").SetName("OCPP 2.1 BootNotification is validated strictly (schema ids remapped)");
    }

    [SetUp]
    public async Task SetUp() => csms = await StrictCsmsProcess.StartAsync(heartbeatIntervalSeconds: 42);

    [TearDown]
    public async Task TearDown()
    {
        // SetUp may have ignored the test (no node / no npm packages) before a server existed.
        if (csms is not null)
        {
            await csms.DisposeAsync();
            csms = null;
        }
    }

    private StrictCsmsProcess Csms => csms ?? throw new InvalidOperationException("SetUp did not start the strict CSMS.");

    [TestCaseSource(nameof(BootNotifications))]
    public async Task Valid_boot_is_accepted_and_invalid_boot_is_a_violation(string protocol, string valid, string invalid, string missingProperty)
    {
        using var ws = await ConnectAsync(protocol, "PROBE-1");
        ws.SubProtocol.ShouldBe(protocol);
        (await Csms.WaitForAsync(e => e.Kind == "connected", Timeout)).Protocol.ShouldBe(protocol);

        var accepted = await CallAsync(ws, "boot-ok", "BootNotification", valid);
        accepted[0]!.GetValue<int>().ShouldBe(3, accepted.ToJsonString());
        accepted[1]!.GetValue<string>().ShouldBe("boot-ok");
        accepted[2]!["status"]!.GetValue<string>().ShouldBe("Accepted");
        accepted[2]!["interval"]!.GetValue<int>().ShouldBe(42);
        DateTimeOffset.TryParse(accepted[2]!["currentTime"]!.GetValue<string>(), out _).ShouldBeTrue();

        var rejected = await CallAsync(ws, "boot-bad", "BootNotification", invalid);
        rejected[0]!.GetValue<int>().ShouldBe(4, rejected.ToJsonString());
        rejected[1]!.GetValue<string>().ShouldBe("boot-bad");
        // ocpp-rpc sends the 1.6 errata spelling; the 1.6 schema's own spelling is also accepted here.
        rejected[2]!.GetValue<string>().ShouldBeOneOf("OccurenceConstraintViolation", "OccurrenceConstraintViolation");
        rejected[3]!.GetValue<string>().ShouldContain(missingProperty);

        var violation = await Csms.WaitForAsync(e => e.Kind == "violation", Timeout);
        violation.MessageId.ShouldBe("boot-bad");
        violation.Action.ShouldBe("BootNotification");
        violation.Identity.ShouldBe("PROBE-1");
        violation.Protocol.ShouldBe(protocol);
        violation.Text("direction").ShouldBe("fromStation");
        Csms.Violations.ShouldHaveSingleItem();
        Csms.Events.Count(e => e.Kind == "call" && e.Action == "BootNotification").ShouldBe(2);
    }

    [Test]
    public async Task StartTransaction_ids_increment_per_connection()
    {
        using var ws = await ConnectAsync("ocpp1.6", "PROBE-TX");
        const string Start = """{"connectorId":1,"idTag":"TAG1","meterStart":0,"timestamp":"2026-01-01T00:00:00Z"}""";

        var first = await CallAsync(ws, "tx-1", "StartTransaction", Start);
        var second = await CallAsync(ws, "tx-2", "StartTransaction", Start);

        first[2]!["transactionId"]!.GetValue<int>().ShouldBe(1);
        second[2]!["transactionId"]!.GetValue<int>().ShouldBe(2);
        second[2]!["idTagInfo"]!["status"]!.GetValue<string>().ShouldBe("Accepted");
        Csms.Violations.ShouldBeEmpty();
    }

    [Test]
    public async Task Malformed_frame_is_reported_as_a_violation()
    {
        using var ws = await ConnectAsync("ocpp2.0.1", "PROBE-RAW");

        await SendAsync(ws, "[2,\"only-two\"");
        var reply = await ReceiveAsync(ws);

        reply[0]!.GetValue<int>().ShouldBe(4);
        (await Csms.WaitForAsync(e => e.Kind == "violation", Timeout)).Text("kind").ShouldBe("frame");
    }

    [Test]
    public async Task Disconnect_is_reported()
    {
        using (var ws = await ConnectAsync("ocpp2.1", "PROBE-BYE"))
        {
            await ws.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
        }

        (await Csms.WaitForAsync(e => e.Kind == "disconnected", Timeout)).Identity.ShouldBe("PROBE-BYE");
    }

    // OCPP-J (1.6 §4.2.3, 2.0.1 §4.3): NotImplemented = action not known by the receiver; NotSupported = action
    // recognised but not supported (here: a CSMS-to-station action sent to the CSMS).
    [TestCase("ocpp1.6", """{"type":"Hard"}""")]
    [TestCase("ocpp2.0.1", """{"type":"Immediate"}""")]
    [TestCase("ocpp2.1", """{"type":"Immediate"}""")]
    public async Task Undefined_action_is_NotImplemented_and_a_known_unhandled_one_NotSupported(string protocol, string resetPayload)
    {
        using var ws = await ConnectAsync(protocol, "PROBE-CODES");

        var unknown = await CallAsync(ws, "u1", "Frobnicate", "{}");
        var known = await CallAsync(ws, "k1", "Reset", resetPayload);

        unknown[0]!.GetValue<int>().ShouldBe(4, unknown.ToJsonString());
        unknown[2]!.GetValue<string>().ShouldBe("NotImplemented", unknown.ToJsonString());
        known[0]!.GetValue<int>().ShouldBe(4, known.ToJsonString());
        known[2]!.GetValue<string>().ShouldBe("NotSupported", known.ToJsonString());
    }

    [Test]
    public async Task Every_canned_answer_passes_the_schemas()
    {
        var root = StrictCsmsProcess.RepoRoot();
        var info = new ProcessStartInfo(StrictCsmsProcess.RequireNode(root))
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(Path.Combine("tools", "strict-csms", "server.js"));
        info.ArgumentList.Add("--self-check");
        using var check = Process.Start(info)!;
        var stdoutTask = check.StandardOutput.ReadToEndAsync();
        var stderrTask = check.StandardError.ReadToEndAsync();
        await check.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        var lines = (await stdoutTask).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(StrictCsmsEvent.Parse).ToList();
        await stderrTask;

        check.ExitCode.ShouldBe(0, string.Join('\n', lines.Where(l => l.Json.GetProperty("ok").ValueKind == JsonValueKind.False)));
        lines.Select(l => l.Protocol).Distinct().ShouldBe(["ocpp1.6", "ocpp2.0.1", "ocpp2.1"], ignoreOrder: true);
        lines.ShouldContain(l => l.Protocol == "ocpp2.1" && l.Action == "TransactionEvent");
    }

    private async Task<ClientWebSocket> ConnectAsync(string protocol, string stationId)
    {
        var ws = new ClientWebSocket();
        ws.Options.AddSubProtocol(protocol);
        using var cts = new CancellationTokenSource(Timeout);
        await ws.ConnectAsync(Csms.StationUrl(stationId), cts.Token);
        return ws;
    }

    private static async Task<JsonArray> CallAsync(ClientWebSocket ws, string messageId, string action, string payloadJson)
    {
        await SendAsync(ws, $"[2,\"{messageId}\",\"{action}\",{payloadJson}]");
        return await ReceiveAsync(ws);
    }

    private static async Task SendAsync(ClientWebSocket ws, string frame)
    {
        using var cts = new CancellationTokenSource(Timeout);
        await ws.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, endOfMessage: true, cts.Token);
    }

    private static async Task<JsonArray> ReceiveAsync(ClientWebSocket ws)
    {
        using var cts = new CancellationTokenSource(Timeout);
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        WebSocketReceiveResult result;
        do
        {
            result = await ws.ReceiveAsync(chunk, cts.Token);
            buffer.Write(chunk, 0, result.Count);
        }
        while (!result.EndOfMessage);

        return JsonNode.Parse(buffer.ToArray())!.AsArray();
    }
}
