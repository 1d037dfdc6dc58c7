using System.Text.Json;
using DerSim.Harness.Drivers.Csms;
using DerSim.Harness.Traffic;
using DerSim.Ocpp;

namespace DerSim.Harness.Tests.Drivers.Csms;

/// <summary>
/// Which CSMS CALL is the one a step asked for: the fields that say what was asked must match, whatever else the
/// CSMS's payload carries, and numbers compare by value.
/// </summary>
public sealed class CsmsCommandFieldsTests
{
    [Test]
    public void A_TxDefaultProfile_is_not_the_TxProfile_asked_for()
    {
        var command = new SetChargingProfileCommand("CS-1", OcppVersion.V201, "TxProfile", 1, LimitW: 50000, TransactionId: "TX-1");
        var sent = Parse("""{"evseId":1,"chargingProfile":{"id":9,"stackLevel":2,"chargingProfilePurpose":"TxDefaultProfile","chargingProfileKind":"Absolute","chargingSchedule":[{"id":3,"chargingRateUnit":"W","chargingSchedulePeriod":[{"startPeriod":0,"limit":50000.0}]}]}}""");

        var mismatch = CsmsCommandFields.Mismatch(CsmsCommandFields.Expected(command), sent);

        mismatch.ShouldBe("chargingProfile.chargingProfilePurpose = TxDefaultProfile, chargingProfile.transactionId = (absent)");
    }

    [Test]
    public void The_CSMS_own_ids_and_number_spellings_do_not_matter()
    {
        var command = new SetChargingProfileCommand("CS-1", OcppVersion.V16, "TxProfile", 1, LimitW: 50000, TransactionId: "7");
        var sent = Parse("""{"connectorId":1,"csChargingProfiles":{"chargingProfileId":1234,"transactionId":7,"stackLevel":5,"chargingProfilePurpose":"TxProfile","chargingProfileKind":"Absolute","chargingSchedule":{"chargingRateUnit":"W","chargingSchedulePeriod":[{"startPeriod":0,"limit":5.0E4}]}}}""");

        CsmsCommandFields.Mismatch(CsmsCommandFields.Expected(command), sent).ShouldBeNull();
    }

    [TestCase("Hard", """{"type":"Soft"}""", "type = Soft")]
    [TestCase("Hard", """{"type":"Hard"}""", null)]
    public void A_reset_of_another_type_is_named(string asked, string payload, string? expected) =>
        CsmsCommandFields.Mismatch(CsmsCommandFields.Expected(new ResetCommand("CS-1", OcppVersion.V16, asked)), Parse(payload)).ShouldBe(expected);

    [Test]
    public void A_TriggerMessage_for_another_message_or_EVSE_is_not_the_one_asked_for()
    {
        var expected = CsmsCommandFields.Expected(new TriggerMessageCommand("CS-1", OcppVersion.V201, "StatusNotification", 1));

        CsmsCommandFields.Mismatch(expected, Parse("""{"requestedMessage":"Heartbeat"}""")).ShouldBe("requestedMessage = Heartbeat, evse.id = (absent)");
        CsmsCommandFields.Mismatch(expected, Parse("""{"requestedMessage":"StatusNotification","evse":{"id":1,"connectorId":1}}""")).ShouldBeNull();
    }

    [Test]
    public void A_ChangeAvailability_and_a_SetVariables_compare_what_was_asked()
    {
        CsmsCommandFields.Mismatch(
            CsmsCommandFields.Expected(new ChangeAvailabilityCommand("CS-1", OcppVersion.V201, 2, "Inoperative")),
            Parse("""{"operationalStatus":"Inoperative","evse":{"id":1}}""")).ShouldBe("evse.id = 1");
        CsmsCommandFields.Mismatch(
            CsmsCommandFields.Expected(new SetVariablesCommand("CS-1", OcppVersion.V201, "OCPPCommCtrlr.HeartbeatInterval", "60")),
            Parse("""{"setVariableData":[{"attributeValue":"300","component":{"name":"OCPPCommCtrlr"},"variable":{"name":"HeartbeatInterval"}}]}""")).ShouldBe("setVariableData[0].attributeValue = 300");
    }

    [Test]
    public void The_variables_of_a_network_configuration_may_come_in_any_order_beside_others_but_none_may_be_missing()
    {
        var command = new SetNetworkConfigurationCommand("CS-1", OcppVersion.V21, 2, "ws://csms.example/ocpp", 1);
        static string Item(string variable, string value, string slot = "2") =>
            $$$"""{"attributeValue":"{{{value}}}","component":{"name":"NetworkConfiguration","instance":"{{{slot}}}"},"variable":{"name":"{{{variable}}}"}}""";
        string[] all = [.. command.Values.Select(v => Item(v.Variable, v.Value))];
        string Sent(params string[] items) => $$"""{"setVariableData":[{{string.Join(",", items)}}]}""";

        CsmsCommandFields.NotAsAsked(command, Parse(Sent([.. all.Reverse(), Item("Identity", "CS-1")]))).ShouldBeNull();
        CsmsCommandFields.NotAsAsked(command, Parse(Sent([.. all.Where(i => !i.Contains("ApnEnabled", StringComparison.Ordinal))])))
            .ShouldBe("no setVariableData item with attributeValue = false, component.name = NetworkConfiguration, component.instance = 2, variable.name = ApnEnabled, it was asked for one");
        CsmsCommandFields.NotAsAsked(command, Parse(Sent([.. all.Select(i => i.Replace("\"instance\":\"2\"", "\"instance\":\"3\"", StringComparison.Ordinal))])))
            .ShouldStartWith("no setVariableData item with attributeValue = ws://csms.example/ocpp, component.name = NetworkConfiguration, component.instance = 2, variable.name = OcppCsmsUrl");
        CsmsCommandFields.NotAsAsked(new ResetCommand("CS-1", OcppVersion.V21, "Hard"), Parse("""{"type":"OnIdle"}""")).ShouldBe("type = OnIdle, it was asked for Immediate");
    }

    [Test]
    public void Finding_an_exchange_skips_a_CALL_of_the_action_that_carries_other_values()
    {
        var recorder = new TrafficRecorder();
        var at = DateTimeOffset.UnixEpoch;
        recorder.Record("CS-1", Frame(Ocpp.Rpc.OcppMessageType.Call, inbound: true, "own-1", "TriggerMessage", """{"requestedMessage":"BootNotification"}"""), at);
        recorder.Record("CS-1", Frame(Ocpp.Rpc.OcppMessageType.CallResult, inbound: false, "own-1", "TriggerMessage", """{"status":"Accepted"}"""), at);
        var expected = CsmsCommandFields.Expected(new TriggerMessageCommand("CS-1", OcppVersion.V201, "Heartbeat"));

        CsmsTraffic.Find(recorder.Query(), "CS-1", "TriggerMessage", 0, expected).ShouldBeNull();
        CsmsTraffic.Find(recorder.Query(), "CS-1", "TriggerMessage", 0).ShouldNotBeNull();
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private static Ocpp.Rpc.OcppFrameEvent Frame(Ocpp.Rpc.OcppMessageType type, bool inbound, string id, string action, string payload) =>
        new(
            inbound ? Ocpp.Rpc.FrameDirection.Inbound : Ocpp.Rpc.FrameDirection.Outbound,
            DateTimeOffset.UnixEpoch,
            type == Ocpp.Rpc.OcppMessageType.Call ? $"[2,\"{id}\",\"{action}\",{payload}]" : $"[3,\"{id}\",{payload}]",
            type,
            id,
            action,
            [],
            null,
            null);
}
