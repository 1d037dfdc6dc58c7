namespace DerSim.Sim.SmartCharging;

/// <summary>The limits in force on an EVSE at one instant, per purpose, in kW; null means that purpose sets none.</summary>
/// <param name="StationMaxKw">The winning ChargingStationMax profile's limit.</param>
/// <param name="TransactionKw">The TxProfile's limit when one applies to the running transaction, else the TxDefault's.</param>
/// <param name="ExternalKw">The winning ChargingStationExternalConstraints limit.</param>
/// <param name="NumberPhases">numberPhases of the period that sets <see cref="EffectiveKw"/>, when it has one.</param>
public sealed record ChargingLimits(double? StationMaxKw, double? TransactionKw, double? ExternalKw, int? NumberPhases)
{
    /// <summary>The minimum of the three; null when none limits.</summary>
    public double? EffectiveKw => Min(Min(StationMaxKw, TransactionKw), ExternalKw);

    private static double? Min(double? a, double? b) =>
        a is not { } x ? b : b is not { } y ? a : Math.Min(x, y);
}
