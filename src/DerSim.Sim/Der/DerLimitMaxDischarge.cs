namespace DerSim.Sim.Der;

/// <summary>A cap on discharge: export at most <paramref name="PctMaxDischargePower"/> % of the port's rated discharge power.</summary>
/// <param name="Priority">0 is the highest.</param>
/// <param name="PctMaxDischargePower">Percent 0..100; null: no cap (only the power-monitoring curve).</param>
public sealed record DerLimitMaxDischarge(int Priority, double? PctMaxDischargePower) : DerSetting(Priority)
{
    /// <summary>The power-monitoring must-trip curve (kept and reported; the cap keeps export below its threshold).</summary>
    public DerCurve? PowerMonitoringMustTrip { get; init; }
}
