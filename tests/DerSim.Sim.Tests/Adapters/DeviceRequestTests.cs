using DerSim.Ocpp;
using DerSim.Sim.Adapters;
using DerSim.Sim.Engine;
using DerSim.Sim.StationModel;
using DerSim.Sim.Tests.Engine;

namespace DerSim.Sim.Tests.Adapters;

/// <summary>
/// What the OCA device cases (TC_B_06/09, TC_C_37/38, TC_G_07/08) need of the 2.x station, against a loopback CSMS:
/// OCPPCommCtrlr.OfflineThreshold read and written, ClearCache Accepted with the cache in use and Rejected with it
/// disabled (C11.FR.04), ChangeAvailability of one connector, and connectors taken out of service on site reported
/// Unavailable.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class DeviceRequestTests
{
    private const string OnePort = "EVSE-AC-22kW-1port";

    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task OfflineThreshold_is_read_and_written(OcppVersion version)
    {
        await using var rig = await LoopbackCsmsRig.StartAsync(version, $"OFFLINE-{version}", OnePort, new SessionPlan { Sessions = 0 });
        await BootedAsync(rig);
        const string Variable = """{"component":{"name":"OCPPCommCtrlr"},"variable":{"name":"OfflineThreshold"}}""";

        var read = (await rig.CallAsync("GetVariables", $$"""{"getVariableData":[{{Variable}}]}""")).GetProperty("getVariableResult")[0];
        read.GetProperty("attributeStatus").GetString().ShouldBe("Accepted");
        read.GetProperty("attributeValue").GetString().ShouldBe("60");

        var set = (await rig.CallAsync("SetVariables", """{"setVariableData":[{"attributeValue":"123","component":{"name":"OCPPCommCtrlr"},"variable":{"name":"OfflineThreshold"}}]}""")).GetProperty("setVariableResult")[0];
        set.GetProperty("attributeStatus").GetString().ShouldBe("Accepted");
        (await rig.CallAsync("GetVariables", $$"""{"getVariableData":[{{Variable}}]}""")).GetProperty("getVariableResult")[0].GetProperty("attributeValue").GetString().ShouldBe("123");
    }

    [TestCase(OcppVersion.V201, "true", "Accepted", 0)]
    [TestCase(OcppVersion.V21, "true", "Accepted", 0)]
    [TestCase(OcppVersion.V201, "false", "Rejected", 1)]
    [TestCase(OcppVersion.V21, "false", "Rejected", 1)]
    public async Task ClearCache_empties_a_cache_in_use_and_is_Rejected_when_the_cache_is_disabled(OcppVersion version, string enabled, string status, int left)
    {
        await using var rig = await LoopbackCsmsRig.StartAsync(version, $"CACHE-{version}-{enabled}", OnePort, new SessionPlan { Sessions = 0 }, setUp: station =>
        {
            station.Configuration.TrySet(station.Configuration.Get(StationConfiguration.AuthCacheEnabledKey)!, enabled);
            station.AuthorizationCache.Preset("TAG-1", "Accepted", null);
        });
        await BootedAsync(rig);

        (await rig.CallAsync("ClearCache", "{}")).GetProperty("status").GetString().ShouldBe(status);
        rig.Runner.Station.AuthorizationCache.Count.ShouldBe(left);
    }

    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task One_connector_is_made_Inoperative_and_Operative_and_an_unknown_one_is_Rejected(OcppVersion version)
    {
        await using var rig = await LoopbackCsmsRig.StartAsync(version, $"CONN-{version}", OnePort, new SessionPlan { Sessions = 0 });
        await BootedAsync(rig);

        (await rig.CallAsync("ChangeAvailability", """{"operationalStatus":"Inoperative","evse":{"id":1,"connectorId":1}}""")).GetProperty("status").GetString().ShouldBe("Accepted");
        await rig.UntilAsync(() => LastStatus(rig) == "Unavailable", "connector 1 reported Unavailable");
        (await rig.CallAsync("ChangeAvailability", """{"operationalStatus":"Operative","evse":{"id":1,"connectorId":1}}""")).GetProperty("status").GetString().ShouldBe("Accepted");
        await rig.UntilAsync(() => LastStatus(rig) == "Available", "connector 1 reported Available again");
        (await rig.CallAsync("ChangeAvailability", """{"operationalStatus":"Inoperative","evse":{"id":1,"connectorId":2}}""")).GetProperty("status").GetString().ShouldBe("Rejected");
    }

    [TestCase(OcppVersion.V16)]
    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task Connectors_taken_out_of_service_on_site_are_reported_Unavailable(OcppVersion version)
    {
        await using var rig = await LoopbackCsmsRig.StartAsync(version, $"SITE-{version}", OnePort, new SessionPlan { Sessions = 0 });
        await BootedAsync(rig);

        var changed = await StationMaintenance.TakeOutOfServiceAsync(rig.Runner.Engine, [.. rig.Runner.Station.ConnectorsOf(1)], CancellationToken.None);

        changed.Count.ShouldBe(1);
        rig.Runner.Station.ConnectorsOf(1).Single().Status.ShouldBe(ConnectorStatus.Unavailable);
        LastStatus(rig).ShouldBe("Unavailable");
        (await StationMaintenance.TakeOutOfServiceAsync(rig.Runner.Engine, [.. rig.Runner.Station.ConnectorsOf(1)], CancellationToken.None)).ShouldBeEmpty("already out of service: nothing to report");
    }

    private static Task BootedAsync(LoopbackCsmsRig rig) =>
        rig.UntilAsync(() => rig.Calls("StatusNotification").Count >= 1, "the boot-time status report");

    private static string? LastStatus(LoopbackCsmsRig rig)
    {
        var v16 = rig.Version == OcppVersion.V16;
        return rig.Calls("StatusNotification").Select(c => c.Payload)
            .Where(p => p.GetProperty(v16 ? "connectorId" : "evseId").GetInt32() == 1)
            .Select(p => p.GetProperty(v16 ? "status" : "connectorStatus").GetString())
            .LastOrDefault();
    }
}
