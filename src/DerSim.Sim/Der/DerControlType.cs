namespace DerSim.Sim.Der;

/// <summary>The kinds of grid-support (DER) control a CSMS can set, version-neutral (OCPP 2.1 DERControlEnumType).</summary>
public enum DerControlType
{
    /// <summary>When the station may return to service after a trip (voltage and frequency window, delay, ramp).</summary>
    EnterService,

    /// <summary>Active power changes with frequency by droop factors.</summary>
    FreqDroop,

    /// <summary>Active power limited by a frequency curve.</summary>
    FreqWatt,

    /// <summary>Constant power factor while absorbing active power (charging).</summary>
    FixedPFAbsorb,

    /// <summary>Constant power factor while injecting active power (discharging).</summary>
    FixedPFInject,

    /// <summary>Constant reactive power.</summary>
    FixedVar,

    /// <summary>Ramp rates for power changes and soft start.</summary>
    Gradients,

    /// <summary>High-frequency must-trip curve.</summary>
    HFMustTrip,

    /// <summary>High-frequency may-trip curve.</summary>
    HFMayTrip,

    /// <summary>High-voltage must-trip curve.</summary>
    HVMustTrip,

    /// <summary>High-voltage momentary-cessation curve.</summary>
    HVMomCess,

    /// <summary>High-voltage may-trip curve.</summary>
    HVMayTrip,

    /// <summary>A cap on discharge power.</summary>
    LimitMaxDischarge,

    /// <summary>Low-frequency must-trip curve.</summary>
    LFMustTrip,

    /// <summary>Low-voltage must-trip curve.</summary>
    LVMustTrip,

    /// <summary>Low-voltage momentary-cessation curve.</summary>
    LVMomCess,

    /// <summary>Low-voltage may-trip curve.</summary>
    LVMayTrip,

    /// <summary>Must-trip curve on discharge power (inside LimitMaxDischarge in OCPP 2.1).</summary>
    PowerMonitoringMustTrip,

    /// <summary>Reactive power by a voltage curve.</summary>
    VoltVar,

    /// <summary>Active power limited by a voltage curve.</summary>
    VoltWatt,

    /// <summary>Power factor by an active-power curve.</summary>
    WattPF,

    /// <summary>Reactive power by an active-power curve.</summary>
    WattVar,
}
