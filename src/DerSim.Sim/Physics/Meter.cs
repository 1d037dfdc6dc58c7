using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;

namespace DerSim.Sim.Physics;

/// <summary>
/// Reads an <see cref="EvseSnapshot"/> as the measurands a profile configures. Measurands the physics does not
/// model are left out, and so is SoC while no EV is plugged in; per-phase AC values carry their phase.
/// </summary>
public static class Meter
{
    /// <summary>Measurand names this meter can produce.</summary>
    public static IReadOnlySet<string> Supported { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        EnergyImportRegister, EnergyExportRegister, PowerImport, PowerExport, PowerOffered,
        CurrentImport, CurrentExport, CurrentOffered, Voltage, Soc, ReactiveImport, ReactiveExport,
    };

    private const string EnergyImportRegister = "Energy.Active.Import.Register";
    private const string EnergyExportRegister = "Energy.Active.Export.Register";
    private const string PowerImport = "Power.Active.Import";
    private const string PowerExport = "Power.Active.Export";
    private const string PowerOffered = "Power.Offered";
    private const string CurrentImport = "Current.Import";
    private const string CurrentExport = "Current.Export";
    private const string CurrentOffered = "Current.Offered";
    private const string Voltage = "Voltage";
    private const string Soc = "SoC";
    private const string ReactiveImport = "Power.Reactive.Import";
    private const string ReactiveExport = "Power.Reactive.Export";

    /// <summary>Samples <paramref name="snapshot"/> with the profile's measurands at <paramref name="at"/>.</summary>
    public static MeterSample Read(EvseSnapshot snapshot, MeterValuesDefinition settings, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Read(snapshot, settings.Measurands, at);
    }

    /// <summary>Samples <paramref name="snapshot"/> with <paramref name="measurands"/>, in that order, at <paramref name="at"/>.</summary>
    public static MeterSample Read(EvseSnapshot snapshot, IEnumerable<string> measurands, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(measurands);
        // Sized once: per-phase measurands give up to three readings, most give one (a grown list made three arrays a sample).
        var readings = new List<MeterReading>(measurands is IReadOnlyCollection<string> named ? named.Count * 2 : 8);
        foreach (var measurand in measurands)
        {
            switch (measurand)
            {
                case EnergyImportRegister:
                    readings.Add(new(measurand, snapshot.EnergyImportWh, "Wh"));
                    break;
                case EnergyExportRegister:
                    readings.Add(new(measurand, snapshot.EnergyExportWh, "Wh"));
                    break;
                case PowerImport:
                    readings.Add(new(measurand, snapshot.DeliveredKw * 1000, "W"));
                    break;
                case PowerExport:
                    readings.Add(new(measurand, snapshot.ExportKw * 1000, "W"));
                    break;
                case PowerOffered:
                    readings.Add(new(measurand, snapshot.OfferedKw * 1000, "W"));
                    break;
                case CurrentImport:
                    AddPerPhase(readings, snapshot, measurand, snapshot.CurrentA, "A", voltage: false);
                    break;
                case CurrentExport:
                    AddPerPhase(readings, snapshot, measurand, snapshot.ExportCurrentA, "A", voltage: false);
                    break;
                case CurrentOffered:
                    readings.Add(new(measurand, snapshot.OfferedCurrentA, "A"));
                    break;
                case Voltage:
                    AddPerPhase(readings, snapshot, measurand, snapshot.VoltageV, "V", voltage: true);
                    break;
                // The snapshot's reactive power is signed from the grid's side (positive injected): what the station
                // injects is its reactive export, what it absorbs its reactive import.
                case ReactiveImport:
                    readings.Add(new(measurand, Math.Max(0, -snapshot.ReactiveKvar) * 1000, "var"));
                    break;
                case ReactiveExport:
                    readings.Add(new(measurand, Math.Max(0, snapshot.ReactiveKvar) * 1000, "var"));
                    break;
                case Soc when snapshot.SocPercent is { } soc:
                    readings.Add(new(measurand, soc, "Percent"));
                    break;
                default:
                    break;
            }
        }

        return new MeterSample(snapshot.EvseId, at, readings);
    }

    private static void AddPerPhase(List<MeterReading> readings, EvseSnapshot snapshot, string measurand, double value, string unit, bool voltage)
    {
        if (snapshot.Phases is not { } phases)
        {
            readings.Add(new(measurand, value, unit));
            return;
        }

        // OCPP names a voltage by the pair it is measured between (phase to neutral here) and a current by its phase.
        for (var phase = 1; phase <= phases; phase++)
        {
            readings.Add(new(measurand, value, unit, voltage ? $"L{phase}-N" : $"L{phase}"));
        }
    }
}
