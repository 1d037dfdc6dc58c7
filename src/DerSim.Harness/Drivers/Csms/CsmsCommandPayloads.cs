using System.Globalization;
using System.Text.Json;
using DerSim.Ocpp;
using DerSim.Ocpp.Dialects;
using DerSim.Ocpp.Json;
using V16 = DerSim.Ocpp.V16;
using V2 = DerSim.Ocpp.V21;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>
/// The OCPP payload of a <see cref="CsmsCommand"/> in the station's version, built from the generated request types
/// (2.0.1 and 2.1 share 2.1's CLR types; what a 2.0.1 connection may carry is checked by its schemas when sent).
/// </summary>
internal static class CsmsCommandPayloads
{
    public static JsonElement For(CsmsCommand c)
    {
        if (c.OcppAction is null)
        {
            throw new CsmsActionNotApplicableException($"OCPP {c.Version.DisplayName()} has no {c.Kind}");
        }

        var table = OcppActionTables.For(c.Version);
        object request = c.Kind switch
        {
            CsmsActionKind.SetDERControl => DerControlPayloads.Set(c.DerControl ?? throw new ArgumentException("SetDERControl without a control")),
            CsmsActionKind.GetDERControl => DerControlPayloads.Get(c),
            CsmsActionKind.ClearDERControl => DerControlPayloads.Clear(c),
            _ when c.Version == OcppVersion.V16 => Ocpp16(c),
            _ => Ocpp2(c),
        };
        return OcppJson.SerializeToElement(request, request.GetType(), table);
    }

    /// <summary>A 2.x date-time: UTC with milliseconds, as the DER control schedules use.</summary>
    public static string Timestamp(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static object Ocpp16(CsmsCommand c) => c.Kind switch
    {
        CsmsActionKind.SetChargingProfile => new V16.SetChargingProfileRequest(
            c.EvseId ?? 0,
            new V16.ChargingProfile(
                c.ProfileId,
                0,
                Wire<V16.ChargingProfilePurpose>(c, c.Purpose, "charging profile purpose"),
                V16.ChargingProfileKind.Relative,
                new V16.ChargingSchedule(c.LimitW is null ? V16.ChargingRateUnit.A : V16.ChargingRateUnit.W, [new V16.ChargingSchedulePeriod(0, c.LimitW ?? c.LimitA ?? 0)]))
            {
                TransactionId = c.Purpose == "TxProfile" && c.TransactionId is { } id ? int.Parse(id, CultureInfo.InvariantCulture) : null,
            }),
        CsmsActionKind.ClearChargingProfile => new V16.ClearChargingProfileRequest { ConnectorId = c.EvseId },
        CsmsActionKind.GetCompositeSchedule => new V16.GetCompositeScheduleRequest(c.EvseId ?? 0, c.DurationSeconds ?? 3600) { ChargingRateUnit = V16.ChargingRateUnit.W },
        CsmsActionKind.RemoteStart => new V16.RemoteStartTransactionRequest(Required(c.IdTag, "idTag")) { ConnectorId = c.EvseId },
        CsmsActionKind.RemoteStop => new V16.RemoteStopTransactionRequest(int.Parse(Required(c.TransactionId, "transactionId"), CultureInfo.InvariantCulture)),
        CsmsActionKind.Reset => new V16.ResetRequest(Wire<V16.ResetType>(c, c.ResetType, "reset type")),
        CsmsActionKind.ChangeAvailability => new V16.ChangeAvailabilityRequest(c.EvseId ?? 0, Wire<V16.ChangeAvailabilityType>(c, c.OperationalStatus, "availability type")),
        CsmsActionKind.UnlockConnector => new V16.UnlockConnectorRequest(c.EvseId ?? throw new ArgumentException("UnlockConnector without a connector")),
        CsmsActionKind.TriggerMessage => new V16.TriggerMessageRequest(Wire<V16.RequestedMessage>(c, c.RequestedMessage, "requested message")) { ConnectorId = c.EvseId },
        CsmsActionKind.GetConfiguration => new V16.GetConfigurationRequest { Key = c.Key is { } key ? [key] : null },
        _ => new V16.ChangeConfigurationRequest(Required(c.Key, "key"), Required(c.Value, "value")),
    };

    private static object Ocpp2(CsmsCommand c) => c.Kind switch
    {
        CsmsActionKind.SetChargingProfile => new V2.SetChargingProfileRequest(
            c.EvseId ?? 0,
            new V2.ChargingProfileType(
                c.ProfileId,
                0,
                Wire<V2.ChargingProfilePurposeEnumType>(c, c.Purpose, "charging profile purpose"),
                V2.ChargingProfileKindEnumType.Relative,
                [Schedule(c)])
            {
                TransactionId = c.Purpose == "TxProfile" ? c.TransactionId : null,
            }),
        CsmsActionKind.ClearChargingProfile => new V2.ClearChargingProfileRequest
        {
            ChargingProfileCriteria = c.EvseId is { } evse ? new V2.ClearChargingProfileType { EvseId = evse } : null,
        },
        CsmsActionKind.GetCompositeSchedule => new V2.GetCompositeScheduleRequest(c.DurationSeconds ?? 3600, c.EvseId ?? 0) { ChargingRateUnit = V2.ChargingRateUnitEnumType.W },
        CsmsActionKind.RemoteStart => new V2.RequestStartTransactionRequest(
            new V2.IdTokenType(Required(c.IdTag, "idToken"), c.IdTagType ?? IdTokenTypes.Fitting(c.IdTag!)),
            1)
        {
            EvseId = c.EvseId,
        },
        CsmsActionKind.RemoteStop => new V2.RequestStopTransactionRequest(Required(c.TransactionId, "transactionId")),
        CsmsActionKind.Reset => new V2.ResetRequest(Wire<V2.ResetEnumType>(c, c.ResetTypeV2, "reset type")),
        CsmsActionKind.ChangeAvailability => new V2.ChangeAvailabilityRequest(Wire<V2.OperationalStatusEnumType>(c, c.OperationalStatus, "operational status"))
        {
            Evse = c.EvseId is > 0 ? new V2.EVSEType(c.EvseId.Value) { ConnectorId = c.ConnectorId } : null,
        },
        CsmsActionKind.UnlockConnector => new V2.UnlockConnectorRequest(c.EvseId ?? throw new ArgumentException("UnlockConnector without an EVSE"), c.ConnectorId ?? 1),
        CsmsActionKind.TriggerMessage => new V2.TriggerMessageRequest(Wire<V2.MessageTriggerEnumType>(c, c.RequestedMessage, "requested message"))
        {
            Evse = c.EvseId is { } on ? new V2.EVSEType(on) : null,
        },
        CsmsActionKind.GetBaseReport => new V2.GetBaseReportRequest(1, Wire<V2.ReportBaseEnumType>(c, c.Key, "report base")),
        CsmsActionKind.NotifyAllowedEnergyTransfer => new V2.NotifyAllowedEnergyTransferRequest(
            Required(c.TransactionId, "transactionId"),
            [.. (c.AllowedEnergyTransfer ?? []).Select(m => Wire<V2.EnergyTransferModeEnumType>(c, m, "energy transfer mode"))]),
        CsmsActionKind.AFRRSignal => new V2.AFRRSignalRequest(
            c.Timestamp ?? throw new ArgumentException("AFRRSignal without a timestamp"),
            c.Signal ?? throw new ArgumentException("AFRRSignal without a signal")),
        CsmsActionKind.GetVariables => new V2.GetVariablesRequest([new V2.GetVariableDataType(new V2.ComponentType(Required(c.Component, "component")), new V2.VariableType(Required(c.Variable, "variable")))]),
        _ => new V2.SetVariablesRequest([new V2.SetVariableDataType(Required(c.Value, "value"), new V2.ComponentType(Required(c.Component, "component")), new V2.VariableType(Required(c.Variable, "variable")))]),
    };

    private static V2.ChargingScheduleType Schedule(CsmsCommand c)
    {
        if (c.OperationMode is not null)
        {
            // A 2.1 V2X period: limit is optional there, and a setpoint or discharge limit says the rest.
            return new V2.ChargingScheduleType(1, V2.ChargingRateUnitEnumType.W, [new V2.ChargingSchedulePeriodType(0)
            {
                Limit = c.LimitW,
                DischargeLimit = c.DischargeLimitW,
                Setpoint = c.SetpointW,
                OperationMode = Wire<V2.OperationModeEnumType>(c, c.OperationMode, "operation mode"),
                V2xBaseline = c.BaselineW,
                V2xFreqWattCurve = c.FreqWattCurve,
                V2xSignalWattCurve = c.SignalWattCurve,
            }]);
        }

        return new V2.ChargingScheduleType(
            1,
            c.LimitW is null ? V2.ChargingRateUnitEnumType.A : V2.ChargingRateUnitEnumType.W,
            [new V2.ChargingSchedulePeriodType(0) { Limit = c.LimitW ?? c.LimitA ?? 0 }]);
    }

    /// <summary>The generated enum value a step's text names, read by the version's own JSON converter (its exact schema strings).</summary>
    private static TEnum Wire<TEnum>(CsmsCommand c, string? text, string what)
        where TEnum : struct, Enum =>
        Wire<TEnum>(c.Version, c.Kind.ToString(), Required(text, what), what);

    /// <summary>As above, for a value of <paramref name="context"/> (named in the error) in <paramref name="version"/>.</summary>
    internal static TEnum Wire<TEnum>(OcppVersion version, string context, string text, string what)
        where TEnum : struct, Enum
    {
        try
        {
            return OcppJson.ParseName<TEnum>(text, OcppActionTables.For(version));
        }
        catch (JsonException)
        {
            throw new ArgumentException($"{context}: \"{text}\" is not an OCPP {version.DisplayName()} {what}");
        }
    }

    private static string Required(string? value, string what) =>
        value ?? throw new ArgumentException($"the command has no {what}");
}
