using DerCurvePointWire = DerSim.Ocpp.V21.DERCurvePointsType;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>
/// One OCPP 2.1 DER control as a scenario states it, in the control's own terms; <see cref="SetDerControlCommand"/>
/// turns it into a SetDERControl request. Which fields count depends on <see cref="ControlType"/>: curve types use
/// <see cref="Points"/> and <see cref="YUnit"/>, LimitMaxDischarge <see cref="PctMaxDischargePower"/>, and so on.
/// Build it with the static factories.
/// </summary>
public sealed record DerControlSpec
{
    /// <summary>The control types whose settings are a curve (x, y points).</summary>
    public static readonly IReadOnlySet<string> CurveTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "VoltVar", "VoltWatt", "FreqWatt", "WattPF", "WattVar",
        "HFMustTrip", "HFMayTrip", "HVMustTrip", "HVMomCess", "HVMayTrip",
        "LFMustTrip", "LVMustTrip", "LVMomCess", "LVMayTrip", "PowerMonitoringMustTrip",
    };

    /// <summary>The other control types, each with settings of its own.</summary>
    public static readonly IReadOnlySet<string> SettingTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "EnterService", "FreqDroop", "FixedPFAbsorb", "FixedPFInject", "FixedVar", "Gradients", "LimitMaxDischarge",
    };

    /// <summary>The DERControlEnumType value, e.g. VoltWatt or LimitMaxDischarge.</summary>
    public required string ControlType { get; init; }

    /// <summary>The control's id (at most 36 characters).</summary>
    public required string ControlId { get; init; }

    /// <summary>A default control (in force whenever no scheduled one of its type is).</summary>
    public bool IsDefault { get; init; }

    /// <summary>Lower number, higher priority (OCPP).</summary>
    public int Priority { get; init; }

    /// <summary>When a scheduled control starts; absent: at once.</summary>
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>How long a scheduled control lasts, in seconds.</summary>
    public decimal? DurationSeconds { get; init; }

    /// <summary>Curve types: the points, 1 to 10, as OCPP 2.1 carries them (the physics has its own double-valued <c>DerSim.Sim.Der.DerCurvePoint</c>).</summary>
    public IReadOnlyList<DerCurvePointWire> Points { get; init; } = [];

    /// <summary>Curve types: the unit of y (PctMaxW, PctMaxVar, PctWAvail, PctVarAvail, PctEffectiveV, Not_Applicable).</summary>
    public string YUnit { get; init; } = "Not_Applicable";

    /// <summary>Curve types and FreqDroop: the open-loop response time in seconds.</summary>
    public decimal? ResponseTime { get; init; }

    /// <summary>LimitMaxDischarge: the discharge limit as a percentage of the maximum discharge power.</summary>
    public decimal? PctMaxDischargePower { get; init; }

    /// <summary>FixedPFAbsorb/FixedPFInject: the displacement power factor.</summary>
    public decimal? Displacement { get; init; }

    /// <summary>FixedPFAbsorb/FixedPFInject: true for over-excited.</summary>
    public bool Excitation { get; init; }

    /// <summary>FixedVar: the reactive power setpoint in <see cref="VarUnit"/>.</summary>
    public decimal? VarSetpoint { get; init; }

    /// <summary>FixedVar: the setpoint's unit.</summary>
    public string VarUnit { get; init; } = "PctMaxVar";

    /// <summary>FreqDroop: the over-frequency start in Hz.</summary>
    public decimal OverFreq { get; init; }

    /// <summary>FreqDroop: the under-frequency start in Hz.</summary>
    public decimal UnderFreq { get; init; }

    /// <summary>FreqDroop: the over-frequency droop (per unit frequency deviation per unit power).</summary>
    public decimal OverDroop { get; init; }

    /// <summary>FreqDroop: the under-frequency droop.</summary>
    public decimal UnderDroop { get; init; }

    /// <summary>Gradients: the normal ramp rate (% of rated power per second).</summary>
    public decimal Gradient { get; init; }

    /// <summary>Gradients: the soft-start ramp rate.</summary>
    public decimal SoftGradient { get; init; }

    /// <summary>EnterService: the highest voltage (%) at which service may start.</summary>
    public decimal HighVoltage { get; init; }

    /// <summary>EnterService: the lowest voltage (%) at which service may start.</summary>
    public decimal LowVoltage { get; init; }

    /// <summary>EnterService: the highest frequency (Hz) at which service may start.</summary>
    public decimal HighFreq { get; init; }

    /// <summary>EnterService: the lowest frequency (Hz) at which service may start.</summary>
    public decimal LowFreq { get; init; }

    /// <summary>EnterService: seconds the grid must stay within range before service starts.</summary>
    public decimal? Delay { get; init; }

    /// <summary>EnterService: the random part of the delay, seconds.</summary>
    public decimal? RandomDelay { get; init; }

    /// <summary>EnterService: the ramp rate after entering service.</summary>
    public decimal? RampRate { get; init; }

    /// <summary>A curve control (VoltWatt, FreqWatt, VoltVar, WattPF, WattVar, trip and cessation curves).</summary>
    public static DerControlSpec Curve(string controlType, string controlId, IReadOnlyList<DerCurvePointWire> points, string yUnit, bool isDefault = true, int priority = 1) =>
        new() { ControlType = controlType, ControlId = controlId, Points = points, YUnit = yUnit, IsDefault = isDefault, Priority = priority };

    /// <summary>LimitMaxDischarge at a percentage of the maximum discharge power.</summary>
    public static DerControlSpec LimitMaxDischarge(string controlId, decimal pctMaxDischargePower, bool isDefault = true, int priority = 1) =>
        new() { ControlType = "LimitMaxDischarge", ControlId = controlId, PctMaxDischargePower = pctMaxDischargePower, IsDefault = isDefault, Priority = priority };

    /// <summary>FixedPFAbsorb (absorb true) or FixedPFInject.</summary>
    public static DerControlSpec FixedPF(string controlId, bool absorb, decimal displacement, bool excitation, bool isDefault = true, int priority = 1) =>
        new() { ControlType = absorb ? "FixedPFAbsorb" : "FixedPFInject", ControlId = controlId, Displacement = displacement, Excitation = excitation, IsDefault = isDefault, Priority = priority };

    /// <summary>FixedVar at a setpoint.</summary>
    public static DerControlSpec FixedVar(string controlId, decimal setpoint, string unit = "PctMaxVar", bool isDefault = true, int priority = 1) =>
        new() { ControlType = "FixedVar", ControlId = controlId, VarSetpoint = setpoint, VarUnit = unit, IsDefault = isDefault, Priority = priority };

    /// <summary>FreqDroop with its dead band and droops.</summary>
    public static DerControlSpec FreqDroop(string controlId, decimal overFreq, decimal underFreq, decimal overDroop, decimal underDroop, decimal responseTime, bool isDefault = true, int priority = 1) =>
        new() { ControlType = "FreqDroop", ControlId = controlId, OverFreq = overFreq, UnderFreq = underFreq, OverDroop = overDroop, UnderDroop = underDroop, ResponseTime = responseTime, IsDefault = isDefault, Priority = priority };

    /// <summary>Gradients: ramp rates.</summary>
    public static DerControlSpec Gradients(string controlId, decimal gradient, decimal softGradient, bool isDefault = true, int priority = 1) =>
        new() { ControlType = "Gradients", ControlId = controlId, Gradient = gradient, SoftGradient = softGradient, IsDefault = isDefault, Priority = priority };

    /// <summary>EnterService: the window the grid must be in before the station serves again.</summary>
    public static DerControlSpec EnterService(string controlId, decimal highVoltage, decimal lowVoltage, decimal highFreq, decimal lowFreq, decimal? delay = null, bool isDefault = true, int priority = 1) =>
        new() { ControlType = "EnterService", ControlId = controlId, HighVoltage = highVoltage, LowVoltage = lowVoltage, HighFreq = highFreq, LowFreq = lowFreq, Delay = delay, IsDefault = isDefault, Priority = priority };

    /// <summary>Whether <paramref name="controlType"/> is a DERControlEnumType value this record can express.</summary>
    public static bool IsKnown(string controlType) => CurveTypes.Contains(controlType) || SettingTypes.Contains(controlType);
}
