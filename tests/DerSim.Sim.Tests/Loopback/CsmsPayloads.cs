using System.Globalization;
using DerSim.Ocpp;

namespace DerSim.Sim.Tests.Loopback;

/// <summary>CSMS-initiated payloads the engine tests send, as each version spells them.</summary>
internal static class CsmsPayloads
{
    /// <summary>A charging profile with one or more (startPeriod s, limit W) periods.</summary>
    public static (string Action, string Json) SetProfile(OcppVersion version, int evseId, int profileId, string purpose, string? transactionId, params (int Start, int LimitW)[] periods)
    {
        var periodJson = string.Join(",", periods.Select(p => $$"""{"startPeriod":{{p.Start}},"limit":{{p.LimitW}}}"""));
        var kind = purpose.StartsWith("Tx", StringComparison.Ordinal) && purpose != "TxDefaultProfile" ? "Relative" : "Absolute";
        var start = kind == "Absolute" ? ",\"startSchedule\":\"2026-01-01T00:00:00Z\"" : string.Empty;
        if (version == OcppVersion.V16)
        {
            var tx = transactionId is null ? string.Empty : $",\"transactionId\":{transactionId}";
            var v16Purpose = purpose == "ChargingStationMaxProfile" ? "ChargePointMaxProfile" : purpose;
            return ("SetChargingProfile", $$$"""{"connectorId":{{{evseId}}},"csChargingProfiles":{"chargingProfileId":{{{profileId}}}{{{tx}}},"stackLevel":1,"chargingProfilePurpose":"{{{v16Purpose}}}","chargingProfileKind":"{{{kind}}}","chargingSchedule":{"chargingRateUnit":"W"{{{start}}},"chargingSchedulePeriod":[{{{periodJson}}}]}}""" + "}");
        }

        var txId = transactionId is null ? string.Empty : $",\"transactionId\":\"{transactionId}\"";
        return ("SetChargingProfile", $$$"""{"evseId":{{{evseId}}},"chargingProfile":{"id":{{{profileId}}}{{{txId}}},"stackLevel":1,"chargingProfilePurpose":"{{{purpose}}}","chargingProfileKind":"{{{kind}}}","chargingSchedule":[{"id":1,"chargingRateUnit":"W"{{{start}}},"chargingSchedulePeriod":[{{{periodJson}}}]}]}}""");
    }

    public static (string Action, string Json) ClearProfile(OcppVersion version, int profileId) =>
        ("ClearChargingProfile", version == OcppVersion.V16 ? $$"""{"id":{{profileId}}}""" : $$"""{"chargingProfileId":{{profileId}}}""");

    public static (string Action, string Json) CompositeSchedule(OcppVersion version, int evseId, int durationSeconds) =>
        ("GetCompositeSchedule", version == OcppVersion.V16
            ? $$"""{"connectorId":{{evseId}},"duration":{{durationSeconds}},"chargingRateUnit":"W"}"""
            : $$"""{"evseId":{{evseId}},"duration":{{durationSeconds}},"chargingRateUnit":"W"}""");

    public static (string Action, string Json) RemoteStart(OcppVersion version, int evseId, string idTag, int remoteStartId, string type = "Central") =>
        version == OcppVersion.V16
            ? ("RemoteStartTransaction", $$"""{"connectorId":{{evseId}},"idTag":"{{idTag}}"}""")
            : ("RequestStartTransaction", $$$"""{"evseId":{{{evseId}}},"remoteStartId":{{{remoteStartId}}},"idToken":{"idToken":"{{{idTag}}}","type":"{{{type}}}"}}""");

    public static (string Action, string Json) RemoteStop(OcppVersion version, string transactionId) =>
        version == OcppVersion.V16
            ? ("RemoteStopTransaction", $$"""{"transactionId":{{int.Parse(transactionId, CultureInfo.InvariantCulture)}}}""")
            : ("RequestStopTransaction", $$"""{"transactionId":"{{transactionId}}"}""");
}
