namespace DerSim.Sim.Profiles;

/// <summary>
/// Rules a well-formed profile must also satisfy: ids 1-based and unique, powers positive,
/// groups naming real EVSEs, AC phases 1 or 3, BootNotification length limits, and 1..3
/// connectors in total (what the product promises).
/// </summary>
public static class EvseProfileValidator
{
    /// <summary>Most connectors a station may have.</summary>
    public const int MaxConnectors = 3;

    // BootNotification limits of OCPP 1.6 (the strictest version).
    internal const int MaxVendorLength = 20;
    internal const int MaxModelLength = 20;
    internal const int MaxSerialNumberLength = 25;
    internal const int MaxFirmwareVersionLength = 50;

    private static readonly EnergyTransferMode[] AcModes =
    [
        EnergyTransferMode.AcSinglePhase, EnergyTransferMode.AcTwoPhase, EnergyTransferMode.AcThreePhase,
        EnergyTransferMode.AcBpt, EnergyTransferMode.AcBptDer, EnergyTransferMode.AcDer,
    ];

    private static readonly EnergyTransferMode[] BidirectionalModes =
    [
        EnergyTransferMode.AcBpt, EnergyTransferMode.AcBptDer, EnergyTransferMode.DcBpt, EnergyTransferMode.DcAcdpBpt,
    ];

    /// <summary>Returns every rule the profile breaks, in document order; empty when it is valid.</summary>
    public static IReadOnlyList<EvseProfileError> Validate(EvseProfile profile)
    {
        var errors = new List<EvseProfileError>();
        void Fail(string path, string message) => errors.Add(new EvseProfileError(path, message));

        if (string.IsNullOrWhiteSpace(profile.Name))
        {
            Fail("$.name", "expected a non-empty name");
        }

        CheckIdentity(profile.Identity, Fail);
        CheckPositive(profile.StationMaxKw, "$.stationMaxKw", Fail);

        if (profile.Evses.Count == 0)
        {
            Fail("$.evses", "expected at least one EVSE");
        }

        for (var i = 0; i < profile.Evses.Count; i++)
        {
            CheckEvse(profile, i, Fail);
        }

        var connectorCount = profile.AllConnectors.Count();
        if (connectorCount > MaxConnectors)
        {
            Fail("$.evses", $"expected at most {MaxConnectors} connectors in total, found {connectorCount}");
        }

        CheckPowerGroups(profile, Fail);
        CheckBattery(profile.BackingBattery, Fail);
        CheckMeterValues(profile.MeterValues, Fail);
        return errors;
    }

    private static void CheckIdentity(BootIdentity identity, Action<string, string> fail)
    {
        CheckText(identity.Vendor, MaxVendorLength, "$.identity.vendor", required: true, fail);
        CheckText(identity.Model, MaxModelLength, "$.identity.model", required: true, fail);
        CheckText(identity.SerialNumber, MaxSerialNumberLength, "$.identity.serialNumber", required: false, fail);
        CheckText(identity.FirmwareVersion, MaxFirmwareVersionLength, "$.identity.firmwareVersion", required: false, fail);
    }

    private static void CheckText(string? value, int maxLength, string path, bool required, Action<string, string> fail)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length == 0 && required)
        {
            fail(path, "expected a non-empty string");
        }
        else if (value.Length > maxLength)
        {
            fail(path, $"expected at most {maxLength} characters (BootNotification limit), found {value.Length}");
        }
    }

    private static void CheckEvse(EvseProfile profile, int index, Action<string, string> fail)
    {
        var evse = profile.Evses[index];
        var path = $"$.evses[{index}]";
        if (evse.Id != index + 1)
        {
            fail($"{path}.id", $"expected EVSE ids numbered 1..n in order, so {index + 1} here, found {evse.Id}");
        }

        CheckPositive(evse.MaxKw, $"{path}.maxKw", fail);
        if (evse.MaxKw > profile.StationMaxKw)
        {
            fail($"{path}.maxKw", $"expected at most stationMaxKw ({profile.StationMaxKw} kW), found {evse.MaxKw}");
        }

        if (evse.Connectors.Count == 0)
        {
            fail($"{path}.connectors", "expected at least one connector");
        }

        for (var c = 0; c < evse.Connectors.Count; c++)
        {
            CheckConnector(evse, c, $"{path}.connectors[{c}]", fail);
        }
    }

    private static void CheckConnector(EvseDefinition evse, int index, string path, Action<string, string> fail)
    {
        var connector = evse.Connectors[index];
        if (connector.Id != index + 1)
        {
            fail($"{path}.id", $"expected connector ids numbered 1..n within the EVSE, so {index + 1} here, found {connector.Id}");
        }

        CheckPositive(connector.NominalVoltageV, $"{path}.nominalVoltageV", fail);
        CheckPositive(connector.MaxCurrentA, $"{path}.maxCurrentA", fail);
        CheckPositive(connector.MaxKw, $"{path}.maxKw", fail);
        if (connector.MaxKw > evse.MaxKw)
        {
            fail($"{path}.maxKw", $"expected at most the EVSE's maxKw ({evse.MaxKw} kW), found {connector.MaxKw}");
        }

        if (connector.CurrentType == CurrentType.AC && connector.Phases is not (1 or 3))
        {
            fail($"{path}.phases", $"expected phases 1 or 3 for an AC connector, found {connector.Phases?.ToString() ?? "none"}");
        }
        else if (connector.CurrentType == CurrentType.DC && connector.Phases is not null)
        {
            fail($"{path}.phases", "expected no phases on a DC connector");
        }

        CheckModes(connector, path, fail);

        if (connector.Bidirectional is { } bidirectional)
        {
            CheckPositive(bidirectional.MaxDischargeKw, $"{path}.bidirectional.maxDischargeKw", fail);
        }
    }

    private static void CheckModes(ConnectorDefinition connector, string path, Action<string, string> fail)
    {
        var modes = connector.EnergyTransferModes;
        if (modes.Count == 0)
        {
            fail($"{path}.energyTransferModes", "expected at least one energy transfer mode");
        }

        for (var m = 0; m < modes.Count; m++)
        {
            var isAcMode = AcModes.Contains(modes[m]);
            if (isAcMode != (connector.CurrentType == CurrentType.AC))
            {
                fail($"{path}.energyTransferModes[{m}]", $"expected a {connector.CurrentType} mode on a {connector.CurrentType} connector, found {EnumJsonNames.Of(modes[m])}");
            }
        }

        if (connector.Phases == 1 && modes.Any(m => m is EnergyTransferMode.AcTwoPhase or EnergyTransferMode.AcThreePhase))
        {
            fail($"{path}.energyTransferModes", "expected no multi-phase mode on a single-phase connector");
        }

        var bidirectionalMode = modes.Any(BidirectionalModes.Contains);
        if (bidirectionalMode && connector.Bidirectional is null)
        {
            fail($"{path}.bidirectional", "expected a bidirectional section because a BPT energy transfer mode is listed");
        }
        else if (!bidirectionalMode && connector.Bidirectional is not null)
        {
            fail($"{path}.bidirectional", "expected a BPT energy transfer mode (e.g. DC_BPT) alongside the bidirectional section");
        }
    }

    private static void CheckPowerGroups(EvseProfile profile, Action<string, string> fail)
    {
        var groupIds = new HashSet<int>();
        var grouped = new Dictionary<int, int>();
        for (var g = 0; g < profile.PowerGroups.Count; g++)
        {
            var group = profile.PowerGroups[g];
            var path = $"$.powerGroups[{g}]";
            if (group.Id < 1 || !groupIds.Add(group.Id))
            {
                fail($"{path}.id", $"expected a unique id ≥ 1, found {group.Id}");
            }

            CheckPositive(group.BudgetKw, $"{path}.budgetKw", fail);
            if (group.EvseIds.Count == 0)
            {
                fail($"{path}.evseIds", "expected at least one EVSE id");
            }

            for (var e = 0; e < group.EvseIds.Count; e++)
            {
                var evseId = group.EvseIds[e];
                if (profile.Evses.All(evse => evse.Id != evseId))
                {
                    fail($"{path}.evseIds[{e}]", $"expected the id of an EVSE in $.evses ({string.Join(", ", profile.Evses.Select(x => x.Id))}), found {evseId}");
                }
                else if (!grouped.TryAdd(evseId, group.Id))
                {
                    fail($"{path}.evseIds[{e}]", $"expected each EVSE in at most one power group, but EVSE {evseId} is already in group {grouped[evseId]}");
                }
            }
        }
    }

    private static void CheckBattery(BackingBatteryDefinition battery, Action<string, string> fail)
    {
        CheckPositive(battery.CapacityKwh, "$.backingBattery.capacityKwh", fail);
        if (battery.InitialSocPercent is < 0 or > 100 || double.IsNaN(battery.InitialSocPercent))
        {
            fail("$.backingBattery.initialSocPercent", $"expected a percentage 0..100, found {battery.InitialSocPercent}");
        }

        CheckPositive(battery.MaxChargeKw, "$.backingBattery.maxChargeKw", fail);
        CheckPositive(battery.MaxDischargeKw, "$.backingBattery.maxDischargeKw", fail);
        CheckPositive(battery.GridConnectionKw, "$.backingBattery.gridConnectionKw", fail);
    }

    private static void CheckMeterValues(MeterValuesDefinition meterValues, Action<string, string> fail)
    {
        if (meterValues.SampleIntervalSeconds <= 0)
        {
            fail("$.meterValues.sampleIntervalSeconds", $"expected a number of seconds > 0, found {meterValues.SampleIntervalSeconds}");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var m = 0; m < meterValues.Measurands.Count; m++)
        {
            var measurand = meterValues.Measurands[m];
            if (!KnownMeasurands.All.Contains(measurand))
            {
                fail($"$.meterValues.measurands[{m}]", $"expected an OCPP measurand name (e.g. Power.Offered), found '{measurand}'");
            }
            else if (!seen.Add(measurand))
            {
                fail($"$.meterValues.measurands[{m}]", $"expected each measurand once, found '{measurand}' again");
            }
        }
    }

    private static void CheckPositive(double value, string path, Action<string, string> fail)
    {
        if (!(value > 0) || double.IsInfinity(value))
        {
            fail(path, $"expected a number > 0, found {value}");
        }
    }
}
