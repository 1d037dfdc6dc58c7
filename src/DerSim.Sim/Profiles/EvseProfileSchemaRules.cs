using NJsonSchema;

namespace DerSim.Sim.Profiles;

/// <summary>
/// The per-property limits of the profile schema. They mirror <see cref="EvseProfileValidator"/> where a schema can
/// say it (a rule spanning properties, such as "a group names existing EVSEs", stays in the validator only).
/// </summary>
internal static class EvseProfileSchemaRules
{
    public static void Apply(Type owner, string property, JsonSchemaProperty schema)
    {
        switch (owner.Name, property)
        {
            case (nameof(EvseProfile), "name"):
                Text(schema, "Profile name, e.g. EVSE-AC-22kW-1port.", 1, null);
                break;
            case (nameof(EvseProfile), "stationMaxKw"):
                Positive(schema, "Power the whole station may draw, in kW.");
                break;
            case (nameof(EvseProfile), "evses"):
                Items(schema, "EVSEs, numbered 1..n in order.", 1, EvseProfileValidator.MaxConnectors);
                break;
            case (nameof(EvseProfile), "powerGroups"):
                schema.Description = "Groups of EVSEs sharing a power budget.";
                break;
            case (nameof(EvseProfile), "$schema"):
                schema.Description = "Editor hint pointing at this schema; ignored by the simulator.";
                break;
            case (nameof(BootIdentity), "vendor"):
                Text(schema, "Vendor name reported in BootNotification.", 1, EvseProfileValidator.MaxVendorLength);
                break;
            case (nameof(BootIdentity), "model"):
                Text(schema, "Model name reported in BootNotification.", 1, EvseProfileValidator.MaxModelLength);
                break;
            case (nameof(BootIdentity), "serialNumber"):
                // Optional, but an empty serial number says nothing: leave the property out instead.
                Text(schema, "Serial number reported in BootNotification.", 1, EvseProfileValidator.MaxSerialNumberLength);
                break;
            case (nameof(BootIdentity), "firmwareVersion"):
                Text(schema, "Firmware version reported in BootNotification.", 1, EvseProfileValidator.MaxFirmwareVersionLength);
                break;
            case (nameof(EvseDefinition), "id"):
            case (nameof(ConnectorDefinition), "id"):
            case (nameof(PowerGroupDefinition), "id"):
                schema.Minimum = 1;
                schema.Description = "Id, 1-based.";
                break;
            case (nameof(EvseDefinition), "maxKw"):
                Positive(schema, "Power cap of this EVSE in kW.");
                break;
            case (nameof(EvseDefinition), "connectors"):
                Items(schema, "Connectors, numbered 1..n within the EVSE.", 1, EvseProfileValidator.MaxConnectors);
                break;
            case (nameof(ConnectorDefinition), "type"):
                schema.Description = "Connector type as OCPP 2.x names it.";
                break;
            case (nameof(ConnectorDefinition), "nominalVoltageV"):
                Positive(schema, "Nominal voltage in V (phase-to-neutral for AC).");
                break;
            case (nameof(ConnectorDefinition), "maxCurrentA"):
                Positive(schema, "Maximum current in A (per phase for AC).");
                break;
            case (nameof(ConnectorDefinition), "maxKw"):
                Positive(schema, "Power cap of this connector in kW.");
                break;
            case (nameof(ConnectorDefinition), "energyTransferModes"):
                Items(schema, "Energy transfer modes as OCPP 2.1 names them.", 1, null);
                schema.UniqueItems = true;
                break;
            case (nameof(ConnectorDefinition), "phases"):
                schema.Description = "Number of phases of an AC connector; leave out for DC.";
                schema.Enumeration.Add(1);
                schema.Enumeration.Add(3);
                schema.Enumeration.Add(null);
                break;
            case (nameof(BidirectionalCapability), "maxDischargeKw"):
                Positive(schema, "Maximum discharge power in kW.");
                break;
            case (nameof(PowerGroupDefinition), "budgetKw"):
                Positive(schema, "Power shared by the group in kW.");
                break;
            case (nameof(PowerGroupDefinition), "evseIds"):
                Items(schema, "Ids of the EVSEs in the group.", 1, null);
                schema.UniqueItems = true;
                schema.Item!.Minimum = 1;
                break;
            case (nameof(BackingBatteryDefinition), "capacityKwh"):
                Positive(schema, "Usable capacity in kWh.");
                break;
            case (nameof(BackingBatteryDefinition), "initialSocPercent"):
                schema.Minimum = 0;
                schema.Maximum = 100;
                schema.Description = "State of charge at start, in percent.";
                break;
            case (nameof(BackingBatteryDefinition), "maxChargeKw"):
                Positive(schema, "Maximum charging power in kW.");
                break;
            case (nameof(BackingBatteryDefinition), "maxDischargeKw"):
                Positive(schema, "Maximum discharging power in kW.");
                break;
            case (nameof(BackingBatteryDefinition), "gridConnectionKw"):
                Positive(schema, "Capacity of the grid connection in kW.");
                break;
            case (nameof(MeterValuesDefinition), "sampleIntervalSeconds"):
                schema.Minimum = 1;
                schema.Description = "Sampling interval in seconds.";
                break;
            case (nameof(MeterValuesDefinition), "measurands"):
                schema.Description = "Measurands to sample, as OCPP spells them.";
                schema.UniqueItems = true;
                foreach (var measurand in KnownMeasurands.All.Order(StringComparer.Ordinal))
                {
                    schema.Item!.Enumeration.Add(measurand);
                }

                break;
        }
    }

    private static void Positive(JsonSchemaProperty schema, string description)
    {
        schema.ExclusiveMinimum = 0;
        schema.Description = description;
    }

    private static void Text(JsonSchemaProperty schema, string description, int minLength, int? maxLength)
    {
        schema.MinLength = minLength;
        schema.MaxLength = maxLength;
        schema.Description = description;
    }

    private static void Items(JsonSchemaProperty schema, string description, int minItems, int? maxItems)
    {
        schema.MinItems = minItems;
        if (maxItems is { } max)
        {
            schema.MaxItems = max;
        }

        schema.Description = description;
    }
}
