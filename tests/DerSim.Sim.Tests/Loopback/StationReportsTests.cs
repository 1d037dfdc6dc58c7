using DerSim.Csms;
using DerSim.Ocpp;
using DerSim.Ocpp.Rpc;
using DerSim.Sim.Adapters;
using DerSim.Sim.StationModel;

namespace DerSim.Sim.Tests.Loopback;

/// <summary>
/// What a station sends of its own accord for the data-transfer, lock-failure and custom-data cases, against the
/// reference CSMS (which validates every frame against the schemas).
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class StationReportsTests
{
    [TestCase(OcppVersion.V16)]
    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task A_DataTransfer_goes_out_with_vendor_and_message_id_and_returns_the_CSMS_status(OcppVersion version)
    {
        await using var rig = await Rig.BootAsync(version, 300, $"SR-DT-{version}");

        var status = await StationReports.DataTransferAsync(rig.Station.Runner.Engine, "com.example.unknown", "NoSuchMessage", CancellationToken.None);

        status.ShouldBe("UnknownVendorId");
        var call = rig.Frames.Of(rig.Id).Last(f => f is { Direction: FrameDirection.Inbound, Action: "DataTransfer", MessageType: OcppMessageType.Call });
        var payload = CsmsFrames.Payload(call);
        payload.GetProperty("vendorId").GetString().ShouldBe("com.example.unknown");
        payload.GetProperty("messageId").GetString().ShouldBe("NoSuchMessage");
        rig.Frames.Violations(rig.Id).ShouldBeEmpty();
    }

    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task A_lock_failure_is_reported_as_a_ConnectorPlugRetentionLock_problem_of_that_connector(OcppVersion version)
    {
        await using var rig = await Rig.BootAsync(version, 300, $"SR-LOCK-{version}");
        var connector = rig.Station.Station.ConnectorsOf(2).Single();

        await StationReports.ReportLockFailureAsync(rig.Station.Runner.Engine, connector, 7, CancellationToken.None);

        var call = rig.Frames.Of(rig.Id).Single(f => f is { Direction: FrameDirection.Inbound, Action: "NotifyEvent", MessageType: OcppMessageType.Call });
        var data = CsmsFrames.Payload(call).GetProperty("eventData")[0];
        data.GetProperty("component").GetProperty("name").GetString().ShouldBe("ConnectorPlugRetentionLock");
        data.GetProperty("component").GetProperty("evse").GetProperty("id").GetInt32().ShouldBe(2);
        data.GetProperty("component").GetProperty("evse").GetProperty("connectorId").GetInt32().ShouldBe(connector.ConnectorId);
        data.GetProperty("variable").GetProperty("name").GetString().ShouldBe("Problem");
        data.GetProperty("actualValue").GetString().ShouldBe("true");
        data.GetProperty("trigger").GetString().ShouldBe("Delta");
        data.GetProperty("eventId").GetInt32().ShouldBe(7);
        rig.Frames.Of(rig.Id).ShouldContain(f => f.Direction == FrameDirection.Outbound && f.MessageType == OcppMessageType.CallResult && f.MessageId == call.MessageId);
        rig.Frames.Violations(rig.Id).ShouldBeEmpty();
    }

    [Test]
    public async Task A_lock_failure_on_1_6_makes_the_connector_Faulted_with_ConnectorLockFailure()
    {
        await using var rig = await Rig.BootAsync(OcppVersion.V16, 300, "SR-LOCK-16");
        var connector = rig.Station.Station.Connectors[0];

        await StationReports.ReportLockFailureAsync(rig.Station.Runner.Engine, connector, 1, CancellationToken.None);

        var call = rig.Frames.Of(rig.Id).Last(f => f is { Direction: FrameDirection.Inbound, Action: "StatusNotification", MessageType: OcppMessageType.Call });
        var payload = CsmsFrames.Payload(call);
        payload.GetProperty("connectorId").GetInt32().ShouldBe(connector.StationConnectorId);
        payload.GetProperty("errorCode").GetString().ShouldBe("ConnectorLockFailure");
        payload.GetProperty("status").GetString().ShouldBe("Faulted");
        connector.Status.ShouldBe(ConnectorStatus.Faulted);
        rig.Frames.Of(rig.Id).ShouldNotContain(f => f.Action == "NotifyEvent");
        rig.Frames.Violations(rig.Id).ShouldBeEmpty();
    }

    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task Custom_data_rides_on_every_StatusNotification_and_DataTransfer(OcppVersion version)
    {
        var csms = new ReferenceCsms(new ReferenceCsmsOptions { HeartbeatIntervalSeconds = 300 });
        var frames = new CsmsFrames(csms);
        await using (csms)
        {
            await csms.StartAsync();
            var id = $"SR-CUSTOM-{version}";
            await using var station = StationUnderTest.Start(
                csms.Url,
                version,
                id,
                configure: runner => runner.Station.CustomData = new StationCustomData("com.example.dersim", new Dictionary<string, string> { ["note"] = "ignore me" }));
            await csms.WaitForAsync(id, s => s.ConnectorStatus.Count == 2, Rig.Wait);

            await StationReports.DataTransferAsync(station.Runner.Engine, "com.example.dersim", "Hello", CancellationToken.None);

            var calls = frames.Of(id).Where(f => f is { Direction: FrameDirection.Inbound, MessageType: OcppMessageType.Call } && f.Action is "StatusNotification" or "DataTransfer").ToList();
            calls.Count.ShouldBe(3);
            foreach (var call in calls)
            {
                var custom = CsmsFrames.Payload(call).GetProperty("customData");
                custom.GetProperty("vendorId").GetString().ShouldBe("com.example.dersim");
                custom.GetProperty("note").GetString().ShouldBe("ignore me");
            }

            frames.Violations(id).ShouldBeEmpty();
        }
    }
}
