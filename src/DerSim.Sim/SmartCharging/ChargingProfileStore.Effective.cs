using DerSim.Sim.Physics;

namespace DerSim.Sim.SmartCharging;

public sealed partial class ChargingProfileStore
{
    /// <summary>
    /// What the periods in force on <paramref name="evseId"/> (&gt; 0) ask for at <paramref name="at"/>: the operation
    /// mode and setpoint of the transaction's period (TxProfile, else TxDefault), else of the external constraints, else
    /// ChargingOnly; the limit as <see cref="LimitKw"/>; the tightest discharge limit of all purposes.
    /// </summary>
    public EffectivePeriod Effective(int evseId, DateTimeOffset at, ElectricalContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        lock (_gate)
        {
            return EffectiveOf(Winners(evseId, at, fallbackOrigin: at), ctx);
        }
    }

    private static EffectivePeriod EffectiveOf(InForce inForce, ElectricalContext ctx)
    {
        var limits = Evaluate(inForce, ctx);
        var leader = inForce.Transaction is { Period.OperationMode: not null } ? inForce.Transaction
            : inForce.External is { Period.OperationMode: not null } ? inForce.External
            : inForce.Transaction;
        var mode = leader?.Period.OperationMode ?? OperationMode.ChargingOnly;

        double? dischargeKw = null;
        foreach (var winner in new[] { inForce.Station, inForce.Transaction, inForce.External })
        {
            if (winner is { Period.DischargeLimit: { } d } w)
            {
                var kw = ctx.ToKw((double)d, w.Profile.Schedule.RateUnit, w.Period.NumberPhases);
                dischargeKw = dischargeKw is { } tightest ? Math.Max(tightest, kw) : kw;
            }
        }

        double? setpointKw = mode == OperationMode.CentralSetpoint && leader is { Period.Setpoint: { } s } l
            ? ctx.ToKw((double)s, l.Profile.Schedule.RateUnit, l.Period.NumberPhases)
            : null;
        return new EffectivePeriod(mode, limits.EffectiveKw, dischargeKw, setpointKw, limits.NumberPhases)
        {
            V2xBaselineW = leader?.Period.V2xBaseline is { } baseline ? (double)baseline : null,
            FreqWattCurve = mode == OperationMode.LocalFrequency ? leader?.Period.V2xFreqWattCurve : null,
            SignalWattCurve = mode == OperationMode.CentralFrequency ? leader?.Period.V2xSignalWattCurve : null,
        };
    }

    /// <summary>
    /// <see cref="Effective"/> as the directive source the physics takes; EVSE 0 gets the station-wide limit. The
    /// frequency modes read <paramref name="inputs"/> at each instant (without it they follow their baseline).
    /// </summary>
    public PowerDirectiveSource DirectiveFunction(Func<int, ElectricalContext> contextOf, Func<DateTimeOffset, V2xInputs>? inputs = null)
    {
        ArgumentNullException.ThrowIfNull(contextOf);
        return (evseId, at) =>
        {
            // Asked every simulated second for every EVSE: with no profile installed the answer is fixed, and costs no
            // objects (thousands of stations in a load run install none).
            if (IsEmpty)
            {
                return evseId > 0 ? PowerDirective.Unlimited : null;
            }

            if (evseId > 0)
            {
                var effective = Effective(evseId, at, contextOf(evseId));
                return effective.ToDirective(effective.Mode is OperationMode.LocalFrequency or OperationMode.CentralFrequency ? inputs?.Invoke(at) : null);
            }

            var station = Limits(0, at, contextOf(0));
            return PowerDirective.FromLimit(station.StationMaxKw is { } max && station.ExternalKw is { } external
                ? Math.Min(max, external)
                : station.StationMaxKw ?? station.ExternalKw);
        };
    }

    private bool IsEmpty
    {
        get
        {
            lock (_gate)
            {
                return _profiles.Count == 0;
            }
        }
    }
}
