namespace DerSim.Sim.Physics;

/// <summary>Facts about <see cref="OperationMode"/> values.</summary>
public static class OperationModes
{
    /// <summary>Whether the simulator gives <paramref name="mode"/> its meaning (the others are rejected at install).</summary>
    public static bool IsHonoured(OperationMode mode) =>
        mode is OperationMode.ChargingOnly or OperationMode.CentralSetpoint or OperationMode.ExternalLimits or OperationMode.Idle;
}
