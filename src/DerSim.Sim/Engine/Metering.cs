using DerSim.Sim.Physics;
using DerSim.Sim.StationModel;

namespace DerSim.Sim.Engine;

/// <summary>
/// What the metering settings (2.x AlignedDataCtrlr, use case J01; SampledDataCtrlr, J02) let out of a sample: the
/// measurands a setting names, for the reading context it serves.
/// </summary>
public static class Metering
{
    /// <summary>The reading context of clock-aligned values.</summary>
    public const string Clock = "Sample.Clock";

    /// <summary>The reading context of periodic samples of a transaction.</summary>
    public const string Periodic = "Sample.Periodic";

    /// <summary>The reading context of a transaction's first values.</summary>
    public const string Begin = "Transaction.Begin";

    /// <summary>The reading context of a transaction's last values.</summary>
    public const string End = "Transaction.End";

    /// <summary>
    /// The readings of <paramref name="sample"/> whose measurand the list setting <paramref name="component"/>.<paramref name="variable"/>
    /// names; none when the component is disabled (its <c>Enabled</c> is false). A measurand the meter does not sample is
    /// simply absent. A station without the setting keeps every reading.
    /// </summary>
    public static MeterSample Select(MeterSample sample, StationConfiguration configuration, string component, string variable)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration.Get(component, variable) is null)
        {
            return sample;
        }

        if (!configuration.GetBool(component, "Enabled", fallback: true))
        {
            return sample with { Readings = [] };
        }

        var wanted = configuration.GetList(component, variable).ToHashSet(StringComparer.Ordinal);
        return sample with { Readings = [.. sample.Readings.Where(r => wanted.Contains(r.Measurand))] };
    }

    /// <summary>
    /// The measurand list a 2.x transaction event's reading context is made of: Transaction.Begin TxStartedMeasurands,
    /// Sample.Periodic TxUpdatedMeasurands, Transaction.End TxEndedMeasurands (SampledDataCtrlr, J02), Sample.Clock
    /// Measurands (AlignedDataCtrlr, J01); null for another context (Trigger: everything the meter has).
    /// </summary>
    public static (string Component, string Variable)? SettingOf(string context) => context switch
    {
        Begin => (StationConfiguration.SampledData, "TxStartedMeasurands"),
        Periodic => (StationConfiguration.SampledData, "TxUpdatedMeasurands"),
        End => (StationConfiguration.SampledData, "TxEndedMeasurands"),
        Clock => (StationConfiguration.AlignedData, "Measurands"),
        _ => null,
    };

    /// <summary><paramref name="sample"/> cut to what <paramref name="context"/> reports (see <see cref="SettingOf"/>).</summary>
    public static MeterSample ForContext(MeterSample sample, StationConfiguration configuration, string context) =>
        SettingOf(context) is { } setting ? Select(sample, configuration, setting.Component, setting.Variable) : sample;

    /// <summary>Whether readings of <paramref name="context"/> go out signed (J01.FR.21 AlignedDataCtrlr, J02.FR.21 SampledDataCtrlr SignReadings).</summary>
    public static bool Signs(StationConfiguration configuration, string context)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return context switch
        {
            Clock => configuration.GetBool(StationConfiguration.AlignedData, "SignReadings", fallback: false),
            Begin or Periodic or End => configuration.GetBool(StationConfiguration.SampledData, "SignReadings", fallback: false),
            _ => false,
        };
    }
}
