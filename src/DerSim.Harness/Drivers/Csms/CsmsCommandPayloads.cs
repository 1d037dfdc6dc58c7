using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DerSim.Ocpp;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>The OCPP payload of a <see cref="CsmsCommand"/> in the station's version.</summary>
internal static class CsmsCommandPayloads
{
    public static JsonElement For(CsmsCommand c)
    {
        if (c.OcppAction is null)
        {
            throw new CsmsActionNotApplicableException($"OCPP {c.Version.DisplayName()} has no {c.Kind}");
        }

        var payload = c.Version == OcppVersion.V16 ? V16(c) : V2(c);
        DropNulls(payload);
        return JsonSerializer.SerializeToElement(payload);
    }

    // Optional fields left unset must be absent, not null: the schemas allow no nulls.
    private static void DropNulls(JsonObject node)
    {
        foreach (var name in node.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            node.Remove(name);
        }

        foreach (var child in node.Select(p => p.Value).OfType<JsonObject>())
        {
            DropNulls(child);
        }

        foreach (var item in node.Select(p => p.Value).OfType<JsonArray>().SelectMany(a => a).OfType<JsonObject>())
        {
            DropNulls(item);
        }
    }

    private static JsonObject V16(CsmsCommand c) => c.Kind switch
    {
        CsmsActionKind.SetChargingProfile => new JsonObject
        {
            ["connectorId"] = c.EvseId ?? 0,
            ["csChargingProfiles"] = WithTransaction(
                new JsonObject
                {
                    ["chargingProfileId"] = c.ProfileId,
                    ["stackLevel"] = 0,
                    ["chargingProfilePurpose"] = c.Purpose,
                    ["chargingProfileKind"] = "Relative",
                    ["chargingSchedule"] = Schedule(c),
                },
                c.Purpose == "TxProfile" && c.TransactionId is { } id ? int.Parse(id, CultureInfo.InvariantCulture) : null),
        },
        CsmsActionKind.ClearChargingProfile => c.EvseId is { } evse ? new JsonObject { ["connectorId"] = evse } : [],
        CsmsActionKind.GetCompositeSchedule => new JsonObject { ["connectorId"] = c.EvseId ?? 0, ["duration"] = c.DurationSeconds ?? 3600, ["chargingRateUnit"] = "W" },
        CsmsActionKind.RemoteStart => new JsonObject { ["connectorId"] = c.EvseId, ["idTag"] = c.IdTag },
        CsmsActionKind.RemoteStop => new JsonObject { ["transactionId"] = int.Parse(c.TransactionId!, CultureInfo.InvariantCulture) },
        CsmsActionKind.Reset => new JsonObject { ["type"] = c.ResetType },
        CsmsActionKind.ChangeAvailability => new JsonObject { ["connectorId"] = c.EvseId ?? 0, ["type"] = c.OperationalStatus },
        CsmsActionKind.UnlockConnector => new JsonObject { ["connectorId"] = c.EvseId },
        CsmsActionKind.TriggerMessage => c.EvseId is { } on
            ? new JsonObject { ["requestedMessage"] = c.RequestedMessage, ["connectorId"] = on }
            : new JsonObject { ["requestedMessage"] = c.RequestedMessage },
        CsmsActionKind.GetConfiguration => c.Key is { } key ? new JsonObject { ["key"] = new JsonArray(key) } : [],
        _ => new JsonObject { ["key"] = c.Key, ["value"] = c.Value },
    };

    private static JsonObject V2(CsmsCommand c) => c.Kind switch
    {
        CsmsActionKind.SetChargingProfile => new JsonObject
        {
            ["evseId"] = c.EvseId ?? 0,
            ["chargingProfile"] = WithTransaction(
                new JsonObject
                {
                    ["id"] = c.ProfileId,
                    ["stackLevel"] = 0,
                    ["chargingProfilePurpose"] = c.Purpose,
                    ["chargingProfileKind"] = "Relative",
                    ["chargingSchedule"] = new JsonArray(Schedule(c, id: 1)),
                },
                c.Purpose == "TxProfile" ? c.TransactionId : null),
        },
        CsmsActionKind.ClearChargingProfile => c.EvseId is { } evse
            ? new JsonObject { ["chargingProfileCriteria"] = new JsonObject { ["evseId"] = evse } }
            : [],
        CsmsActionKind.GetCompositeSchedule => new JsonObject { ["duration"] = c.DurationSeconds ?? 3600, ["evseId"] = c.EvseId ?? 0, ["chargingRateUnit"] = "W" },
        CsmsActionKind.RemoteStart => new JsonObject
        {
            ["evseId"] = c.EvseId,
            ["remoteStartId"] = 1,
            ["idToken"] = new JsonObject { ["idToken"] = c.IdTag, ["type"] = c.IdTagType ?? IdTokenTypes.Fitting(c.IdTag!) },
        },
        CsmsActionKind.RemoteStop => new JsonObject { ["transactionId"] = c.TransactionId },
        CsmsActionKind.Reset => new JsonObject { ["type"] = c.ResetTypeV2 },
        CsmsActionKind.ChangeAvailability => c.EvseId is > 0
            ? new JsonObject { ["operationalStatus"] = c.OperationalStatus, ["evse"] = Evse(c.EvseId.Value, c.ConnectorId) }
            : new JsonObject { ["operationalStatus"] = c.OperationalStatus },
        CsmsActionKind.UnlockConnector => new JsonObject { ["evseId"] = c.EvseId, ["connectorId"] = c.ConnectorId ?? 1 },
        CsmsActionKind.TriggerMessage => c.EvseId is { } on
            ? new JsonObject { ["requestedMessage"] = c.RequestedMessage, ["evse"] = Evse(on, null) }
            : new JsonObject { ["requestedMessage"] = c.RequestedMessage },
        CsmsActionKind.GetBaseReport => new JsonObject { ["requestId"] = 1, ["reportBase"] = c.Key },
        CsmsActionKind.NotifyAllowedEnergyTransfer => new JsonObject
        {
            ["transactionId"] = c.TransactionId,
            ["allowedEnergyTransfer"] = new JsonArray([.. (c.AllowedEnergyTransfer ?? []).Select(m => (JsonNode)JsonValue.Create(m))]),
        },
        CsmsActionKind.SetDERControl => DerControlPayloads.Set(c.DerControl ?? throw new ArgumentException("SetDERControl without a control")),
        CsmsActionKind.GetDERControl => DerControlPayloads.Get(c),
        CsmsActionKind.ClearDERControl => DerControlPayloads.Clear(c),
        CsmsActionKind.AFRRSignal => new JsonObject
        {
            ["timestamp"] = Timestamp(c.Timestamp ?? throw new ArgumentException("AFRRSignal without a timestamp")),
            ["signal"] = c.Signal ?? throw new ArgumentException("AFRRSignal without a signal"),
        },
        CsmsActionKind.GetVariables => new JsonObject
        {
            ["getVariableData"] = new JsonArray(new JsonObject
            {
                ["component"] = new JsonObject { ["name"] = c.Component },
                ["variable"] = new JsonObject { ["name"] = c.Variable },
            }),
        },
        _ => new JsonObject
        {
            ["setVariableData"] = new JsonArray(new JsonObject
            {
                ["attributeValue"] = c.Value,
                ["component"] = new JsonObject { ["name"] = c.Component },
                ["variable"] = new JsonObject { ["name"] = c.Variable },
            }),
        },
    };

    private static JsonObject Schedule(CsmsCommand c, int? id = null)
    {
        var schedule = new JsonObject();
        if (id is { } scheduleId)
        {
            schedule["id"] = scheduleId;
        }

        if (c.OperationMode is not null)
        {
            // A 2.1 V2X period: limit is optional there, and a setpoint or discharge limit says the rest.
            schedule["chargingRateUnit"] = "W";
            schedule["chargingSchedulePeriod"] = new JsonArray(new JsonObject
            {
                ["startPeriod"] = 0,
                ["limit"] = c.LimitW,
                ["dischargeLimit"] = c.DischargeLimitW,
                ["setpoint"] = c.SetpointW,
                ["operationMode"] = c.OperationMode,
                ["v2xBaseline"] = c.BaselineW,
                ["v2xFreqWattCurve"] = c.FreqWattCurve is { } freq
                    ? new JsonArray([.. freq.Select(p => (JsonNode)new JsonObject { ["frequency"] = p.FrequencyHz, ["power"] = p.PowerW })])
                    : null,
                ["v2xSignalWattCurve"] = c.SignalWattCurve is { } signal
                    ? new JsonArray([.. signal.Select(p => (JsonNode)new JsonObject { ["signal"] = p.Signal, ["power"] = p.PowerW })])
                    : null,
            });
            return schedule;
        }

        schedule["chargingRateUnit"] = c.LimitW is null ? "A" : "W";
        schedule["chargingSchedulePeriod"] = new JsonArray(new JsonObject { ["startPeriod"] = 0, ["limit"] = c.LimitW ?? c.LimitA ?? 0 });
        return schedule;
    }

    /// <summary>A 2.x date-time: UTC with milliseconds, as the DER control schedules use.</summary>
    public static string Timestamp(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static JsonObject Evse(int id, int? connectorId) =>
        connectorId is { } connector ? new JsonObject { ["id"] = id, ["connectorId"] = connector } : new JsonObject { ["id"] = id };

    private static JsonObject WithTransaction(JsonObject profile, JsonNode? transactionId)
    {
        if (transactionId is not null)
        {
            profile["transactionId"] = transactionId;
        }

        return profile;
    }
}
