using DerSim.Csms;
using DerSim.Ocpp;
using DerSim.Ocpp.Rpc;

namespace DerSim.Sim.Tests.Loopback;

/// <summary>The station's answers to the CSMS's requests at their edges: whole station, unknown targets, read-only settings.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class StationAnswerTests
{
    private const int QuietInterval = 30;

    private static bool Is16(OcppVersion v) => v == OcppVersion.V16;

    [TestCase(OcppVersion.V16)]
    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task ChangeAvailability_of_the_whole_station_reports_every_connector_once(OcppVersion version)
    {
        await using var rig = await Rig.BootAsync(version, QuietInterval, $"SA-WHOLE-{version}");

        var answer = await rig.CallAsync("ChangeAvailability", Is16(version) ? """{"connectorId":0,"type":"Inoperative"}""" : """{"operationalStatus":"Inoperative"}""");

        answer.GetProperty("status").GetString().ShouldBe("Accepted");
        await rig.WaitAsync(s => s.ConnectorStatus.Values.All(v => v == "Unavailable"), "every connector Unavailable");
        var again = await rig.CallAsync("ChangeAvailability", Is16(version) ? """{"connectorId":0,"type":"Inoperative"}""" : """{"operationalStatus":"Inoperative"}""");
        again.GetProperty("status").GetString().ShouldBe("Accepted");
        // A no-op change reports nothing new: give a stray StatusNotification time to show up, then count.
        await Task.Delay(300);
        rig.Frames.CallsFrom(rig.Id).Count(a => a == "StatusNotification").ShouldBe(4, rig.Describe());
    }

    [TestCase(OcppVersion.V16)]
    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task ChangeAvailability_of_an_unknown_connector_is_rejected(OcppVersion version)
    {
        await using var rig = await Rig.BootAsync(version, QuietInterval, $"SA-UNKNOWN-{version}");

        var answer = await rig.CallAsync("ChangeAvailability", Is16(version) ? """{"connectorId":9,"type":"Inoperative"}""" : """{"operationalStatus":"Inoperative","evse":{"id":9}}""");

        answer.GetProperty("status").GetString().ShouldBe("Rejected");
        rig.Station.Station.Connectors.ShouldAllBe(c => c.Status == DerSim.Sim.StationModel.ConnectorStatus.Available);
    }

    [TestCase(OcppVersion.V16)]
    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task An_inoperative_connector_is_reported_Unavailable_after_a_reconnect(OcppVersion version)
    {
        var id = $"SA-PERSIST-{version}";
        var first = new ReferenceCsms(new ReferenceCsmsOptions { HeartbeatIntervalSeconds = QuietInterval });
        await first.StartAsync();
        var port = first.Port;
        await using var station = StationUnderTest.Start(first, version, id);
        await first.WaitForAsync(id, s => s.ConnectorStatus.Count == 2, Rig.Wait);
        var key = Is16(version) ? "0/2" : "2/1";
        await first.CallRawAsync(id, "ChangeAvailability", Rig.Json(Is16(version) ? """{"connectorId":2,"type":"Inoperative"}""" : """{"operationalStatus":"Inoperative","evse":{"id":2}}"""));
        await first.WaitForAsync(id, s => s.ConnectorStatus[key] == "Unavailable", Rig.Wait);
        await first.DisposeAsync();

        await using var second = new ReferenceCsms(new ReferenceCsmsOptions { Port = port, HeartbeatIntervalSeconds = QuietInterval });
        await second.StartAsync();
        var state = await second.WaitForAsync(id, s => s.ConnectorStatus.Count == 2, Rig.Wait);

        state.ConnectorStatus[key].ShouldBe("Unavailable");
        state.ConnectorStatus.Count(kv => kv.Value == "Available").ShouldBe(1);
    }

    [Test]
    public async Task GetConfiguration_lists_unknown_keys_and_without_keys_returns_all()
    {
        await using var rig = await Rig.BootAsync(OcppVersion.V16, QuietInterval, "SA-CONF-16");

        var some = await rig.CallAsync("GetConfiguration", """{"key":["HeartbeatInterval","NoSuchKey"]}""");
        var all = await rig.CallAsync("GetConfiguration", "{}");

        some.GetProperty("configurationKey").GetArrayLength().ShouldBe(1);
        some.GetProperty("unknownKey")[0].GetString().ShouldBe("NoSuchKey");
        var keys = all.GetProperty("configurationKey").EnumerateArray().Select(k => k.GetProperty("key").GetString()).ToList();
        keys.ShouldContain("HeartbeatInterval");
        keys.ShouldContain("NumberOfConnectors");
        keys.ShouldBeUnique();
        all.GetProperty("configurationKey").EnumerateArray().Single(k => k.GetProperty("key").GetString() == "NumberOfConnectors")
            .GetProperty("value").GetString().ShouldBe("2");
    }

    [TestCase("NumberOfConnectors", "5", "Rejected")]
    [TestCase("NoSuchKey", "1", "NotSupported")]
    public async Task ChangeConfiguration_refuses_read_only_and_unknown_keys(string key, string value, string expected)
    {
        await using var rig = await Rig.BootAsync(OcppVersion.V16, QuietInterval, $"SA-CHG-{key}");

        var answer = await rig.CallAsync("ChangeConfiguration", $$"""{"key":"{{key}}","value":"{{value}}"}""");

        answer.GetProperty("status").GetString().ShouldBe(expected);
    }

    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task GetVariables_and_SetVariables_tell_unknown_components_variables_and_read_only_apart(OcppVersion version)
    {
        await using var rig = await Rig.BootAsync(version, QuietInterval, $"SA-VARS-{version}");

        var got = await rig.CallAsync("GetVariables", """
            {"getVariableData":[
              {"component":{"name":"NoSuchCtrlr"},"variable":{"name":"HeartbeatInterval"}},
              {"component":{"name":"OCPPCommCtrlr"},"variable":{"name":"NoSuchVariable"}},
              {"component":{"name":"OCPPCommCtrlr"},"variable":{"name":"HeartbeatInterval"},"attributeType":"Target"}
            ]}
            """);
        var set = await rig.CallAsync("SetVariables", """
            {"setVariableData":[
              {"attributeValue":"4","component":{"name":"ChargingStation"},"variable":{"name":"NumberOfConnectors"}},
              {"attributeValue":"4","component":{"name":"NoSuchCtrlr"},"variable":{"name":"X"}}
            ]}
            """);

        got.GetProperty("getVariableResult").EnumerateArray().Select(r => r.GetProperty("attributeStatus").GetString())
            .ShouldBe(["UnknownComponent", "UnknownVariable", "NotSupportedAttributeType"]);
        set.GetProperty("setVariableResult").EnumerateArray().Select(r => r.GetProperty("attributeStatus").GetString())
            .ShouldBe(["Rejected", "UnknownComponent"]);
        rig.Station.Station.Configuration.Get("NumberOfConnectors")!.Value.ShouldBe("2");
    }

    [TestCase(OcppVersion.V16, """{"requestedMessage":"StatusNotification","connectorId":9}""", "Rejected")]
    [TestCase(OcppVersion.V201, """{"requestedMessage":"StatusNotification","evse":{"id":9,"connectorId":1}}""", "Rejected")]
    [TestCase(OcppVersion.V201, """{"requestedMessage":"FirmwareStatusNotification"}""", "NotImplemented")]
    [TestCase(OcppVersion.V21, """{"requestedMessage":"StatusNotification","evse":{"id":9,"connectorId":1}}""", "Rejected")]
    [TestCase(OcppVersion.V21, """{"requestedMessage":"FirmwareStatusNotification"}""", "NotImplemented")]
    public async Task TriggerMessage_refuses_unknown_targets_and_messages_it_cannot_send(OcppVersion version, string payload, string expected)
    {
        await using var rig = await Rig.BootAsync(version, QuietInterval, $"SA-TRIG-{version}-{expected}");
        var before = rig.Frames.CallsFrom(rig.Id).Count;

        var answer = await rig.CallAsync("TriggerMessage", payload);

        answer.GetProperty("status").GetString().ShouldBe(expected);
        await Task.Delay(300);
        rig.Frames.CallsFrom(rig.Id).Count.ShouldBe(before, rig.Describe());
    }

    [TestCase(OcppVersion.V16, """{"connectorId":1}""", "Unlocked")]
    [TestCase(OcppVersion.V16, """{"connectorId":9}""", "NotSupported")]
    [TestCase(OcppVersion.V201, """{"evseId":1,"connectorId":1}""", "Unlocked")]
    [TestCase(OcppVersion.V201, """{"evseId":9,"connectorId":1}""", "UnknownConnector")]
    [TestCase(OcppVersion.V21, """{"evseId":2,"connectorId":1}""", "Unlocked")]
    [TestCase(OcppVersion.V21, """{"evseId":2,"connectorId":7}""", "UnknownConnector")]
    public async Task UnlockConnector_unlocks_a_known_connector_only(OcppVersion version, string payload, string expected)
    {
        await using var rig = await Rig.BootAsync(version, QuietInterval, $"SA-UNLOCK-{version}-{expected}");

        var answer = await rig.CallAsync("UnlockConnector", payload);

        answer.GetProperty("status").GetString().ShouldBe(expected);
    }

    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task Reset_of_one_EVSE_is_rejected_and_the_station_stays_connected(OcppVersion version)
    {
        await using var rig = await Rig.BootAsync(version, QuietInterval, $"SA-RESETEVSE-{version}");

        var answer = await rig.CallAsync("Reset", """{"type":"Immediate","evseId":1}""");

        answer.GetProperty("status").GetString().ShouldBe("Rejected");
        await Task.Delay(500);
        rig.State.ConnectionCount.ShouldBe(1);
        rig.State.BootCount.ShouldBe(1);
    }

    [TestCase(OcppVersion.V16)]
    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task ClearCache_is_accepted(OcppVersion version)
    {
        await using var rig = await Rig.BootAsync(version, QuietInterval, $"SA-CLEAR-{version}");

        (await rig.CallAsync("ClearCache", "{}")).GetProperty("status").GetString().ShouldBe("Accepted");
        rig.Frames.Violations(rig.Id).ShouldBeEmpty();
        rig.Frames.Of(rig.Id).ShouldNotContain(f => f.MessageType == OcppMessageType.CallError);
    }
}
