using DerSim.Csms.Tests;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using DerSim.Ocpp;
using DerSim.Ocpp.Validation;

namespace DerSim.Harness.Tests.StrictCsms;

/// <summary>
/// <c>server.js --tx-profile-kw 50</c>: once a transaction starts, the strict CSMS sends a TxProfile of 50 000 W for
/// that connector/EVSE, valid against the official schemas, and reports the call and the station's answer.
/// A raw WebSocket plays the station.
/// </summary>
[NonParallelizable]
public class StrictCsmsTxProfileTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private StrictCsmsProcess? csms;

    public static IEnumerable<TestCaseData> Versions()
    {
        yield return new TestCaseData("ocpp1.6", OcppVersion.V16, "Relative").SetName("OCPP 1.6 StartTransaction is followed by a 50 kW TxProfile");
        yield return new TestCaseData("ocpp2.0.1", OcppVersion.V201, "Relative").SetName("OCPP 2.0.1 TransactionEvent Started is followed by a 50 kW TxProfile");
        yield return new TestCaseData("ocpp2.1", OcppVersion.V21, "Relative").SetName("OCPP 2.1 TransactionEvent Started is followed by a 50 kW TxProfile");
        yield return new TestCaseData("ocpp1.6", OcppVersion.V16, "Absolute").SetName("OCPP 1.6 Absolute TxProfile carries a start");
        yield return new TestCaseData("ocpp2.1", OcppVersion.V21, "Absolute").SetName("OCPP 2.1 Absolute TxProfile carries a start");
    }

    [TearDown]
    public async Task TearDown()
    {
        if (csms is not null)
        {
            await csms.DisposeAsync();
            csms = null;
        }
    }

    private StrictCsmsProcess Csms => csms ?? throw new InvalidOperationException("SetUp did not start the strict CSMS.");

    [TestCaseSource(nameof(Versions))]
    public async Task Transaction_start_brings_a_schema_valid_TxProfile_in_W(string protocol, OcppVersion version, string kind)
    {
        var official = OfficialSchemas.Require();
        csms = await StrictCsmsProcess.StartAsync(extraArguments: ["--tx-profile-kw", "50", "--tx-profile-kind", kind]);
        using var ws = new ClientWebSocket();
        ws.Options.AddSubProtocol(protocol);
        using (var cts = new CancellationTokenSource(Timeout))
        {
            await ws.ConnectAsync(Csms.StationUrl("TXP-1"), cts.Token);
        }

        var is16 = version == OcppVersion.V16;
        var boot = await CallAsync(ws, "boot", "BootNotification", is16
            ? """{"chargePointVendor":"DerSim","chargePointModel":"Probe"}"""
            : """{"chargingStation":{"model":"Probe","vendorName":"DerSim"},"reason":"PowerUp"}""");
        boot[0]!.GetValue<int>().ShouldBe(3, boot.ToJsonString());

        var started = await CallAsync(ws, "start", is16 ? "StartTransaction" : "TransactionEvent", is16
            ? """{"connectorId":1,"idTag":"TAG1","meterStart":0,"timestamp":"2026-01-01T00:00:00Z"}"""
            : """{"eventType":"Started","timestamp":"2026-01-01T00:00:00Z","triggerReason":"Authorized","seqNo":0,"transactionInfo":{"transactionId":"TX-7"},"evse":{"id":1,"connectorId":1},"idToken":{"idToken":"TAG1","type":"ISO14443"}}""");
        started[0]!.GetValue<int>().ShouldBe(3, started.ToJsonString());

        var call = await ReceiveAsync(ws);
        call[0]!.GetValue<int>().ShouldBe(2, call.ToJsonString());
        call[2]!.GetValue<string>().ShouldBe("SetChargingProfile");
        var payload = call[3]!;
        var schedule = is16 ? payload["csChargingProfiles"]!["chargingSchedule"]! : payload["chargingProfile"]!["chargingSchedule"]![0]!;
        (is16 ? payload["csChargingProfiles"]! : payload["chargingProfile"]!)["chargingProfileKind"]!.GetValue<string>().ShouldBe(kind);
        (schedule["startSchedule"] is not null).ShouldBe(kind == "Absolute", payload.ToJsonString());
        official.Validate(version, "SetChargingProfile", PayloadKind.Request, payload.ToJsonString()).ShouldBeEmpty(payload.ToJsonString());
        if (is16)
        {
            payload["connectorId"]!.GetValue<int>().ShouldBe(1);
            var profile = payload["csChargingProfiles"]!;
            profile["transactionId"]!.GetValue<int>().ShouldBe(started[2]!["transactionId"]!.GetValue<int>());
            profile["chargingProfilePurpose"]!.GetValue<string>().ShouldBe("TxProfile");
            profile["chargingSchedule"]!["chargingRateUnit"]!.GetValue<string>().ShouldBe("W");
            profile["chargingSchedule"]!["chargingSchedulePeriod"]![0]!["limit"]!.GetValue<double>().ShouldBe(50_000);
        }
        else
        {
            payload["evseId"]!.GetValue<int>().ShouldBe(1);
            var profile = payload["chargingProfile"]!;
            profile["transactionId"]!.GetValue<string>().ShouldBe("TX-7");
            profile["chargingProfilePurpose"]!.GetValue<string>().ShouldBe("TxProfile");
            profile["chargingSchedule"]![0]!["chargingRateUnit"]!.GetValue<string>().ShouldBe("W");
            profile["chargingSchedule"]![0]!["chargingSchedulePeriod"]![0]!["limit"]!.GetValue<double>().ShouldBe(50_000);
        }

        var messageId = call[1]!.GetValue<string>();
        await SendAsync(ws, $$"""[3,"{{messageId}}",{"status":"Accepted"}]""");

        (await Csms.WaitForAsync(e => e.Kind == "call" && e.Action == "SetChargingProfile", Timeout)).Text("direction").ShouldBe("toStation");
        var answer = await Csms.WaitForAsync(e => e.Kind == "callResult" && e.Action == "SetChargingProfile", Timeout);
        answer.MessageId.ShouldBe(messageId);
        answer.Text("direction").ShouldBe("fromStation");
        answer.Json.GetProperty("result").GetProperty("status").GetString().ShouldBe("Accepted");
        Csms.Violations.ShouldBeEmpty();
    }

    [Test]
    public async Task A_2x_event_that_is_not_Started_brings_no_TxProfile()
    {
        csms = await StrictCsmsProcess.StartAsync(extraArguments: ["--tx-profile-kw", "50"]);
        using var ws = new ClientWebSocket();
        ws.Options.AddSubProtocol("ocpp2.0.1");
        using (var cts = new CancellationTokenSource(Timeout))
        {
            await ws.ConnectAsync(Csms.StationUrl("TXP-2"), cts.Token);
        }

        await CallAsync(ws, "upd", "TransactionEvent",
            """{"eventType":"Updated","timestamp":"2026-01-01T00:00:00Z","triggerReason":"MeterValuePeriodic","seqNo":1,"transactionInfo":{"transactionId":"TX-8"},"evse":{"id":1,"connectorId":1}}""");
        var heartbeat = await CallAsync(ws, "hb", "Heartbeat", "{}");

        // Had a SetChargingProfile been queued behind the first answer, it would arrive before the heartbeat's answer.
        heartbeat[0]!.GetValue<int>().ShouldBe(3, heartbeat.ToJsonString());
        heartbeat[1]!.GetValue<string>().ShouldBe("hb");
        Csms.Events.ShouldNotContain(e => e.Action == "SetChargingProfile");
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
