using DerSim.Ocpp;
using DerSim.Ocpp.Json;
using DerSim.Ocpp.V16;
using DerSim.Ocpp.Validation;
using DerSim.Ocpp.Tests.Validation;

namespace DerSim.Ocpp.Tests.V16;

/// <summary>OCPP 1.6 literal frames round-trip exactly, and the action table knows who sends what.</summary>
[TestFixture]
public sealed class V16MessagesTests
{
    private static readonly object[] Frames =
    [
        new object[] { "BootNotification", PayloadKind.Request, """{"chargePointVendor":"DerSim","chargePointModel":"Sim-1","chargePointSerialNumber":"SN-001","firmwareVersion":"1.0.0"}""" },
        new object[] { "BootNotification", PayloadKind.Response, """{"status":"Accepted","currentTime":"2024-05-01T10:00:00.000Z","interval":300}""" },
        new object[] { "Heartbeat", PayloadKind.Request, "{}" },
        new object[] { "Heartbeat", PayloadKind.Response, """{"currentTime":"2024-05-01T10:00:00.123Z"}""" },
        new object[] { "StatusNotification", PayloadKind.Request, """{"connectorId":1,"errorCode":"NoError","status":"Preparing","timestamp":"2024-05-01T10:00:00.000Z"}""" },
        new object[] { "Authorize", PayloadKind.Request, """{"idTag":"TAG-1"}""" },
        new object[] { "Authorize", PayloadKind.Response, """{"idTagInfo":{"status":"Accepted","expiryDate":"2024-06-01T00:00:00.000Z","parentIdTag":"PARENT"}}""" },
        new object[] { "StartTransaction", PayloadKind.Request, """{"connectorId":1,"idTag":"TAG-1","meterStart":1000,"timestamp":"2024-05-01T10:00:00.000Z"}""" },
        new object[] { "StartTransaction", PayloadKind.Response, """{"transactionId":42,"idTagInfo":{"status":"Accepted"}}""" },
        new object[] { "StopTransaction", PayloadKind.Request, """{"meterStop":2500,"timestamp":"2024-05-01T11:00:00.000Z","transactionId":42,"reason":"EVDisconnected","transactionData":[{"timestamp":"2024-05-01T11:00:00.000Z","sampledValue":[{"value":"2500","measurand":"Energy.Active.Import.Register","unit":"Wh"}]}]}""" },
        new object[] { "MeterValues", PayloadKind.Request, """{"connectorId":1,"transactionId":42,"meterValue":[{"timestamp":"2024-05-01T10:30:00.000Z","sampledValue":[{"value":"12.3","context":"Sample.Periodic","measurand":"Current.Import","phase":"L1-N","location":"Outlet","unit":"A"},{"value":"1500","context":"Interruption.Begin","format":"Raw","measurand":"Energy.Active.Import.Register","unit":"Wh"}]}]}""" },
        new object[] { "SetChargingProfile", PayloadKind.Request, """{"connectorId":1,"csChargingProfiles":{"chargingProfileId":7,"stackLevel":1,"chargingProfilePurpose":"TxDefaultProfile","chargingProfileKind":"Recurring","recurrencyKind":"Daily","chargingSchedule":{"chargingRateUnit":"A","duration":86400,"startSchedule":"2024-05-01T00:00:00.000Z","chargingSchedulePeriod":[{"startPeriod":0,"limit":12.3,"numberPhases":3},{"startPeriod":3600,"limit":16.0}],"minChargingRate":6.1}}}""" },
        new object[] { "GetCompositeSchedule", PayloadKind.Response, """{"status":"Accepted","connectorId":1,"scheduleStart":"2024-05-01T10:00:00.000Z","chargingSchedule":{"chargingRateUnit":"W","chargingSchedulePeriod":[{"startPeriod":0,"limit":7400.5}]}}""" },
        new object[] { "DataTransfer", PayloadKind.Request, """{"vendorId":"com.dersim","messageId":"Ping","data":"{\"a\":1}"}""" },
        new object[] { "SecurityEventNotification", PayloadKind.Request, """{"type":"StartupOfTheDevice","timestamp":"2024-05-01T10:00:00.000Z","techInfo":"boot"}""" },
    ];

    [TestCaseSource(nameof(Frames))]
    public void Literal_frame_round_trips(string action, PayloadKind kind, string json) =>
        RoundTrip.Check(OcppVersion.V16, action, kind, json);

    [Test]
    public void Charging_limit_stays_an_exact_decimal()
    {
        var request = (SetChargingProfileRequest)RoundTrip.Check(OcppVersion.V16, "SetChargingProfile", PayloadKind.Request,
            """{"connectorId":1,"csChargingProfiles":{"chargingProfileId":1,"stackLevel":0,"chargingProfilePurpose":"TxProfile","chargingProfileKind":"Absolute","transactionId":42,"chargingSchedule":{"chargingRateUnit":"A","chargingSchedulePeriod":[{"startPeriod":0,"limit":12.3}]}}}""");

        request.CsChargingProfiles.ChargingSchedule.ChargingSchedulePeriod[0].Limit.ShouldBe(12.3m);
        OcppJson.Serialize(request, V16ActionTable.Instance).ShouldContain("\"limit\":12.3}");
    }

    [Test]
    public void Enum_values_with_dots_and_dashes_bind_to_members()
    {
        var request = (MeterValuesRequest)RoundTrip.Check(OcppVersion.V16, "MeterValues", PayloadKind.Request,
            """{"connectorId":1,"meterValue":[{"timestamp":"2024-05-01T10:30:00.000Z","sampledValue":[{"value":"1","context":"Interruption.Begin","measurand":"Energy.Active.Import.Register","phase":"L1-N"}]}]}""");

        var sample = request.MeterValue[0].SampledValue[0];
        sample.Measurand.ShouldBe(Measurand.EnergyActiveImportRegister);
        sample.Phase.ShouldBe(Phase.L1N);
        sample.Context.ShouldBe(Context.InterruptionBegin);
    }

    [Test]
    public void Optional_fields_left_null_are_not_written()
    {
        var json = OcppJson.Serialize(new BootNotificationRequest(ChargePointVendor: "DerSim", ChargePointModel: "Sim-1"), V16ActionTable.Instance);

        json.ShouldBe("""{"chargePointVendor":"DerSim","chargePointModel":"Sim-1"}""");
    }

    [TestCase("BootNotification", MessageDirection.StationToCsms)]
    [TestCase("MeterValues", MessageDirection.StationToCsms)]
    [TestCase("SignCertificate", MessageDirection.StationToCsms)]
    [TestCase("SetChargingProfile", MessageDirection.CsmsToStation)]
    [TestCase("RemoteStartTransaction", MessageDirection.CsmsToStation)]
    [TestCase("ExtendedTriggerMessage", MessageDirection.CsmsToStation)]
    [TestCase("DataTransfer", MessageDirection.Both)]
    public void Direction(string action, MessageDirection direction) =>
        DirectionChecks.Check(V16ActionTable.Instance, action, direction);

    [Test]
    public void Every_schema_file_has_a_table_entry_and_back() =>
        DirectionChecks.TableMatchesSchemaFiles(V16ActionTable.Instance, 39);
}
