using DerSim.Ocpp;
using DerSim.Ocpp.Json;
using DerSim.Ocpp.Schema;
using DerSim.Ocpp.V21;
using DerSim.Ocpp.Validation;
using DerSim.Ocpp.Tests.Validation;
using V201ActionTable = DerSim.Ocpp.V201.V201ActionTable;

namespace DerSim.Ocpp.Tests.V201;

/// <summary>
/// OCPP 2.0.1 literal frames round-trip exactly in the 2.1 types that carry them, the action table knows who sends
/// what, and validation stays 2.0.1's own: what only 2.1 has fails on a 2.0.1 connection.
/// </summary>
[TestFixture]
public sealed class V201MessagesTests
{
    private static readonly object[] Frames =
    [
        new object[] { "BootNotification", PayloadKind.Request, """{"chargingStation":{"model":"Sim-1","vendorName":"DerSim","serialNumber":"SN-001","firmwareVersion":"1.0.0","modem":{"iccid":"8931","imsi":"2620"}},"reason":"PowerUp"}""" },
        new object[] { "BootNotification", PayloadKind.Response, """{"currentTime":"2024-05-01T10:00:00.000Z","interval":300,"status":"Accepted","statusInfo":{"reasonCode":"OK"}}""" },
        new object[] { "Heartbeat", PayloadKind.Request, "{}" },
        new object[] { "Heartbeat", PayloadKind.Response, """{"currentTime":"2024-05-01T10:00:00.500Z"}""" },
        new object[] { "StatusNotification", PayloadKind.Request, """{"timestamp":"2024-05-01T10:00:00.000Z","connectorStatus":"Occupied","evseId":1,"connectorId":1}""" },
        new object[] { "Authorize", PayloadKind.Request, """{"idToken":{"idToken":"04A2B3C4","type":"ISO14443"}}""" },
        new object[] { "Authorize", PayloadKind.Response, """{"idTokenInfo":{"status":"Accepted","cacheExpiryDateTime":"2024-06-01T00:00:00.000Z"}}""" },
        new object[] { "TransactionEvent", PayloadKind.Request, """{"eventType":"Started","timestamp":"2024-05-01T10:00:00.000Z","triggerReason":"CablePluggedIn","seqNo":0,"transactionInfo":{"transactionId":"TX-1","chargingState":"EVConnected"},"evse":{"id":1,"connectorId":1},"idToken":{"idToken":"04A2B3C4","type":"ISO14443"},"meterValue":[{"timestamp":"2024-05-01T10:00:00.000Z","sampledValue":[{"value":12.3,"context":"Transaction.Begin","measurand":"Energy.Active.Import.Register","phase":"L1-N","unitOfMeasure":{"unit":"kWh","multiplier":0}}]}]}""" },
        new object[] { "TransactionEvent", PayloadKind.Response, """{"totalCost":1.25,"idTokenInfo":{"status":"Accepted"}}""" },
        new object[] { "GetVariables", PayloadKind.Request, """{"getVariableData":[{"component":{"name":"OCPPCommCtrlr"},"variable":{"name":"HeartbeatInterval"},"attributeType":"Actual"},{"component":{"name":"EVSE","evse":{"id":1}},"variable":{"name":"Power","instance":"Max"}}]}""" },
        new object[] { "GetVariables", PayloadKind.Response, """{"getVariableResult":[{"attributeStatus":"Accepted","attributeType":"Actual","attributeValue":"300","component":{"name":"OCPPCommCtrlr"},"variable":{"name":"HeartbeatInterval"}}]}""" },
        new object[] { "MeterValues", PayloadKind.Request, """{"evseId":1,"meterValue":[{"timestamp":"2024-05-01T10:30:00.000Z","sampledValue":[{"value":230.1,"measurand":"Voltage","phase":"L1-N"}]}]}""" },
        new object[] { "SetChargingProfile", PayloadKind.Request, """{"evseId":1,"chargingProfile":{"id":7,"stackLevel":0,"chargingProfilePurpose":"TxDefaultProfile","chargingProfileKind":"Absolute","chargingSchedule":[{"id":1,"chargingRateUnit":"A","chargingSchedulePeriod":[{"startPeriod":0,"limit":12.3}]}]}}""" },
        new object[] { "DataTransfer", PayloadKind.Request, """{"vendorId":"com.dersim","messageId":"Ping","data":{"nested":[1,2.5,"x"]}}""" },
        new object[] { "DataTransfer", PayloadKind.Response, """{"status":"Accepted","data":"pong","customData":{"vendorId":"com.dersim","extra":true}}""" },
    ];

    [TestCaseSource(nameof(Frames))]
    public void Literal_frame_round_trips(string action, PayloadKind kind, string json) =>
        RoundTrip.Check(OcppVersion.V201, action, kind, json);

    [Test]
    public void Custom_data_keeps_vendor_properties()
    {
        var response = (DataTransferResponse)RoundTrip.Check(OcppVersion.V201, "DataTransfer", PayloadKind.Response,
            """{"status":"Accepted","customData":{"vendorId":"com.dersim","extra":{"k":1}}}""");

        response.CustomData!.VendorId.ShouldBe("com.dersim");
        response.CustomData.ExtensionData!["extra"].GetProperty("k").GetInt32().ShouldBe(1);
    }

    [Test]
    public void Transaction_event_binds_typed_values()
    {
        var request = OcppJson.Deserialize<TransactionEventRequest>(
            """{"eventType":"Ended","timestamp":"2024-05-01T10:00:00+02:00","triggerReason":"EVDeparted","seqNo":3,"transactionInfo":{"transactionId":"TX-1","stoppedReason":"EVDisconnected"}}""",
            V201ActionTable.Instance);

        request.EventType.ShouldBe(TransactionEventEnumType.Ended);
        request.Timestamp.ShouldBe(new DateTimeOffset(2024, 5, 1, 8, 0, 0, TimeSpan.Zero));
        request.TransactionInfo.StoppedReason.ShouldBe(ReasonEnumType.EVDisconnected);
        OcppJson.Serialize(request, V201ActionTable.Instance).ShouldContain("\"timestamp\":\"2024-05-01T08:00:00.000Z\"");
    }

    [TestCase("BootNotification", MessageDirection.StationToCsms)]
    [TestCase("TransactionEvent", MessageDirection.StationToCsms)]
    [TestCase("NotifyReport", MessageDirection.StationToCsms)]
    [TestCase("SetChargingProfile", MessageDirection.CsmsToStation)]
    [TestCase("GetVariables", MessageDirection.CsmsToStation)]
    [TestCase("CostUpdated", MessageDirection.CsmsToStation)]
    [TestCase("DataTransfer", MessageDirection.Both)]
    public void Direction(string action, MessageDirection direction) =>
        DirectionChecks.Check(V201ActionTable.Instance, action, direction);

    [Test]
    public void Every_schema_file_has_a_table_entry_and_back() =>
        DirectionChecks.TableMatchesSchemaFiles(V201ActionTable.Instance, 64);

    [Test]
    public void The_2_1_types_carry_2_0_1_messages()
    {
        V201ActionTable.Instance.TryGet("BootNotification", out var boot).ShouldBeTrue();
        boot!.RequestType.ShouldBe(typeof(BootNotificationRequest));
        boot.RequestSchemaType.ShouldNotBe(boot.RequestType, "2.0.1's schema comes from its own generated shape");
        V201ActionTable.Instance.TryGet("NotifyAllowedEnergyTransfer", out _).ShouldBeFalse("2.0.1 has no bidirectional transfer");
    }

    // A 2.1-only field, enum value or widened value sent on a 2.0.1 connection: the validator checks every frame in
    // both directions (OcppRpcPeer), so each of these is refused whichever side sends it.
    [TestCase("SetChargingProfile", PayloadKind.Request, """{"evseId":1,"chargingProfile":{"id":7,"stackLevel":0,"chargingProfilePurpose":"TxDefaultProfile","chargingProfileKind":"Absolute","chargingSchedule":[{"id":1,"chargingRateUnit":"W","chargingSchedulePeriod":[{"startPeriod":0,"limit":11000.0,"setpoint":-3000.0}]}]}}""", "$.chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].setpoint")]
    [TestCase("SetChargingProfile", PayloadKind.Request, """{"evseId":1,"chargingProfile":{"id":7,"stackLevel":0,"chargingProfilePurpose":"PriorityCharging","chargingProfileKind":"Absolute","chargingSchedule":[{"id":1,"chargingRateUnit":"W","chargingSchedulePeriod":[{"startPeriod":0,"limit":11000.0}]}]}}""", "$.chargingProfile.chargingProfilePurpose")]
    [TestCase("Authorize", PayloadKind.Request, """{"idToken":{"idToken":"WBA3A5C5","type":"VIN"}}""", "$.idToken.type")]
    [TestCase("GetCompositeSchedule", PayloadKind.Response, """{"status":"Accepted","schedule":{"evseId":1,"duration":60,"scheduleStart":"2024-05-01T10:00:00.000Z","chargingRateUnit":"W","chargingSchedulePeriod":[{"startPeriod":0}]}}""", "$.schedule.chargingSchedulePeriod[0]")]
    public void What_only_2_1_has_fails_on_a_2_0_1_connection(string action, PayloadKind kind, string json, string path)
    {
        var validator = new OcppSchemaValidator();
        validator.Validate(OcppVersion.V201, action, kind, json).ShouldContain(v => v.Path.StartsWith(path, StringComparison.Ordinal), json);
        validator.Validate(OcppVersion.V21, action, kind, json).ShouldBeEmpty();
        OcppJson.Deserialize(json, OcppActionTables.For(OcppVersion.V201).Actions[action] is var a && kind == PayloadKind.Request ? a.RequestType : a.ResponseType, OcppActionTables.For(OcppVersion.V201))
            .ShouldNotBeNull("the shared type reads it; the schema decides");
    }

    [Test]
    public void A_field_2_1_requires_and_2_0_1_lacks_is_required_only_in_2_1()
    {
        // variableMonitoring.eventNotificationType is new and required in 2.1: the 2.1 record leaves it optional so a
        // 2.0.1 NotifyMonitoringReport reads, and 2.1's schema still requires it ([SchemaRequired]).
        const string json = """{"requestId":1,"seqNo":0,"generatedAt":"2024-05-01T10:00:00.000Z","monitor":[{"component":{"name":"EVSE"},"variable":{"name":"Power"},"variableMonitoring":[{"id":1,"transaction":false,"value":1.5,"type":"UpperThreshold","severity":5}]}]}""";
        var validator = new OcppSchemaValidator();
        validator.Validate(OcppVersion.V201, "NotifyMonitoringReport", PayloadKind.Request, json).ShouldBeEmpty();
        validator.Validate(OcppVersion.V21, "NotifyMonitoringReport", PayloadKind.Request, json)
            .ShouldContain(v => v.Message.Contains("eventNotificationType", StringComparison.Ordinal), json);
        var request = OcppJson.Deserialize<NotifyMonitoringReportRequest>(json, OcppActionTables.For(OcppVersion.V201));
        request.Monitor![0].VariableMonitoring[0].EventNotificationType.ShouldBeNull();
    }
}
