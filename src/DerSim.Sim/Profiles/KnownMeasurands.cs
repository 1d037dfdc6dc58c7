namespace DerSim.Sim.Profiles;

/// <summary>Measurand names defined by OCPP 1.6, 2.0.1 or 2.1; a profile may only use these.</summary>
public static class KnownMeasurands
{
    /// <summary>The union of the measurand names of all supported versions.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "Current.Export", "Current.Export.Minimum", "Current.Export.Offered", "Current.Import",
        "Current.Import.Minimum", "Current.Import.Offered", "Current.Offered",
        "Display.BatteryEnergyCapacity", "Display.ChargingComplete", "Display.InletHot",
        "Display.MaximumSOC", "Display.MinimumSOC", "Display.PresentSOC",
        "Display.RemainingTimeToMaximumSOC", "Display.RemainingTimeToMinimumSOC",
        "Display.RemainingTimeToTargetSOC", "Display.TargetSOC",
        "Energy.Active.Export.Interval", "Energy.Active.Export.Register",
        "Energy.Active.Import.CableLoss", "Energy.Active.Import.Interval",
        "Energy.Active.Import.LocalGeneration.Register", "Energy.Active.Import.Register",
        "Energy.Active.Net", "Energy.Active.Setpoint.Interval", "Energy.Apparent.Export",
        "Energy.Apparent.Import", "Energy.Apparent.Net", "Energy.Reactive.Export.Interval",
        "Energy.Reactive.Export.Register", "Energy.Reactive.Import.Interval",
        "Energy.Reactive.Import.Register", "Energy.Reactive.Net",
        "EnergyRequest.Bulk", "EnergyRequest.Maximum", "EnergyRequest.Maximum.V2X",
        "EnergyRequest.Minimum", "EnergyRequest.Minimum.V2X", "EnergyRequest.Target",
        "Frequency", "Power.Active.Export", "Power.Active.Import", "Power.Active.Residual",
        "Power.Active.Setpoint", "Power.Export.Minimum", "Power.Export.Offered", "Power.Factor",
        "Power.Import.Minimum", "Power.Import.Offered", "Power.Offered", "Power.Reactive.Export",
        "Power.Reactive.Import", "RPM", "SoC", "Temperature", "Voltage", "Voltage.Maximum",
        "Voltage.Minimum",
    };
}
