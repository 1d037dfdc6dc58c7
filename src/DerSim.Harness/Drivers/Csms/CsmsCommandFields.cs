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
        // The slot's variables may come in any order: a SetVariables whose first item is of the component and slot asked.
        CsmsActionKind.SetNetworkConfiguration => ["setVariableData[0].component.name", "setVariableData[0].component.instance"],
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

    /// <summary>
    /// Null when <paramref name="sent"/> carries every field <paramref name="command"/> asked for (its
    /// <see cref="CsmsCommand.AskedFields"/>, numbers by value; fields the CSMS adds are its own business); else the first
    /// difference, e.g. "type = Soft, it was asked for Hard". An item of one of the command's
    /// <see cref="CsmsCommand.UnorderedArrays"/> is there when any item sent has all of its fields.
    /// </summary>
    public static string? NotAsAsked(CsmsCommand command, JsonElement? sent)
    {
        ArgumentNullException.ThrowIfNull(command);
        var asked = command.AskedFields();
        var inArrays = new HashSet<string>(StringComparer.Ordinal);
        foreach (var array in command.UnorderedArrays)
        {
            var sentItems = sent is { } payload && FrameFields.At(payload, array) is { ValueKind: JsonValueKind.Array } items ? items.EnumerateArray().ToList() : [];
            var askedItems = asked.Where(f => f.Path.StartsWith(array + "[", StringComparison.Ordinal))
                .GroupBy(f => f.Path[..(f.Path.IndexOf(']', array.Length) + 1)], StringComparer.Ordinal);
            foreach (var item in askedItems)
            {
                var fields = item.Select(f => (Path: f.Path[item.Key.Length..].TrimStart('.'), Value: FrameFields.Text(f.Value))).ToList();
                if (!sentItems.Any(s => fields.All(f => FrameFields.At(s, f.Path) is { } value && FrameFields.Matches(value, f.Value))))
                {
                    return $"no {array} item with {string.Join(", ", fields.Select(f => $"{f.Path} = {f.Value}"))}, it was asked for one";
                }

                inArrays.UnionWith(item.Select(f => f.Path));
            }
        }

        foreach (var (path, value) in asked.Where(f => !inArrays.Contains(f.Path)))
        {
            var actual = sent is { } payload ? FrameFields.At(payload, path) : null;
            if (actual is not { } found || !FrameFields.Matches(found, FrameFields.Text(value)))
            {
                return $"{path} = {(actual is { } a ? FrameFields.Text(a) : "nothing")}, it was asked for {FrameFields.Text(value)}";
            }
        }

        return null;
    }

    /// <summary>The expected fields as text, e.g. "type = Hard".</summary>
    public static string Describe(IReadOnlyList<(string Path, string Value)> expected) =>
        expected.Count == 0 ? "" : " with " + string.Join(", ", expected.Select(f => $"{f.Path} = {f.Value}"));
}
