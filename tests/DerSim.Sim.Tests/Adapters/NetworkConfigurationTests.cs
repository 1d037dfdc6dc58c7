using System.Text.Json;
using DerSim.Ocpp;
using DerSim.Ocpp.Rpc;
using DerSim.Ocpp.Tests.Validation;
using DerSim.Ocpp.Validation;
using DerSim.Sim.StationModel;

namespace DerSim.Sim.Tests.Adapters;

/// <summary>
/// The OCPP 2.1 NetworkConfiguration component (TC_B_105): one instance per configuration slot, written variable by
/// variable with SetVariables, read with GetVariables and GetBaseReport, the same slots SetNetworkProfile writes; and
/// OCPPCommCtrlr.NetworkConfigurationPriority listing only slots the station can connect with. Every frame is checked
/// against the official 2.1 schemas.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class NetworkConfigurationTests
{
    private const string Profile = "EVSE-AC-22kW-1port";

    [Test]
    public async Task A_network_configuration_written_with_SetVariables_is_the_slot_SetNetworkProfile_writes()
    {
        await using var rig = await AdapterRig.StartAsync(OcppVersion.V21, Profile);

        var set = await rig.CallAsync("SetVariables", SetData(2,
            ("OcppCsmsUrl", "ws://csms.example/ocpp"), ("OcppInterface", "Wired0"), ("OcppTransport", "JSON"), ("MessageTimeout", "30"),
            ("SecurityProfile", "1"), ("Identity", "CS-105"), ("BasicAuthPassword", "DerSim-0123456789abcdef"), ("ApnEnabled", "false"), ("VpnEnabled", "false")));

        Statuses(set, "setVariableResult").ShouldAllBe(s => s == "Accepted");
        var stored = rig.Station.NetworkProfiles.In(2).ShouldNotBeNull();
        (stored.CsmsUrl, stored.Interface, stored.Transport, stored.MessageTimeoutSeconds, stored.SecurityProfile, stored.Identity, stored.BasicAuthPassword)
            .ShouldBe(("ws://csms.example/ocpp", "Wired0", "JSON", 30, 1, "CS-105", "DerSim-0123456789abcdef"));
        StationNetworkProfiles.Unusable(stored).ShouldBeNull();

        var read = await rig.CallAsync("GetVariables", GetData(2, "OcppCsmsUrl", "SecurityProfile", "Identity", "ApnEnabled", "BasicAuthPassword"));
        var results = read.GetProperty("getVariableResult").EnumerateArray().ToList();
        results.Take(4).Select(r => r.GetProperty("attributeValue").GetString()).ShouldBe(["ws://csms.example/ocpp", "1", "CS-105", "false"]);
        results[0].GetProperty("component").GetProperty("instance").GetString().ShouldBe("2");
        // A password is WriteOnly: set, never read back.
        results[4].GetProperty("attributeStatus").GetString().ShouldBe("Rejected");
        results[4].TryGetProperty("attributeValue", out _).ShouldBeFalse();

        // A whole profile with an APN, stored by SetNetworkProfile, reads the same through the component.
        var profile = """{"configurationSlot":3,"connectionData":{"ocppInterface":"Wireless0","ocppTransport":"JSON","messageTimeout":45,"ocppCsmsUrl":"ws://other.example/ocpp","securityProfile":1,"apn":{"apn":"internet.example","apnAuthentication":"CHAP","apnPassword":"secret"}}}""";
        (await rig.CallAsync("SetNetworkProfile", profile)).GetProperty("status").GetString().ShouldBe("Accepted");
        var slot3 = await rig.CallAsync("GetVariables", GetData(3, "OcppCsmsUrl", "OcppInterface", "MessageTimeout", "ApnEnabled", "Apn", "ApnAuthentication", "VpnEnabled"));
        slot3.GetProperty("getVariableResult").EnumerateArray().Select(r => r.GetProperty("attributeValue").GetString())
            .ShouldBe(["ws://other.example/ocpp", "Wireless0", "45", "true", "internet.example", "CHAP", "false"]);

        AssertOfficiallyValid(rig);
    }

    [Test]
    public async Task Slots_the_station_lacks_unknown_variables_and_values_a_slot_cannot_hold_are_refused()
    {
        await using var rig = await AdapterRig.StartAsync(OcppVersion.V21, Profile);
        rig.Station.NetworkProfiles.CurrentSecurityProfile = 1;

        var answer = await rig.CallAsync("SetVariables", """
            {"setVariableData":[
              {"attributeValue":"ws://csms.example/ocpp","component":{"name":"NetworkConfiguration","instance":"4"},"variable":{"name":"OcppCsmsUrl"}},
              {"attributeValue":"ws://csms.example/ocpp","component":{"name":"NetworkConfiguration"},"variable":{"name":"OcppCsmsUrl"}},
              {"attributeValue":"1","component":{"name":"NetworkConfiguration","instance":"2"},"variable":{"name":"NoSuchVariable"}},
              {"attributeValue":"SOAP","component":{"name":"NetworkConfiguration","instance":"2"},"variable":{"name":"OcppTransport"}},
              {"attributeValue":"0","component":{"name":"NetworkConfiguration","instance":"2"},"variable":{"name":"SecurityProfile"}},
              {"attributeValue":"4","component":{"name":"NetworkConfiguration","instance":"2"},"variable":{"name":"SecurityProfile"}},
              {"attributeValue":"soon","component":{"name":"NetworkConfiguration","instance":"2"},"variable":{"name":"MessageTimeout"}},
              {"attributeValue":"http://csms.example/ocpp","component":{"name":"NetworkConfiguration","instance":"2"},"variable":{"name":"OcppCsmsUrl"}},
              {"attributeValue":"short","component":{"name":"NetworkConfiguration","instance":"2"},"variable":{"name":"BasicAuthPassword"}},
              {"attributeValue":"maybe","component":{"name":"NetworkConfiguration","instance":"2"},"variable":{"name":"ApnEnabled"}},
              {"attributeValue":"ws://csms.example/ocpp","component":{"name":"NetworkConfiguration","instance":"2"},"variable":{"name":"OcppCsmsUrl"},"attributeType":"Target"}
            ]}
            """);

        // SecurityProfile 0 is below the one the station connects with (A05); SOAP is not spoken.
        Statuses(answer, "setVariableResult").ShouldBe([
            "UnknownComponent", "UnknownComponent", "UnknownVariable", "Rejected", "Rejected", "Rejected", "Rejected", "Rejected", "Rejected", "Rejected", "NotSupportedAttributeType"]);
        rig.Station.NetworkProfiles.In(2).ShouldBeNull("nothing valid was written");

        rig.Station.NetworkProfiles.StorageFails = true;
        Statuses(await rig.CallAsync("SetVariables", SetData(2, ("OcppCsmsUrl", "ws://csms.example/ocpp"))), "setVariableResult").ShouldBe(["Rejected"]);
        rig.Station.NetworkProfiles.In(2).ShouldBeNull();
        AssertOfficiallyValid(rig);
    }

    [Test]
    public async Task NetworkConfigurationPriority_lists_only_slots_the_station_can_connect_with()
    {
        await using var rig = await AdapterRig.StartAsync(OcppVersion.V21, Profile);
        // As the runner does: slot 1 holds the connection the station was installed with.
        rig.Station.NetworkProfiles.Install(new NetworkProfile("ws://installed.example/ocpp", 0, "Wired0", "JSON", 30, null));
        static string Priority(string value) => $$$"""{"setVariableData":[{"attributeValue":"{{{value}}}","component":{"name":"OCPPCommCtrlr"},"variable":{"name":"NetworkConfigurationPriority"}}]}""";

        // A slot with only its URL so far is no connection the station could make.
        Statuses(await rig.CallAsync("SetVariables", SetData(2, ("OcppCsmsUrl", "ws://csms.example/ocpp"))), "setVariableResult").ShouldBe(["Accepted"]);
        Statuses(await rig.CallAsync("SetVariables", Priority("2,1")), "setVariableResult").ShouldBe(["Rejected"]);
        Statuses(await rig.CallAsync("SetVariables", SetData(2, ("OcppInterface", "Wired0"), ("OcppTransport", "JSON"), ("MessageTimeout", "30"), ("SecurityProfile", "0"))), "setVariableResult")
            .ShouldAllBe(s => s == "Accepted");
        Statuses(await rig.CallAsync("SetVariables", Priority("2,3")), "setVariableResult").ShouldBe(["Rejected"], "slot 3 holds nothing");
        Statuses(await rig.CallAsync("SetVariables", Priority("2,1")), "setVariableResult").ShouldBe(["Accepted"]);

        rig.Station.Configuration.Get(StationConfiguration.NetworkConfigurationPriorityKey)!.Value.ShouldBe("2,1");
        rig.Station.NetworkProfiles.Preferred("2,1").ShouldBe(rig.Station.NetworkProfiles.In(2));
        AssertOfficiallyValid(rig);
    }

    [Test]
    public async Task The_base_report_lists_every_slot_with_its_passwords_WriteOnly_and_the_priority_as_a_sequence_of_slots()
    {
        await using var rig = await AdapterRig.StartAsync(OcppVersion.V21, Profile);
        rig.Station.NetworkProfiles.Install(new NetworkProfile("ws://installed.example/ocpp", 0, "Wired0", "JSON", 30, null));

        await rig.CallAsync("GetBaseReport", """{"requestId":105,"reportBase":"FullInventory"}""");
        var data = (await rig.WaitForWholeReportAsync()).SelectMany(r => r.GetProperty("reportData").EnumerateArray()).ToList();

        var slots = data.Where(d => d.GetProperty("component").GetProperty("name").GetString() == NetworkConfigurationVariables.Component).ToList();
        slots.Select(d => d.GetProperty("component").GetProperty("instance").GetString()).Distinct().ShouldBe(["1", "2", "3"]);
        slots.Count.ShouldBe(3 * NetworkConfigurationVariables.Names.Count);
        var url = slots.Single(d => Instance(d) == "1" && Name(d) == "OcppCsmsUrl").GetProperty("variableAttribute")[0];
        url.GetProperty("value").GetString().ShouldBe("ws://installed.example/ocpp");
        url.GetProperty("mutability").GetString().ShouldBe("ReadWrite");
        foreach (var secret in slots.Where(d => Name(d) is "BasicAuthPassword" or "ApnPassword" or "VpnPassword" or "VpnKey" or "SimPin"))
        {
            var attribute = secret.GetProperty("variableAttribute")[0];
            attribute.GetProperty("mutability").GetString().ShouldBe("WriteOnly");
            attribute.TryGetProperty("value", out _).ShouldBeFalse();
        }

        var priority = data.Single(d => Name(d) == "NetworkConfigurationPriority").GetProperty("variableCharacteristics");
        (priority.GetProperty("dataType").GetString(), priority.GetProperty("valuesList").GetString()).ShouldBe(("SequenceList", "1,2,3"));
        AssertOfficiallyValid(rig);
    }

    [Test]
    public async Task An_OCPP_2_0_1_station_has_no_NetworkConfiguration_component()
    {
        await using var rig = await AdapterRig.StartAsync(OcppVersion.V201, Profile);

        Statuses(await rig.CallAsync("GetVariables", GetData(1, "OcppCsmsUrl")), "getVariableResult").ShouldBe(["UnknownComponent"]);
        Statuses(await rig.CallAsync("SetVariables", SetData(2, ("OcppCsmsUrl", "ws://csms.example/ocpp"))), "setVariableResult").ShouldBe(["UnknownComponent"]);
    }

    private static string SetData(int slot, params (string Variable, string Value)[] values) =>
        JsonSerializer.Serialize(new
        {
            setVariableData = values.Select(v => new { attributeValue = v.Value, component = new { name = NetworkConfigurationVariables.Component, instance = $"{slot}" }, variable = new { name = v.Variable } }),
        });

    private static string GetData(int slot, params string[] variables) =>
        JsonSerializer.Serialize(new
        {
            getVariableData = variables.Select(v => new { component = new { name = NetworkConfigurationVariables.Component, instance = $"{slot}" }, variable = new { name = v } }),
        });

    private static List<string?> Statuses(JsonElement answer, string results) =>
        [.. answer.GetProperty(results).EnumerateArray().Select(r => r.GetProperty("attributeStatus").GetString())];

    private static string? Instance(JsonElement data) =>
        data.GetProperty("component").TryGetProperty("instance", out var instance) ? instance.GetString() : null;

    private static string? Name(JsonElement data) => data.GetProperty("variable").GetProperty("name").GetString();

    // Both ways, every CALL and CALLRESULT the CSMS saw, against the official OCPP 2.1 schemas.
    private static void AssertOfficiallyValid(AdapterRig rig)
    {
        var official = new OcppSchemaValidator(RepoPaths.RequireOfficialSchemas());
        var frames = rig.CsmsFrames.Where(f => f.MessageType is OcppMessageType.Call or OcppMessageType.CallResult && f.Action is not null).ToList();
        frames.ShouldNotBeEmpty();
        foreach (var frame in frames)
        {
            using var doc = JsonDocument.Parse(frame.Raw);
            var (kind, payload) = frame.MessageType == OcppMessageType.Call ? (PayloadKind.Request, doc.RootElement[3]) : (PayloadKind.Response, doc.RootElement[2]);
            official.Validate(OcppVersion.V21, frame.Action!, kind, payload.GetRawText()).ShouldBeEmpty(frame.Raw);
        }
    }
}
