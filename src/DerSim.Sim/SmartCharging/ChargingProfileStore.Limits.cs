namespace DerSim.Sim.SmartCharging;

public sealed partial class ChargingProfileStore
{
    /// <summary>
    /// The power limit in force on <paramref name="evseId"/> at <paramref name="at"/> in kW, or null when no profile
    /// limits it: the minimum of the station-max limit, the TxProfile limit (else the TxDefault limit) and external
    /// constraints. EVSE 0 gets the station-level limit (station max and station-wide external constraints).
    /// </summary>
    public double? LimitKw(int evseId, DateTimeOffset at, ElectricalContext ctx) => Limits(evseId, at, ctx).EffectiveKw;

    /// <summary>The limits at <paramref name="at"/> per purpose, for callers that apply station max to the station total.</summary>
    public ChargingLimits Limits(int evseId, DateTimeOffset at, ElectricalContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        lock (_gate)
        {
            return Evaluate(evseId, at, ctx, fallbackOrigin: at);
        }
    }

    private ChargingLimits Evaluate(int evseId, DateTimeOffset at, ElectricalContext ctx, DateTimeOffset fallbackOrigin) =>
        Evaluate(Winners(evseId, at, fallbackOrigin), ctx);

    private static ChargingLimits Evaluate(InForce w, ElectricalContext ctx)
    {
        var stationKw = ToKw(w.Station, ctx);
        var transactionKw = ToKw(w.Transaction, ctx);
        var externalKw = ToKw(w.External, ctx);

        int? phases = null;
        double? lowest = null;
        foreach (var (kw, winner) in new[] { (stationKw, w.Station), (transactionKw, w.Transaction), (externalKw, w.External) })
        {
            if (kw is { } value && (lowest is null || value < lowest))
            {
                lowest = value;
                phases = winner?.Period.NumberPhases;
            }
        }

        return new ChargingLimits(stationKw, transactionKw, externalKw, phases);
    }

    /// <summary>The winning period of each purpose in force on <paramref name="evseId"/> at <paramref name="at"/>.</summary>
    private InForce Winners(int evseId, DateTimeOffset at, DateTimeOffset fallbackOrigin)
    {
        var tx = evseId > 0 ? _transactions.GetValueOrDefault(evseId) : null;
        var station = Winner(ChargingProfilePurpose.ChargingStationMax, p => p.EvseId == 0, at, tx, fallbackOrigin);
        var external = Winner(ChargingProfilePurpose.ChargingStationExternalConstraints,
            p => p.EvseId == 0 || p.EvseId == evseId, at, tx, fallbackOrigin);

        (ChargingProfile Profile, ChargingSchedulePeriod Period)? transaction = null;
        if (evseId > 0)
        {
            transaction = tx is null ? null : Winner(ChargingProfilePurpose.Tx,
                p => p.EvseId == evseId && string.Equals(p.TransactionId, tx.TransactionId, StringComparison.Ordinal),
                at, tx, fallbackOrigin);
            transaction ??= Winner(ChargingProfilePurpose.TxDefault, p => p.EvseId == 0 || p.EvseId == evseId, at, tx, fallbackOrigin);
        }

        return new InForce(station, transaction, external);
    }

    /// <summary>Within one purpose the applicable profile in force with the highest stack level wins; on a tie the EVSE's own beats the station-wide one.</summary>
    private (ChargingProfile Profile, ChargingSchedulePeriod Period)? Winner(
        ChargingProfilePurpose purpose,
        Func<ChargingProfile, bool> applies,
        DateTimeOffset at,
        ChargingTransaction? tx,
        DateTimeOffset fallbackOrigin)
    {
        (ChargingProfile Profile, ChargingSchedulePeriod Period)? best = null;
        foreach (var profile in _profiles)
        {
            if (profile.Purpose != purpose || !applies(profile) || OfflineTooLong(profile, at)
                || ScheduleEvaluator.PeriodAt(profile, at, tx, fallbackOrigin) is not { } period)
            {
                continue;
            }

            if (best is not { } b
                || profile.StackLevel > b.Profile.StackLevel
                || (profile.StackLevel == b.Profile.StackLevel && profile.EvseId > b.Profile.EvseId))
            {
                best = (profile, period);
            }
        }

        return best;
    }

    private static double? ToKw((ChargingProfile Profile, ChargingSchedulePeriod Period)? winner, ElectricalContext ctx) =>
        winner is { Period.Limit: { } limit } w
            ? ctx.ToKw((double)limit, w.Profile.Schedule.RateUnit, w.Period.NumberPhases)
            : null;

    private sealed record InForce(
        (ChargingProfile Profile, ChargingSchedulePeriod Period)? Station,
        (ChargingProfile Profile, ChargingSchedulePeriod Period)? Transaction,
        (ChargingProfile Profile, ChargingSchedulePeriod Period)? External);
}
