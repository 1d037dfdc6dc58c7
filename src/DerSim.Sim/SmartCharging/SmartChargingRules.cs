using DerSim.Ocpp;

namespace DerSim.Sim.SmartCharging;

/// <summary>The install rules that differ between OCPP 1.6 and 2.x.</summary>
/// <param name="SameStackLevelReplaces">
/// True (1.6): a profile with the same stack level and purpose on the same EVSE (and transaction) replaces the old one.
/// False (2.x, K01.FR.06/FR.39): it is rejected when the validity windows overlap.
/// </param>
/// <param name="RequireTransactionIdForTx">2.x (K01.FR.03): a TxProfile must name its transaction.</param>
/// <param name="StrictStartSchedule">
/// 2.x (K01.FR.40/41): Absolute and Recurring schedules need a startSchedule, Relative ones must not have one.
/// 1.6 is lenient: an Absolute schedule without one starts with the transaction, as many 1.6 CSMSs expect.
/// </param>
public sealed record SmartChargingRules(bool SameStackLevelReplaces, bool RequireTransactionIdForTx, bool StrictStartSchedule)
{
    /// <summary>OCPP 1.6 rules.</summary>
    public static SmartChargingRules V16 { get; } = new(SameStackLevelReplaces: true, RequireTransactionIdForTx: false, StrictStartSchedule: false);

    /// <summary>OCPP 2.0.1 and 2.1 rules.</summary>
    public static SmartChargingRules Ocpp2 { get; } = new(SameStackLevelReplaces: false, RequireTransactionIdForTx: true, StrictStartSchedule: true);

    /// <summary>OCPP 2.1 rules: those of 2.x, with operation modes, setpoints and discharge limits checked.</summary>
    public static SmartChargingRules V21 { get; } = Ocpp2 with { Bidirectional = true };

    /// <summary>
    /// Whether periods may carry operationMode, setpoint and dischargeLimit (2.1): they are then checked for modes the
    /// simulator cannot honour and for inconsistent values. The default value is <see langword="false"/>.
    /// </summary>
    public bool Bidirectional { get; init; }

    /// <summary>The rules of <paramref name="version"/>.</summary>
    public static SmartChargingRules For(OcppVersion version) => version switch
    {
        OcppVersion.V16 => V16,
        OcppVersion.V21 => V21,
        _ => Ocpp2,
    };
}
