namespace DerSim.Sim.Physics;

/// <summary>Facts about <see cref="OperationMode"/> values.</summary>
public static class OperationModes
{
    /// <summary>Whether the simulator gives <paramref name="mode"/> its meaning (the others are rejected at install).</summary>
    public static bool IsHonoured(OperationMode mode) =>
        mode is OperationMode.ChargingOnly or OperationMode.CentralSetpoint or OperationMode.ExternalLimits or OperationMode.Idle
            or OperationMode.LocalFrequency or OperationMode.CentralFrequency
            or OperationMode.ExternalSetpoint or OperationMode.LocalLoadBalancing;

    /// <summary>
    /// Whether <paramref name="mode"/> takes limit and dischargeLimit as bounds the port stays within, exporting only
    /// when the limit is negative: ExternalLimits, and the modes whose deciding actor DerSim does not simulate (an
    /// external system's setpoint, a local load balancer), which then keep to the CSMS's bounds alone.
    /// </summary>
    public static bool BoundsOnly(OperationMode mode) =>
        mode is OperationMode.ExternalLimits or OperationMode.ExternalSetpoint or OperationMode.LocalLoadBalancing;

    /// <summary>Whether the port follows a setpoint in <paramref name="mode"/>: given (CentralSetpoint) or read off a curve (the frequency modes).</summary>
    public static bool FollowsSetpoint(OperationMode mode) =>
        mode is OperationMode.CentralSetpoint or OperationMode.LocalFrequency or OperationMode.CentralFrequency;
}
