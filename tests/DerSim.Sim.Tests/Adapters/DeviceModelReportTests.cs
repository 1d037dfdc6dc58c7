using System.Text.Json;
using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;
using DerSim.Ocpp;
using DerSim.Ocpp.Rpc;
using DerSim.Ocpp.Validation;
using DerSim.Ocpp.Tests.Validation;

namespace DerSim.Sim.Tests.Adapters;

/// <summary>GetBaseReport → NotifyReport and GetVariables in 2.0.1 and 2.1, answered from the profile's device model.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class DeviceModelReportTests
{
    private const string Hybrid = "EVSE-Hybrid-2DC-1AC";
    private static readonly OcppSchemaValidator Generated = new();

    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task Full_inventory_of_the_hybrid_station_reports_every_EVSE_and_connector_in_valid_pages(OcppVersion version)
    {
        await using var rig = await AdapterRig.StartAsync(version, Hybrid, reportPageSize: 10);

        var answer = await rig.CallAsync("GetBaseReport", """{"requestId":42,"reportBase":"FullInventory"}""");
        var reports = await rig.WaitForWholeReportAsync();

        answer.GetProperty("status").GetString().ShouldBe("Accepted");
        reports.Count.ShouldBeGreaterThan(1, "10 variables per page must split the hybrid station's report");
        reports.Select(r => r.GetProperty("seqNo").GetInt32()).ShouldBe(Enumerable.Range(0, reports.Count));
        reports.Select(r => r.TryGetProperty("tbc", out var tbc) && tbc.GetBoolean())
            .ShouldBe([.. Enumerable.Repeat(true, reports.Count - 1), false]);
        reports.ShouldAllBe(r => r.GetProperty("requestId").GetInt32() == 42);
        reports.ShouldAllBe(r => r.GetProperty("reportData").GetArrayLength() <= 10);
        reports.Select(r => r.GetProperty("generatedAt").GetDateTimeOffset()).ShouldAllBe(t => t == rig.Time.GetUtcNow());

        var data = reports.SelectMany(r => r.GetProperty("reportData").EnumerateArray()).Select(Entry.From).ToList();
        data.Where(e => e.Component == "EVSE").Select(e => e.EvseId).Distinct().ShouldBe([1, 2, 3]);
        data.Where(e => e is { Component: "Connector", Variable: "ConnectorType" }).Select(e => (e.EvseId, e.ConnectorId, e.Value))
            .ShouldBe([(1, 1, "cCCS2"), (2, 1, "cCCS2"), (3, 1, "cType2")]);
        data.Where(e => e is { Component: "EVSE", Variable: "Power" }).Select(e => e.MaxLimit).ShouldBe([150000m, 150000m, 22000m]);
        data.Where(e => e is { Component: "EVSE", Variable: "SupplyPhases" }).Select(e => e.Value).ShouldBe(["0", "0", "3"]);
        data.Single(e => e is { Component: "ChargingStation", Variable: "Power" }).MaxLimit.ShouldBe(200000m);
        data.Single(e => e is { Component: "ChargingStation", Variable: "Model" }).Value.ShouldBe("Hybrid-2DC-1AC");
        data.Single(e => e is { Component: "ChargingStation", Variable: "SerialNumber" }).Value.ShouldBe("DERSIM-HYB-0001");
        data.Where(e => e.Variable == "AvailabilityState").Count().ShouldBe(1 + 3 + 3);
        var heartbeat = data.Single(e => e is { Component: "OCPPCommCtrlr", Variable: "HeartbeatInterval" });
        (heartbeat.Mutability, heartbeat.DataType, heartbeat.Unit).ShouldBe(("ReadWrite", "integer", "s"));
        data.ShouldAllBe(e => e.SupportsMonitoring == false);

        // Every page is valid against our generated schemas and the official ones.
        var official = new OcppSchemaValidator(RepoPaths.RequireOfficialSchemas());
        foreach (var payload in rig.NotifyReports())
        {
            Generated.Validate(version, "NotifyReport", PayloadKind.Request, payload).ShouldBeEmpty(payload);
            official.Validate(version, "NotifyReport", PayloadKind.Request, payload).ShouldBeEmpty(payload);
        }
    }

    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task The_report_follows_the_GetBaseReport_answer_on_the_wire(OcppVersion version)
    {
        await using var rig = await AdapterRig.StartAsync(version, Hybrid);

        await rig.CallAsync("GetBaseReport", """{"requestId":7,"reportBase":"FullInventory"}""");
        var reports = await rig.WaitForWholeReportAsync();

        var frames = rig.CsmsFrames.ToList();
        var answerAt = frames.FindIndex(f => f is { Direction: FrameDirection.Inbound, MessageType: OcppMessageType.CallResult, Action: "GetBaseReport" });
        var reportAt = frames.FindIndex(f => f is { Direction: FrameDirection.Inbound, MessageType: OcppMessageType.Call, Action: "NotifyReport" });
        answerAt.ShouldBeGreaterThanOrEqualTo(0);
        reportAt.ShouldBeGreaterThan(answerAt);

        // The whole hybrid device model, in pages numbered from 0, the last one saying nothing follows (B07.FR.03/.04).
        reports.Select(r => r.GetProperty("seqNo").GetInt32()).ShouldBe(Enumerable.Range(0, reports.Count));
        (reports[^1].TryGetProperty("tbc", out var last) && last.GetBoolean()).ShouldBeFalse();
        reports.Take(reports.Count - 1).ShouldAllBe(r => r.GetProperty("tbc").GetBoolean());
        reports.Sum(r => r.GetProperty("reportData").GetArrayLength()).ShouldBe(rig.NewDeviceModel().Variables.Count);
    }

    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task Configuration_and_summary_inventories_list_their_subsets(OcppVersion version)
    {
        await using var rig = await AdapterRig.StartAsync(version, "EVSE-AC-7.4kW-2port");

        await rig.CallAsync("GetBaseReport", """{"requestId":1,"reportBase":"ConfigurationInventory"}""");
        var configuration = (await rig.WaitForWholeReportAsync()).SelectMany(r => r.GetProperty("reportData").EnumerateArray()).Select(Entry.From).ToList();
        var before = rig.NotifyReports().Count;
        await rig.CallAsync("GetBaseReport", """{"requestId":2,"reportBase":"SummaryInventory"}""");
        await WaitUntilAsync(() => rig.NotifyReports().Count > before);
        var summary = JsonDocument.Parse(rig.NotifyReports()[before]).RootElement.GetProperty("reportData").EnumerateArray().Select(Entry.From).ToList();

        configuration.ShouldNotBeEmpty();
        configuration.ShouldAllBe(e => e.Mutability == "ReadWrite" || e.Mutability == "WriteOnly");
        configuration.Select(e => e.Variable).ShouldContain("HeartbeatInterval");
        summary.Where(e => e.Variable == "AvailabilityState").Select(e => (e.Component, e.EvseId, e.ConnectorId))
            .ShouldBe([("ChargingStation", 0, 0), ("EVSE", 1, 0), ("EVSE", 2, 0), ("Connector", 1, 1), ("Connector", 2, 1)]);
        summary.ShouldNotContain(e => e.Variable == "HeartbeatInterval");
    }

    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task GetVariables_reads_every_reported_variable_with_the_reported_value(OcppVersion version)
    {
        await using var rig = await AdapterRig.StartAsync(version, Hybrid);
        await rig.CallAsync("GetBaseReport", """{"requestId":3,"reportBase":"FullInventory"}""");
        var reported = (await rig.WaitForWholeReportAsync()).SelectMany(r => r.GetProperty("reportData").EnumerateArray()).ToList();

        var request = new { getVariableData = reported.Select(r => new { component = r.GetProperty("component"), variable = r.GetProperty("variable") }) };
        var answer = await rig.CallAsync("GetVariables", JsonSerializer.Serialize(request));
        var results = answer.GetProperty("getVariableResult").EnumerateArray().ToList();

        results.Count.ShouldBe(reported.Count);
        for (var i = 0; i < results.Count; i++)
        {
            var what = reported[i].GetProperty("component").GetRawText() + " " + reported[i].GetProperty("variable").GetRawText();
            var entry = Entry.From(reported[i]);
            if (entry.Mutability == "WriteOnly")
            {
                // A password or key: reported without a value, never read back.
                entry.Value.ShouldBeNull(what);
                results[i].GetProperty("attributeStatus").GetString().ShouldBe("Rejected", what);
                results[i].TryGetProperty("attributeValue", out _).ShouldBeFalse(what);
                continue;
            }

            results[i].GetProperty("attributeStatus").GetString().ShouldBe("Accepted", what);
            results[i].GetProperty("attributeValue").GetString().ShouldBe(entry.Value, what);
        }

        reported.Select(Entry.From).ShouldContain(e => e.Component == "SecurityCtrlr" && e.Variable == "BasicAuthPassword" && e.Mutability == "WriteOnly");
    }

    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task GetVariables_tells_unknown_EVSEs_connectors_and_variables_apart(OcppVersion version)
    {
        await using var rig = await AdapterRig.StartAsync(version, Hybrid);
        rig.Station.SetOperative(rig.Station.ConnectorsOf(2), operative: false);

        var answer = await rig.CallAsync("GetVariables", """
            {"getVariableData":[
              {"component":{"name":"EVSE","evse":{"id":9}},"variable":{"name":"Power"}},
              {"component":{"name":"Connector"},"variable":{"name":"ConnectorType"}},
              {"component":{"name":"EVSE","evse":{"id":1}},"variable":{"name":"NoSuchVariable"}},
              {"component":{"name":"connector","evse":{"id":3,"connectorId":1}},"variable":{"name":"connectortype"}},
              {"component":{"name":"EVSE","evse":{"id":2}},"variable":{"name":"AvailabilityState"}},
              {"component":{"name":"ChargingStation"},"variable":{"name":"AvailabilityState"}},
              {"component":{"name":"EVSE","evse":{"id":1}},"variable":{"name":"Power"},"attributeType":"MaxSet"}
            ]}
            """);

        var results = answer.GetProperty("getVariableResult").EnumerateArray().ToList();
        results.Select(r => r.GetProperty("attributeStatus").GetString())
            .ShouldBe(["UnknownComponent", "UnknownComponent", "UnknownVariable", "Accepted", "Accepted", "Accepted", "NotSupportedAttributeType"]);
        results[3].GetProperty("attributeValue").GetString().ShouldBe("cType2");
        results[4].GetProperty("attributeValue").GetString().ShouldBe("Unavailable");
        results[5].GetProperty("attributeValue").GetString().ShouldBe("Available");
    }

    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task SetVariables_changes_a_setting_the_next_report_shows_and_rejects_profile_facts(OcppVersion version)
    {
        await using var rig = await AdapterRig.StartAsync(version, Hybrid);

        var set = await rig.CallAsync("SetVariables", """
            {"setVariableData":[
              {"attributeValue":"15","component":{"name":"OCPPCommCtrlr"},"variable":{"name":"HeartbeatInterval"}},
              {"attributeValue":"cType1","component":{"name":"Connector","evse":{"id":1,"connectorId":1}},"variable":{"name":"ConnectorType"}}
            ]}
            """);
        await rig.CallAsync("GetBaseReport", """{"requestId":5,"reportBase":"ConfigurationInventory"}""");
        var reported = (await rig.WaitForWholeReportAsync()).SelectMany(r => r.GetProperty("reportData").EnumerateArray()).Select(Entry.From).ToList();

        set.GetProperty("setVariableResult").EnumerateArray().Select(r => r.GetProperty("attributeStatus").GetString()).ShouldBe(["Accepted", "Rejected"]);
        reported.Single(e => e.Variable == "HeartbeatInterval").Value.ShouldBe("15");
        rig.Station.Configuration.HeartbeatInterval.ShouldBe(TimeSpan.FromSeconds(15));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    /// <summary>One reportData entry, flattened.</summary>
    private sealed record Entry(string Component, int EvseId, int ConnectorId, string Variable, string? Value, string? Mutability, string DataType, string? Unit, decimal? MaxLimit, bool SupportsMonitoring)
    {
        public static Entry From(JsonElement e)
        {
            var component = e.GetProperty("component");
            var evse = component.TryGetProperty("evse", out var x) ? x : default;
            var attribute = e.GetProperty("variableAttribute")[0];
            var characteristics = e.GetProperty("variableCharacteristics");
            return new Entry(
                component.GetProperty("name").GetString()!,
                evse.ValueKind == JsonValueKind.Object ? evse.GetProperty("id").GetInt32() : 0,
                evse.ValueKind == JsonValueKind.Object && evse.TryGetProperty("connectorId", out var c) ? c.GetInt32() : 0,
                e.GetProperty("variable").GetProperty("name").GetString()!,
                attribute.TryGetProperty("value", out var v) ? v.GetString() : null,
                attribute.TryGetProperty("mutability", out var m) ? m.GetString() : null,
                characteristics.GetProperty("dataType").GetString()!,
                characteristics.TryGetProperty("unit", out var u) ? u.GetString() : null,
                characteristics.TryGetProperty("maxLimit", out var l) ? l.GetDecimal() : null,
                characteristics.GetProperty("supportsMonitoring").GetBoolean());
        }
    }
}
