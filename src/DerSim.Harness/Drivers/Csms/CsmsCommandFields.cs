using System.Text.Json;
using DerSim.Harness.Traffic;
using DerSim.Ocpp.Rpc;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>
/// The fields of a CSMS's CALL that say what a <see cref="CsmsCommand"/> asked for (reset type, profile purpose, EVSE,
/// limit, requested message, key, token, transaction): a CALL of the right action that differs in one of them is not
/// the requested one (a CSMS's own TriggerMessage on connect, a Soft reset for a Hard one).
/// </summary>
internal static class CsmsCommandFields
{
    // Both versions' spellings in one list: only the paths present in the command's own payload are compared, so each
    // version picks its own (1.6 connectorId/csChargingProfiles, 2.x evseId/chargingProfile).
    private static readonly string[] Profile =
    [
        "connectorId", "evseId",
        "csChargingProfiles.chargingProfilePurpose", "chargingProfile.chargingProfilePurpose",
        "csChargingProfiles.transactionId", "chargingProfile.transactionId",
        "csChargingProfiles.chargingSchedule.chargingRateUnit", "chargingProfile.chargingSchedule[0].chargingRateUnit",
        "csChargingProfiles.chargingSchedule.chargingSchedulePeriod[0].limit", "chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].limit",
        "chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].setpoint",
        "chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].dischargeLimit",
        "chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].operationMode",
    ];

    /// <summary>The JSON paths compared for <paramref name="kind"/> (those the command's payload lacks are skipped).</summary>
    public static IReadOnlyList<string> PathsFor(CsmsActionKind kind) => kind switch
    {
        CsmsActionKind.SetChargingProfile => Profile,
        CsmsActionKind.ClearChargingProfile => ["connectorId", "chargingProfileCriteria.evseId"],
        CsmsActionKind.GetCompositeSchedule => ["connectorId", "evseId", "duration"],
        CsmsActionKind.RemoteStart => ["connectorId", "evseId", "idTag", "idToken.idToken"],
        CsmsActionKind.RemoteStop or CsmsActionKind.NotifyAllowedEnergyTransfer => ["transactionId"],
        CsmsActionKind.Reset => ["type"],
        CsmsActionKind.ChangeAvailability => ["connectorId", "type", "operationalStatus", "evse.id"],
        CsmsActionKind.UnlockConnector => ["connectorId", "evseId"],
        CsmsActionKind.TriggerMessage => ["requestedMessage", "connectorId", "evse.id"],
        CsmsActionKind.GetConfiguration => ["key[0]"],
        CsmsActionKind.ChangeConfiguration => ["key", "value"],
        CsmsActionKind.GetVariables => ["getVariableData[0].component.name", "getVariableData[0].variable.name"],
        CsmsActionKind.SetVariables => ["setVariableData[0].component.name", "setVariableData[0].variable.name", "setVariableData[0].attributeValue"],
        CsmsActionKind.GetBaseReport => ["reportBase"],
        CsmsActionKind.AFRRSignal => ["signal"],
        CsmsActionKind.SetDefaultTariff => ["evseId", "tariff.chargingTime.prices[0].priceMinute", "tariff.energy.prices[0].priceKwh"],
        _ => [],
    };

    /// <summary>What the command asks for, as (path, value) pairs taken from its own payload.</summary>
    public static IReadOnlyList<(string Path, string Value)> Expected(CsmsCommand command)
    {
        // Compared with recorded frames, whose passwords are masked (FrameSecrets): mask the command's alike.
        using var masked = JsonDocument.Parse(FrameSecrets.Masked(command.Payload().GetRawText()));
        var payload = masked.RootElement;
        return [.. PathsFor(command.Kind)
            .Select(path => (Path: path, Value: FrameFields.At(payload, path)))
            .Where(f => f.Value is not null)
            .Select(f => (f.Path, FrameFields.Text(f.Value!.Value)))];
    }

    /// <summary>Null when <paramref name="sent"/> carries every expected field; else what it carries instead, e.g. "type = Soft".</summary>
    public static string? Mismatch(IReadOnlyList<(string Path, string Value)> expected, JsonElement? sent)
    {
        var differing = expected
            .Where(f => sent is not { } payload || FrameFields.At(payload, f.Path) is not { } value || !FrameFields.Matches(value, f.Value))
            .Select(f => $"{f.Path} = {(sent is { } payload && FrameFields.At(payload, f.Path) is { } value ? FrameFields.Text(value) : "(absent)")}")
            .ToList();
        return differing.Count == 0 ? null : string.Join(", ", differing);
    }

    /// <summary>The expected fields as text, e.g. "type = Hard".</summary>
    public static string Describe(IReadOnlyList<(string Path, string Value)> expected) =>
        expected.Count == 0 ? "" : " with " + string.Join(", ", expected.Select(f => $"{f.Path} = {f.Value}"));
}
