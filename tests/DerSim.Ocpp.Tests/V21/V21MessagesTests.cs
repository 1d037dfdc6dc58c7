using DerSim.Ocpp;
using DerSim.Ocpp.Json;
using DerSim.Ocpp.V21;
using DerSim.Ocpp.Validation;
using DerSim.Ocpp.Tests.Validation;

namespace DerSim.Ocpp.Tests.V21;

/// <summary>OCPP 2.1 literal frames round-trip exactly, and the action table knows who sends what.</summary>
[TestFixture]
public sealed class V21MessagesTests
{
    private static readonly object[] Frames =
    [
        new object[] { "BootNotification", PayloadKind.Request, """{"chargingStation":{"model":"Sim-1","vendorName":"DerSim"},"reason":"PowerUp"}""" },
        new object[] { "BootNotification", PayloadKind.Response, """{"currentTime":"2024-05-01T10:00:00.000Z","interval":300,"status":"Pending"}""" },
        new object[] { "Heartbeat", PayloadKind.Response, """{"currentTime":"2024-05-01T10:00:00.000Z"}""" },
        new object[] { "StatusNotification", PayloadKind.Request, """{"timestamp":"2024-05-01T10:00:00.000Z","connectorStatus":"Available","evseId":1,"connectorId":1}""" },
        new object[] { "Authorize", PayloadKind.Request, """{"idToken":{"idToken":"04A2B3C4","type":"ISO14443"}}""" },
        new object[] { "TransactionEvent", PayloadKind.Request, """{"eventType":"Updated","timestamp":"2024-05-01T10:15:00.000Z","triggerReason":"MeterValuePeriodic","seqNo":2,"transactionInfo":{"transactionId":"TX-1","chargingState":"Charging"},"meterValue":[{"timestamp":"2024-05-01T10:15:00.000Z","sampledValue":[{"value":12.3,"measurand":"Power.Active.Import","unitOfMeasure":{"unit":"kW"}}]}]}""" },
        new object[] { "GetVariables", PayloadKind.Request, """{"getVariableData":[{"component":{"name":"OCPPCommCtrlr"},"variable":{"name":"HeartbeatInterval"}}]}""" },
        new object[] { "NotifyAllowedEnergyTransfer", PayloadKind.Request, """{"transactionId":"TX-1","allowedEnergyTransfer":["AC_single_phase","AC_BPT","DC_ACDP_BPT"]}""" },
        new object[] { "NotifyAllowedEnergyTransfer", PayloadKind.Response, """{"status":"Accepted"}""" },
        new object[] { "DataTransfer", PayloadKind.Request, """{"vendorId":"com.dersim","data":[1,2,3]}""" },
    ];

    [TestCaseSource(nameof(Frames))]
    public void Literal_frame_round_trips(string action, PayloadKind kind, string json) =>
        RoundTrip.Check(OcppVersion.V21, action, kind, json);

    [Test]
    public void Energy_transfer_modes_bind_to_members()
    {
        var request = (NotifyAllowedEnergyTransferRequest)RoundTrip.Check(OcppVersion.V21, "NotifyAllowedEnergyTransfer", PayloadKind.Request,
            """{"transactionId":"TX-1","allowedEnergyTransfer":["AC_three_phase","DC_BPT"]}""");

        request.AllowedEnergyTransfer.ShouldBe([EnergyTransferModeEnumType.ACThreePhase, EnergyTransferModeEnumType.DCBPT]);
    }

    [Test]
    public void Send_only_action_has_no_response_type()
    {
        V21ActionTable.Instance.TryGet("NotifyPeriodicEventStream", out var action).ShouldBeTrue();
        action!.ResponseType.ShouldBe(typeof(NoResponse));
        action.Direction.ShouldBe(MessageDirection.StationToCsms);
    }

    [TestCase("BootNotification", MessageDirection.StationToCsms)]
    [TestCase("NotifyPeriodicEventStream", MessageDirection.StationToCsms)]
    [TestCase("OpenPeriodicEventStream", MessageDirection.StationToCsms)]
    [TestCase("NotifyDERAlarm", MessageDirection.StationToCsms)]
    [TestCase("SetChargingProfile", MessageDirection.CsmsToStation)]
    [TestCase("NotifyAllowedEnergyTransfer", MessageDirection.CsmsToStation)]
    [TestCase("NotifyWebPaymentStarted", MessageDirection.CsmsToStation)]
    [TestCase("SetDERControl", MessageDirection.CsmsToStation)]
    [TestCase("DataTransfer", MessageDirection.Both)]
    public void Direction(string action, MessageDirection direction) =>
        DirectionChecks.Check(V21ActionTable.Instance, action, direction);

    [Test]
    public void Every_schema_file_has_a_table_entry_and_back() =>
        DirectionChecks.TableMatchesSchemaFiles(V21ActionTable.Instance, 91);

    [Test]
    public void Serializer_writes_utc_with_z()
    {
        var json = OcppJson.Serialize(new HeartbeatResponse(new DateTimeOffset(2024, 5, 1, 10, 0, 0, 250, TimeSpan.Zero)), V21ActionTable.Instance);

        json.ShouldBe("""{"currentTime":"2024-05-01T10:00:00.250Z"}""");
    }
}
