using DerSim.Ocpp;
using DerSim.Sim.Engine;
using DerSim.Sim.StationModel;
using DerSim.Sim.Tests.Engine;

namespace DerSim.Sim.Tests.Adapters;

/// <summary>
/// The 1.6 station's LocalAuthListManagement and Reservation messages over a loopback connection (OCA TC_042–TC_053):
/// GetLocalListVersion (-1 switched off, 0 empty, else the version), SendLocalList, ReserveNow with its
/// StatusNotification Reserved, CancelReservation with Available again and Rejected for an unknown id.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class V16LocalListAndReservationTests
{
    private const string OnePort = "EVSE-AC-22kW-1port";

    [Test]
    public async Task The_local_list_version_follows_the_lists_the_CSMS_sends()
    {
        await using var rig = await LoopbackCsmsRig.StartAsync(OcppVersion.V16, "LIST-16", OnePort, new SessionPlan { Sessions = 0 });
        await BootedAsync(rig);

        (await rig.CallAsync("GetLocalListVersion", "{}")).GetProperty("listVersion").GetInt32().ShouldBe(0);
        (await rig.CallAsync("SendLocalList", """{"listVersion":5,"updateType":"Full","localAuthorizationList":[{"idTag":"A","idTagInfo":{"status":"Accepted","parentIdTag":"G"}}]}"""))
            .GetProperty("status").GetString().ShouldBe("Accepted");
        (await rig.CallAsync("SendLocalList", """{"listVersion":5,"updateType":"Differential","localAuthorizationList":[{"idTag":"B","idTagInfo":{"status":"Accepted"}}]}"""))
            .GetProperty("status").GetString().ShouldBe("VersionMismatch");
        (await rig.CallAsync("GetLocalListVersion", "{}")).GetProperty("listVersion").GetInt32().ShouldBe(5);
        rig.Runner.Station.LocalAuthList.Lookup("A").ShouldBe(new CachedToken("Accepted", "G", null));
    }

    [Test]
    public async Task A_station_with_its_list_switched_off_answers_minus_one_and_NotSupported()
    {
        await using var rig = await LoopbackCsmsRig.StartAsync(OcppVersion.V16, "NOLIST-16", OnePort, new SessionPlan { Sessions = 0 },
            setUp: station => station.Configuration.Preset(station.Configuration.Get(LocalAuthList.EnabledKey)!, "false"));
        await BootedAsync(rig);

        (await rig.CallAsync("GetLocalListVersion", "{}")).GetProperty("listVersion").GetInt32().ShouldBe(-1);
        (await rig.CallAsync("SendLocalList", """{"listVersion":1,"updateType":"Full","localAuthorizationList":[{"idTag":"A","idTagInfo":{"status":"Accepted"}}]}"""))
            .GetProperty("status").GetString().ShouldBe("NotSupported");
    }

    [Test]
    public async Task A_reservation_is_reported_Reserved_and_Available_again_when_cancelled()
    {
        await using var rig = await LoopbackCsmsRig.StartAsync(OcppVersion.V16, "RESV-16", OnePort, new SessionPlan { Sessions = 0 });
        await BootedAsync(rig);

        (await rig.CallAsync("ReserveNow", """{"connectorId":1,"expiryDate":"2030-01-01T00:00:00Z","idTag":"A","reservationId":3}"""))
            .GetProperty("status").GetString().ShouldBe("Accepted");
        await rig.UntilAsync(() => LastStatus(rig) == "Reserved", "StatusNotification Reserved");

        (await rig.CallAsync("CancelReservation", """{"reservationId":4}""")).GetProperty("status").GetString().ShouldBe("Rejected");
        (await rig.CallAsync("CancelReservation", """{"reservationId":3}""")).GetProperty("status").GetString().ShouldBe("Accepted");
        await rig.UntilAsync(() => LastStatus(rig) == "Available", "StatusNotification Available");
    }

    [Test]
    public async Task A_plugged_in_connector_is_Occupied_for_a_reservation()
    {
        await using var rig = await LoopbackCsmsRig.StartAsync(OcppVersion.V16, "OCC-16", OnePort, new SessionPlan { Sessions = 0 },
            setUp: station => station.Connectors[0].Status = ConnectorStatus.Occupied);
        await BootedAsync(rig);

        (await rig.CallAsync("ReserveNow", """{"connectorId":1,"expiryDate":"2030-01-01T00:00:00Z","idTag":"A","reservationId":1}"""))
            .GetProperty("status").GetString().ShouldBe("Occupied");
    }

    private static Task BootedAsync(LoopbackCsmsRig rig) =>
        rig.UntilAsync(() => rig.Calls("StatusNotification").Count >= 1, "the boot-time status report");

    private static string? LastStatus(LoopbackCsmsRig rig) =>
        rig.Calls("StatusNotification").Select(c => c.Payload).Where(p => p.GetProperty("connectorId").GetInt32() == 1)
            .Select(p => p.GetProperty("status").GetString()).LastOrDefault();
}
