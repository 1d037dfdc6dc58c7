namespace DerSim.Sim.Der;

/// <summary>
/// A curve control. The axes per type (evaluated by <see cref="DerCurves"/>):
/// <list type="bullet">
/// <item>VoltVar: x voltage in % of nominal (shifted by <see cref="VRefPercent"/>), y reactive power (PctMaxVar or PctVarAvail), positive injected (over-excited).</item>
/// <item>VoltWatt: x voltage %, y the largest active power in % of rating, applied to export above nominal voltage and to import below it.</item>
/// <item>FreqWatt: x frequency Hz, y the largest active power in % of rating, applied to export above nominal frequency and to import below it.</item>
/// <item>WattVar: x active power in % of rating (export positive, import negative), y reactive power as for VoltVar.</item>
/// <item>WattPF: x active power as for WattVar, y power factor; y &gt; 0 absorbs (under-excited), y &lt; 0 injects, as OCPP signs it.</item>
/// <item>HV/LV must-trip, may-trip, momentary cessation: x voltage %, y seconds; HF/LF: x frequency Hz, y seconds. A point says:
/// beyond x (above for H, below for L) the station ceases energy after y seconds; the tightest point beyond which the grid stands counts.</item>
/// </list>
/// Between points the value is linear; outside them it is held at the nearest end (trip curves are step-wise instead).
/// </summary>
/// <param name="Priority">0 is the highest.</param>
/// <param name="Points">The points, in increasing x.</param>
/// <param name="YUnit">The unit of y.</param>
public sealed record DerCurve(int Priority, IReadOnlyList<DerCurvePoint> Points, DerUnit YUnit) : DerSetting(Priority)
{
    /// <summary>Open-loop response time in seconds (kept and reported; the simulator responds within one step).</summary>
    public double? ResponseTimeSeconds { get; init; }

    /// <summary>Return-to-normal settings.</summary>
    public DerHysteresis? Hysteresis { get; init; }

    /// <summary>VoltVar only: the reference voltage in % of nominal that the curve's x values are relative to; 100 when absent.</summary>
    public double? VRefPercent { get; init; }
}
