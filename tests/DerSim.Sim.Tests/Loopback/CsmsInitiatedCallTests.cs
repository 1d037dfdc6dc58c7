using DerSim.Csms;
using DerSim.Ocpp;
using DerSim.Ocpp.Rpc;

namespace DerSim.Sim.Tests.Loopback;

/// <summary>
/// CSMS-initiated CALLs sent through <see cref="ReferenceCsms"/> to a running station, per version: the answer, and
/// what the station does after it (in wire order, as the CSMS saw it).
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class CsmsInitiatedCallTests
{
    // Long enough that no heartbeat of the station's own interferes with the ordering checks.
    private const int QuietInterval = 30;

    private static bool Is16(OcppVersion v) => v == OcppVersion.V16;

    [TestCase(OcppVersion.V16)]
    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task ChangeAvailability_inoperative_is_accepted_then_the_connector_reports_Unavailable(OcppVersion version)
    {
        await using var rig = await Rig.BootAsync(version, QuietInterval, $"CI-AVAIL-{version}");
        var key = Is16(version) ? "0/1" : "1/1";
        var other = Is16(version) ? "0/2" : "2/1";

        var answer = await rig.CallAsync("ChangeAvailability", Is16(version)
            ? """{"connectorId":1,"type":"Inoperative"}"""
            : """{"operationalStatus":"Inoperative","evse":{"id":1}}""");

        answer.GetProperty("status").GetString().ShouldBe("Accepted");
        await rig.WaitAsync(s => s.ConnectorStatus[key] == "Unavailable", "connector 1 reported Unavailable");
        var frames = rig.Frames.Of(rig.Id).ToList();
        var result = frames.FindIndex(f => f is { Direction: FrameDirection.Inbound, MessageType: OcppMessageType.CallResult, Action: "ChangeAvailability" });
        var status = frames.FindIndex(f => f is { Direction: FrameDirection.Inbound, MessageType: OcppMessageType.Call, Action: "StatusNotification" }
            && f.Raw.Contains("Unavailable", StringComparison.Ordinal));
        result.ShouldBeGreaterThanOrEqualTo(0, rig.Describe());
        status.ShouldBeGreaterThan(result, "the StatusNotification must follow the answer on the wire\n" + rig.Describe());
        rig.State.ConnectorStatus[other].ShouldBe("Available");

        // Back to operative: reported Available again.
        var back = await rig.CallAsync("ChangeAvailability", Is16(version)
            ? """{"connectorId":1,"type":"Operative"}"""
            : """{"operationalStatus":"Operative","evse":{"id":1}}""");
        back.GetProperty("status").GetString().ShouldBe("Accepted");
        await rig.WaitAsync(s => s.ConnectorStatus[key] == "Available", "connector 1 reported Available again");
    }

    [TestCase(OcppVersion.V16)]
    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task HeartbeatInterval_is_read_and_a_new_value_changes_the_heartbeat_rate(OcppVersion version)
    {
        await using var rig = await Rig.BootAsync(version, QuietInterval, $"CI-HBI-{version}");

        (await ReadIntervalAsync(rig, version)).ShouldBe("30");
        var set = Is16(version)
            ? (await rig.CallAsync("ChangeConfiguration", """{"key":"HeartbeatInterval","value":"1"}""")).GetProperty("status").GetString()
            : (await rig.CallAsync("SetVariables", """{"setVariableData":[{"attributeValue":"1","component":{"name":"OCPPCommCtrlr"},"variable":{"name":"HeartbeatInterval"}}]}"""))
                .GetProperty("setVariableResult")[0].GetProperty("attributeStatus").GetString();

        set.ShouldBe("Accepted");
        (await ReadIntervalAsync(rig, version)).ShouldBe("1");
        // With the 30-s interval of the boot no heartbeat would come in this window.
        await rig.WaitAsync(s => s.HeartbeatCount >= 2, "two heartbeats at the new 1-s interval");
    }

    [TestCase(OcppVersion.V16)]
    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task HeartbeatInterval_rejects_a_value_that_is_not_a_number(OcppVersion version)
    {
        await using var rig = await Rig.BootAsync(version, QuietInterval, $"CI-HBIBAD-{version}");

        var set = Is16(version)
            ? (await rig.CallAsync("ChangeConfiguration", """{"key":"HeartbeatInterval","value":"soon"}""")).GetProperty("status").GetString()
            : (await rig.CallAsync("SetVariables", """{"setVariableData":[{"attributeValue":"soon","component":{"name":"OCPPCommCtrlr"},"variable":{"name":"HeartbeatInterval"}}]}"""))
                .GetProperty("setVariableResult")[0].GetProperty("attributeStatus").GetString();

        set.ShouldBe("Rejected");
        (await ReadIntervalAsync(rig, version)).ShouldBe("30");
    }

    [TestCase(OcppVersion.V16, "Heartbeat")]
    [TestCase(OcppVersion.V16, "StatusNotification")]
    [TestCase(OcppVersion.V16, "BootNotification")]
    [TestCase(OcppVersion.V201, "Heartbeat")]
    [TestCase(OcppVersion.V201, "StatusNotification")]
    [TestCase(OcppVersion.V201, "BootNotification")]
    [TestCase(OcppVersion.V21, "Heartbeat")]
    [TestCase(OcppVersion.V21, "StatusNotification")]
    [TestCase(OcppVersion.V21, "BootNotification")]
    public async Task TriggerMessage_is_answered_before_the_triggered_message_goes_out(OcppVersion version, string message)
    {
        await using var rig = await Rig.BootAsync(version, QuietInterval, $"CI-TRIG-{message}-{version}");
        var peer = rig.Csms.PeerOf(rig.Id);
        var triggered = peer.WaitForFrameAsync(f => f is { Direction: FrameDirection.Inbound, MessageType: OcppMessageType.Call } && f.Action == message);
        var payload = message == "StatusNotification"
            ? (Is16(version) ? """{"requestedMessage":"StatusNotification","connectorId":2}""" : """{"requestedMessage":"StatusNotification","evse":{"id":2,"connectorId":1}}""")
            : $$"""{"requestedMessage":"{{message}}"}""";

        var answer = await rig.CallAsync("TriggerMessage", payload);

        answer.GetProperty("status").GetString().ShouldBe("Accepted");
        var call = await triggered.WaitAsync(Rig.Wait);
        var frames = rig.Frames.Of(rig.Id).ToList();
        var resultIndex = frames.FindLastIndex(f => f is { Direction: FrameDirection.Inbound, MessageType: OcppMessageType.CallResult, Action: "TriggerMessage" });
        var callIndex = frames.FindIndex(f => f.MessageId == call.MessageId && f.Direction == FrameDirection.Inbound);
        callIndex.ShouldBeGreaterThan(resultIndex, "the triggered message must follow the TriggerMessage answer\n" + rig.Describe());
        var sent = CsmsFrames.Payload(call);
        switch (message)
        {
            case "StatusNotification":
                if (Is16(version))
                {
                    sent.GetProperty("connectorId").GetInt32().ShouldBe(2);
                }
                else
                {
                    sent.GetProperty("evseId").GetInt32().ShouldBe(2);
                }

                break;
            case "BootNotification" when !Is16(version):
                sent.GetProperty("reason").GetString().ShouldBe("Triggered");
                break;
        }

        // The exchange is complete: the triggered CALL was answered too.
        await rig.WaitAsync(s => s.CallsReceived.GetValueOrDefault(message) >= (message == "StatusNotification" ? 3 : message == "BootNotification" ? 2 : 1), "the triggered CALL handled");
    }

    [TestCase(OcppVersion.V16)]
    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task Reset_makes_the_station_reconnect_and_boot_again(OcppVersion version)
    {
        await using var rig = await Rig.BootAsync(version, QuietInterval, $"CI-RESET-{version}");

        var answer = await rig.CallAsync("Reset", Is16(version) ? """{"type":"Soft"}""" : """{"type":"Immediate"}""");

        answer.GetProperty("status").GetString().ShouldBe("Accepted");
        await rig.WaitAsync(s => s.ConnectionCount >= 2 && s.BootCount >= 2 && s.Registration == CsmsBootStatus.Accepted && s.Connected, "a second connection and boot");
        var boot = rig.Frames.Of(rig.Id).Last(f => f is { Direction: FrameDirection.Inbound, MessageType: OcppMessageType.Call, Action: "BootNotification" });
        if (!Is16(version))
        {
            CsmsFrames.Payload(boot).GetProperty("reason").GetString().ShouldBe("RemoteReset");
        }

        await rig.WaitAsync(s => s.CallsReceived.GetValueOrDefault("StatusNotification") >= 4, "connectors reported after the reset");
    }

    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task After_a_reset_the_station_connects_to_the_profile_of_the_first_slot_of_NetworkConfigurationPriority(OcppVersion version)
    {
        await using var rig = await Rig.BootAsync(version, QuietInterval, $"CI-NETPRIO-{version}");
        await using var other = new ReferenceCsms(new ReferenceCsmsOptions { HeartbeatIntervalSeconds = QuietInterval });
        await other.StartAsync();
        var ocppVersion = version == OcppVersion.V201 ? ",\"ocppVersion\":\"OCPP20\"" : "";
        var profile = $$"""{"configurationSlot":2,"connectionData":{"ocppInterface":"Wired0","ocppTransport":"JSON","messageTimeout":30,"ocppCsmsUrl":"{{other.Url.ToString().TrimEnd('/')}}","securityProfile":0""" + ocppVersion + "}}";

        (await rig.CallAsync("SetNetworkProfile", profile)).GetProperty("status").GetString().ShouldBe("Accepted");
        (await rig.CallAsync("SetVariables", """{"setVariableData":[{"attributeValue":"2,1","component":{"name":"OCPPCommCtrlr"},"variable":{"name":"NetworkConfigurationPriority"}}]}"""))
            .GetProperty("setVariableResult")[0].GetProperty("attributeStatus").GetString().ShouldBe("Accepted");
        (await rig.CallAsync("Reset", """{"type":"OnIdle"}""")).GetProperty("status").GetString().ShouldBe("Accepted");

        // B10: the reboot goes to the URL of slot 2, the first of the priority list.
        var moved = await other.WaitForAsync(rig.Id, s => s.Registration == CsmsBootStatus.Accepted && s.Connected, Rig.Wait);
        moved.BootCount.ShouldBe(1, rig.Describe());
        rig.State.BootCount.ShouldBe(1, "the first CSMS sees no boot after the reset");
        rig.Station.Station.NetworkProfiles.CurrentSecurityProfile.ShouldBe(0);
    }

    [Test]
    public async Task After_a_reset_the_station_connects_with_a_network_configuration_the_CSMS_added_with_SetVariables()
    {
        await using var rig = await Rig.BootAsync(OcppVersion.V21, QuietInterval, "CI-NETCONF-21");
        await using var other = new ReferenceCsms(new ReferenceCsmsOptions { HeartbeatIntervalSeconds = QuietInterval });
        await other.StartAsync();
        string Slot2(string variable, string value) =>
            $$$"""{"attributeValue":"{{{value}}}","component":{"name":"NetworkConfiguration","instance":"2"},"variable":{"name":"{{{variable}}}"}}""";

        // Slot 1 is the connection the station was installed with (2.1 B09: the NetworkConfiguration component reads it).
        var installed = await rig.CallAsync("GetVariables", """{"getVariableData":[{"component":{"name":"NetworkConfiguration","instance":"1"},"variable":{"name":"OcppCsmsUrl"}}]}""");
        installed.GetProperty("getVariableResult")[0].GetProperty("attributeValue").GetString().ShouldBe(rig.Csms.Url.ToString().TrimEnd('/'));
        var set = await rig.CallAsync("SetVariables", "{\"setVariableData\":[" + string.Join(",",
            Slot2("OcppCsmsUrl", other.Url.ToString().TrimEnd('/')), Slot2("OcppInterface", "Wired0"), Slot2("OcppTransport", "JSON"), Slot2("MessageTimeout", "30"),
            Slot2("SecurityProfile", "0"), Slot2("ApnEnabled", "false"), Slot2("VpnEnabled", "false")) + "]}");
        set.GetProperty("setVariableResult").EnumerateArray().ShouldAllBe(r => r.GetProperty("attributeStatus").GetString() == "Accepted");
        (await rig.CallAsync("SetVariables", """{"setVariableData":[{"attributeValue":"2,1","component":{"name":"OCPPCommCtrlr"},"variable":{"name":"NetworkConfigurationPriority"}}]}"""))
            .GetProperty("setVariableResult")[0].GetProperty("attributeStatus").GetString().ShouldBe("Accepted");
        (await rig.CallAsync("Reset", """{"type":"OnIdle"}""")).GetProperty("status").GetString().ShouldBe("Accepted");

        // B10: the same path as a profile set with SetNetworkProfile: the reboot goes to the URL of slot 2.
        var moved = await other.WaitForAsync(rig.Id, s => s.Registration == CsmsBootStatus.Accepted && s.Connected, Rig.Wait);
        moved.BootCount.ShouldBe(1, rig.Describe());
        rig.State.BootCount.ShouldBe(1, "the first CSMS sees no boot after the reset");
    }

    [TestCase(OcppVersion.V16)]
    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task DataTransfer_to_the_station_is_answered_UnknownVendorId(OcppVersion version)
    {
        await using var rig = await Rig.BootAsync(version, QuietInterval, $"CI-DT-{version}");

        var answer = await rig.CallAsync("DataTransfer", """{"vendorId":"com.example.acme","messageId":"ping"}""");

        answer.GetProperty("status").GetString().ShouldBe("UnknownVendorId");
    }

    [TestCase(OcppVersion.V201, "GetDisplayMessages", """{"requestId":1}""")]
    [TestCase(OcppVersion.V21, "GetDisplayMessages", """{"requestId":1}""")]
    public async Task An_action_of_the_version_the_station_does_not_handle_gets_NotSupported(OcppVersion version, string action, string payload)
    {
        await using var rig = await Rig.BootAsync(version, QuietInterval, $"CI-NOTIMPL-{version}");

        var error = await Should.ThrowAsync<OcppCallErrorException>(() => rig.CallAsync(action, payload));

        // OCPP-J (1.6 §4.2.3, 2.x §4.3): recognised but not supported by the receiver.
        error.ErrorCode.ShouldBe("NotSupported");
        error.Action.ShouldBe(action);
    }

    [TestCase(OcppVersion.V16)]
    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task A_raw_CALL_of_an_action_the_version_does_not_define_gets_NotImplemented(OcppVersion version)
    {
        await using var rig = await Rig.BootAsync(version, QuietInterval, $"CI-NOTSUP-{version}");

        var error = await RawCallErrorAsync(rig, "not-an-action", """[2,"not-an-action","Frobnicate",{}]""");

        // OCPP-J (1.6 §4.2.3, 2.x §4.3): not known by the receiver.
        error.ErrorCode.ShouldBe("NotImplemented");
    }

    public static IEnumerable<TestCaseData> InvalidPayloads()
    {
        yield return new TestCaseData(OcppVersion.V16, """{"connectorId":1}""", "OccurenceConstraintViolation").SetName("1.6 ChangeAvailability without type gets OccurenceConstraintViolation (1.6 spelling)");
        yield return new TestCaseData(OcppVersion.V16, """{"connectorId":"one","type":"Inoperative"}""", "TypeConstraintViolation").SetName("1.6 ChangeAvailability with a string connectorId gets TypeConstraintViolation");
        yield return new TestCaseData(OcppVersion.V201, """{"evse":{"id":1}}""", "OccurrenceConstraintViolation").SetName("2.0.1 ChangeAvailability without operationalStatus gets OccurrenceConstraintViolation");
        yield return new TestCaseData(OcppVersion.V201, """{"operationalStatus":"Inoperative","evse":{"id":"one"}}""", "TypeConstraintViolation").SetName("2.0.1 ChangeAvailability with a string evse id gets TypeConstraintViolation");
        yield return new TestCaseData(OcppVersion.V21, """{"evse":{"id":1}}""", "OccurrenceConstraintViolation").SetName("2.1 ChangeAvailability without operationalStatus gets OccurrenceConstraintViolation");
        yield return new TestCaseData(OcppVersion.V21, """{"operationalStatus":"Inoperative","evse":{"id":"one"}}""", "TypeConstraintViolation").SetName("2.1 ChangeAvailability with a string evse id gets TypeConstraintViolation");
    }

    [TestCaseSource(nameof(InvalidPayloads))]
    public async Task An_invalid_payload_gets_the_CALLERROR_code_of_its_violation(OcppVersion version, string payload, string expectedCode)
    {
        await using var rig = await Rig.BootAsync(version, QuietInterval, $"CI-INVALID-{version}-{expectedCode[..4]}");

        var error = await RawCallErrorAsync(rig, "bad-payload", $"""[2,"bad-payload","ChangeAvailability",{payload}]""");

        error.ErrorCode.ShouldBe(expectedCode, error.Raw);
        rig.Station.Station.Connectors.ShouldAllBe(c => c.Status == DerSim.Sim.StationModel.ConnectorStatus.Available);
    }

    public static IEnumerable<TestCaseData> NegativeProfileFields()
    {
        const string V16Profile = """{"chargingProfileId":1,"stackLevel":STACK,"chargingProfilePurpose":"TxDefaultProfile","chargingProfileKind":"Absolute","chargingSchedule":{"chargingRateUnit":"A","chargingSchedulePeriod":[{"startPeriod":0,"limit":16}]}}""";
        const string V2Profile = """{"id":1,"stackLevel":STACK,"chargingProfilePurpose":"TxDefaultProfile","chargingProfileKind":"Absolute","chargingSchedule":[{"id":1,"chargingRateUnit":"A","chargingSchedulePeriod":[{"startPeriod":0,"limit":16}]}]}""";
        foreach (var version in new[] { OcppVersion.V16, OcppVersion.V201, OcppVersion.V21 })
        {
            var (place, profile) = Is16(version) ? ("connectorId", "csChargingProfiles") : ("evseId", "chargingProfile");
            var body = Is16(version) ? V16Profile : V2Profile;
            yield return new TestCaseData(version, "STACK", $$"""{"{{place}}":1,"{{profile}}":{{body.Replace("STACK", "-1", StringComparison.Ordinal)}}}""")
                .SetName($"{version.DisplayName()} SetChargingProfile with stackLevel -1 gets PropertyConstraintViolation");
            yield return new TestCaseData(version, "PLACE", $$"""{"{{place}}":-1,"{{profile}}":{{body.Replace("STACK", "0", StringComparison.Ordinal)}}}""")
                .SetName($"{version.DisplayName()} SetChargingProfile with {place} -1 gets PropertyConstraintViolation");
        }
    }

    // OCPP 2.1's schema bounds stackLevel and evseId at 0; the 1.6 and 2.0.1 texts say the same ("Lowest level is 0"),
    // so every version answers a negative one as 2.1 does.
    [TestCaseSource(nameof(NegativeProfileFields))]
    public async Task A_negative_stack_level_or_place_is_a_PropertyConstraintViolation(OcppVersion version, string field, string payload)
    {
        await using var rig = await Rig.BootAsync(version, QuietInterval, $"CI-NEG-{version}-{field}");

        var error = await RawCallErrorAsync(rig, "negative", $"""[2,"negative","SetChargingProfile",{payload}]""");

        error.ErrorCode.ShouldBe("PropertyConstraintViolation", error.Raw);
    }

    private static async Task<OcppFrameEvent> RawCallErrorAsync(Rig rig, string messageId, string frame)
    {
        var peer = rig.Csms.PeerOf(rig.Id);
        var answer = peer.WaitForFrameAsync(f => f.Direction == FrameDirection.Inbound && f.MessageId == messageId);
        await peer.SendRawTextAsync(frame);
        var received = await answer.WaitAsync(Rig.Wait);
        received.MessageType.ShouldBe(OcppMessageType.CallError, received.Raw);
        return received;
    }

    private static async Task<string?> ReadIntervalAsync(Rig rig, OcppVersion version)
    {
        if (Is16(version))
        {
            var config = await rig.CallAsync("GetConfiguration", """{"key":["HeartbeatInterval"]}""");
            var key = config.GetProperty("configurationKey")[0];
            key.GetProperty("key").GetString().ShouldBe("HeartbeatInterval");
            key.GetProperty("readonly").GetBoolean().ShouldBeFalse();
            return key.GetProperty("value").GetString();
        }

        var result = (await rig.CallAsync("GetVariables", """{"getVariableData":[{"component":{"name":"OCPPCommCtrlr"},"variable":{"name":"HeartbeatInterval"}}]}"""))
            .GetProperty("getVariableResult")[0];
        result.GetProperty("attributeStatus").GetString().ShouldBe("Accepted");
        return result.GetProperty("attributeValue").GetString();
    }
}
