using DerSim.Csms.Tests;
using DerSim.Harness.Drivers.Csms;
using DerSim.Ocpp;
using DerSim.Ocpp.Validation;

namespace DerSim.Harness.Tests.Drivers.Csms;

/// <summary>
/// The CSMS commands every version has build their payloads from the generated request types: valid against each
/// version's official schema, and a value the version does not know is a clear error naming it, not a frame the
/// station must reject.
/// </summary>
public sealed class CsmsCommandPayloadTests
{
    private const string Station = "DERSIM-CMD-1";

    public static IEnumerable<TestCaseData> Commands()
    {
        foreach (var v in OcppVersions.All)
        {
            var key = v == OcppVersion.V16 ? "HeartbeatInterval" : "OCPPCommCtrlr.HeartbeatInterval";
            var tx = v == OcppVersion.V16 ? "42" : "TX-42";
            IEnumerable<(string Name, CsmsCommand Command)> all =
            [
                ("TxProfile in W", new SetChargingProfileCommand(Station, v, "TxProfile", 1, LimitW: 11000, TransactionId: tx)),
                ("TxProfile in A", new SetChargingProfileCommand(Station, v, "TxProfile", 1, LimitW: null, LimitA: 16, TransactionId: tx)),
                ("TxDefaultProfile", new SetChargingProfileCommand(Station, v, "TxDefaultProfile", 1, LimitW: 7400, ProfileId: 101)),
                ("ClearChargingProfile of an EVSE", new ClearChargingProfileCommand(Station, v, 1)),
                ("ClearChargingProfile of all", new ClearChargingProfileCommand(Station, v)),
                ("GetCompositeSchedule", new GetCompositeScheduleCommand(Station, v, 1, 600)),
                ("RemoteStart", new RemoteStartCommand(Station, v, 1, "TOKEN-1")),
                ("RemoteStop", new RemoteStopCommand(Station, v, tx)),
                ("Reset", new ResetCommand(Station, v, "Hard")),
                ("ChangeAvailability", new ChangeAvailabilityCommand(Station, v, 1, "Inoperative")),
                ("ChangeAvailability of the station", new ChangeAvailabilityCommand(Station, v, 0, "Operative")),
                ("UnlockConnector", new UnlockConnectorCommand(Station, v, 1, 1)),
                ("TriggerMessage on an EVSE", new TriggerMessageCommand(Station, v, "StatusNotification", 1)),
                ("TriggerMessage", new TriggerMessageCommand(Station, v, "Heartbeat")),
                (v == OcppVersion.V16 ? "GetConfiguration" : "GetVariables", v == OcppVersion.V16 ? new GetConfigurationCommand(Station, v, key) : new GetVariablesCommand(Station, v, key)),
                (v == OcppVersion.V16 ? "ChangeConfiguration" : "SetVariables", v == OcppVersion.V16 ? new ChangeConfigurationCommand(Station, v, key, "60") : new SetVariablesCommand(Station, v, key, "60")),
            ];
            foreach (var (name, command) in all)
            {
                yield return new TestCaseData(command).SetArgDisplayNames($"{v.DisplayName()} {name}");
            }

            if (v != OcppVersion.V16)
            {
                yield return new TestCaseData(new GetBaseReportCommand(Station, v, "FullInventory")).SetArgDisplayNames($"{v.DisplayName()} GetBaseReport");
            }
        }
    }

    [TestCaseSource(nameof(Commands))]
    public void The_payload_is_valid_against_the_official_schema_of_its_version(CsmsCommand command)
    {
        var official = OfficialSchemas.Require();
        var json = command.Payload().GetRawText();

        official.Validate(command.Version, command.OcppAction!, PayloadKind.Request, json).ShouldBeEmpty(json);
    }

    [Test]
    public void A_profile_carries_what_was_asked_in_each_version()
    {
        var v16 = new SetChargingProfileCommand(Station, OcppVersion.V16, "TxProfile", 2, LimitW: 11000, TransactionId: "42", ProfileId: 7).Payload();
        v16.GetProperty("connectorId").GetInt32().ShouldBe(2);
        var profile16 = v16.GetProperty("csChargingProfiles");
        profile16.GetProperty("chargingProfileId").GetInt32().ShouldBe(7);
        profile16.GetProperty("transactionId").GetInt32().ShouldBe(42);
        profile16.GetProperty("chargingSchedule").GetProperty("chargingSchedulePeriod")[0].GetProperty("limit").GetDecimal().ShouldBe(11000m);

        var v2 = new SetChargingProfileCommand(Station, OcppVersion.V201, "TxDefaultProfile", 1, LimitW: null, LimitA: 16, TransactionId: "TX-1").Payload();
        var profile2 = v2.GetProperty("chargingProfile");
        profile2.TryGetProperty("transactionId", out _).ShouldBeFalse("only a TxProfile names its transaction");
        profile2.GetProperty("chargingSchedule")[0].GetProperty("chargingRateUnit").GetString().ShouldBe("A");
    }

    [TestCase(OcppVersion.V16, "Warm")]
    [TestCase(OcppVersion.V201, "Warm")]
    [TestCase(OcppVersion.V21, "Sideways")]
    public void A_value_the_version_does_not_know_is_named_in_the_error(OcppVersion version, string type)
    {
        var error = Should.Throw<ArgumentException>(() => new ResetCommand(Station, version, type).Payload());

        error.Message.ShouldBe($"Reset: \"{type}\" is not an OCPP {version.DisplayName()} reset type");
    }
}
