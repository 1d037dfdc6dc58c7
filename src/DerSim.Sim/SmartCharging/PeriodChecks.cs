using DerSim.Sim.Physics;

namespace DerSim.Sim.SmartCharging;

/// <summary>
/// The 2.1 checks on one period's operation mode, limit, discharge limit and setpoint: the mode must be one the
/// simulator honours, and the values must agree with each other and with the mode. A setpoint beyond the period's
/// own limit or dischargeLimit is not an error: the limits bound it, as they bound setpoints of other profiles.
/// </summary>
internal static class PeriodChecks
{
    private static readonly string Honoured = string.Join(", ", Enum.GetValues<OperationMode>().Where(OperationModes.IsHonoured));

    public static ProfileInstallResult? Check(ChargingSchedulePeriod period)
    {
        var mode = period.OperationMode ?? OperationMode.ChargingOnly;
        var at = $"Period at {period.StartPeriod} s: ";
        if (!OperationModes.IsHonoured(mode))
        {
            return ProfileInstallResult.Reject(ProfileRejection.UnsupportedOperationMode, $"{at}operationMode {mode} is not supported by this simulator (it honours {Honoured}).");
        }

        var (limit, discharge, setpoint) = (period.Limit, period.DischargeLimit, period.Setpoint);
        string? problem = mode switch
        {
            OperationMode.CentralSetpoint when setpoint is null => "CentralSetpoint needs a setpoint",
            OperationMode.LocalFrequency when period.V2xFreqWattCurve is not { Count: > 0 } => "LocalFrequency needs a v2xFreqWattCurve",
            OperationMode.CentralFrequency when period.V2xSignalWattCurve is not { Count: > 0 } => "CentralFrequency needs a v2xSignalWattCurve",
            not OperationMode.CentralSetpoint when setpoint is not null => $"a setpoint is only followed in CentralSetpoint, not {mode}",
            OperationMode.ChargingOnly when limit < 0 => "a negative limit asks for discharge, which ChargingOnly never does",
            OperationMode.ChargingOnly when discharge < 0 => "a dischargeLimit has no use in ChargingOnly",
            _ when discharge > 0 => "dischargeLimit must be zero or negative",
            _ when limit is { } l && discharge is { } d && l < d => $"limit {l} is below dischargeLimit {d}",
            _ => null,
        };
        return problem is null ? null : ProfileInstallResult.Reject(ProfileRejection.InconsistentPeriod, at + problem + ".");
    }
}
