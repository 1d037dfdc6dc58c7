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
                ("TxProfile in W", CsmsCommand.SetChargingProfile(Station, v, "TxProfile", 1, limitW: 11000, transactionId: tx)),
                ("TxProfile in A", CsmsCommand.SetChargingProfile(Station, v, "TxProfile", 1, limitW: null, limitA: 16, transactionId: tx)),
                ("TxDefaultProfile", CsmsCommand.SetChargingProfile(Station, v, "TxDefaultProfile", 1, limitW: 7400, profileId: 101)),
                ("ClearChargingProfile of an EVSE", CsmsCommand.ClearChargingProfile(Station, v, 1)),
                ("ClearChargingProfile of all", CsmsCommand.ClearChargingProfile(Station, v)),
                ("GetCompositeSchedule", CsmsCommand.GetCompositeSchedule(Station, v, 1, 600)),
                ("RemoteStart", CsmsCommand.RemoteStart(Station, v, 1, "TOKEN-1")),
                ("RemoteStop", CsmsCommand.RemoteStop(Station, v, tx)),
                ("Reset", CsmsCommand.Reset(Station, v, "Hard")),
                ("ChangeAvailability", CsmsCommand.ChangeAvailability(Station, v, 1, "Inoperative")),
                ("ChangeAvailability of the station", CsmsCommand.ChangeAvailability(Station, v, 0, "Operative")),
                ("UnlockConnector", CsmsCommand.UnlockConnector(Station, v, 1, 1)),
                ("TriggerMessage on an EVSE", CsmsCommand.TriggerMessage(Station, v, "StatusNotification", 1)),
                ("TriggerMessage", CsmsCommand.TriggerMessage(Station, v, "Heartbeat")),
                (v == OcppVersion.V16 ? "GetConfiguration" : "GetVariables", v == OcppVersion.V16 ? CsmsCommand.GetConfiguration(Station, v, key) : CsmsCommand.GetVariables(Station, v, key)),
                (v == OcppVersion.V16 ? "ChangeConfiguration" : "SetVariables", v == OcppVersion.V16 ? CsmsCommand.ChangeConfiguration(Station, v, key, "60") : CsmsCommand.SetVariables(Station, v, key, "60")),
            ];
            foreach (var (name, command) in all)
            {
                yield return new TestCaseData(command).SetArgDisplayNames($"{v.DisplayName()} {name}");
            }

            if (v != OcppVersion.V16)
            {
                yield return new TestCaseData(CsmsCommand.GetBaseReport(Station, v, "FullInventory")).SetArgDisplayNames($"{v.DisplayName()} GetBaseReport");
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
        var v16 = CsmsCommand.SetChargingProfile(Station, OcppVersion.V16, "TxProfile", 2, limitW: 11000, transactionId: "42", profileId: 7).Payload();
        v16.GetProperty("connectorId").GetInt32().ShouldBe(2);
        var profile16 = v16.GetProperty("csChargingProfiles");
        profile16.GetProperty("chargingProfileId").GetInt32().ShouldBe(7);
        profile16.GetProperty("transactionId").GetInt32().ShouldBe(42);
        profile16.GetProperty("chargingSchedule").GetProperty("chargingSchedulePeriod")[0].GetProperty("limit").GetDecimal().ShouldBe(11000m);

        var v2 = CsmsCommand.SetChargingProfile(Station, OcppVersion.V201, "TxDefaultProfile", 1, limitW: null, limitA: 16, transactionId: "TX-1").Payload();
        var profile2 = v2.GetProperty("chargingProfile");
        profile2.TryGetProperty("transactionId", out _).ShouldBeFalse("only a TxProfile names its transaction");
        profile2.GetProperty("chargingSchedule")[0].GetProperty("chargingRateUnit").GetString().ShouldBe("A");
    }

    [TestCase(OcppVersion.V16, "Warm")]
    [TestCase(OcppVersion.V201, "Warm")]
    [TestCase(OcppVersion.V21, "Sideways")]
    public void A_value_the_version_does_not_know_is_named_in_the_error(OcppVersion version, string type)
    {
        var error = Should.Throw<ArgumentException>(() => CsmsCommand.Reset(Station, version, type).Payload());

        error.Message.ShouldBe($"Reset: \"{type}\" is not an OCPP {version.DisplayName()} reset type");
    }
}
