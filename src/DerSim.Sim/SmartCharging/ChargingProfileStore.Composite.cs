namespace DerSim.Sim.SmartCharging;

public sealed partial class ChargingProfileStore
{
    /// <summary>
    /// The composite schedule of <paramref name="evseId"/> from <paramref name="start"/> for
    /// <paramref name="durationSeconds"/>: per interval the minimum of station max, Tx (else TxDefault) and external
    /// constraints, in <paramref name="rateUnit"/>, adjacent equal intervals merged. Intervals without any limit carry
    /// <see cref="ElectricalContext.MaxKw"/>. Relative schedules outside a transaction count from <paramref name="start"/>.
    /// </summary>
    public CompositeSchedule CompositeSchedule(
        int evseId, DateTimeOffset start, int durationSeconds, ChargingRateUnit rateUnit, ElectricalContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentOutOfRangeException.ThrowIfNegative(durationSeconds);
        var end = start + TimeSpan.FromSeconds(durationSeconds);
        var periods = new List<CompositeSchedulePeriod>();
        lock (_gate)
        {
            var tx = evseId > 0 ? _transactions.GetValueOrDefault(evseId) : null;
            var t = start;
            do
            {
                var limits = Evaluate(evseId, t, ctx, fallbackOrigin: start);
                Append(periods, (int)Math.Round((t - start).TotalSeconds), Express(limits, rateUnit, ctx));

                var next = end;
                foreach (var profile in _profiles)
                {
                    if (ScheduleEvaluator.NextChange(profile, t, tx, start) is { } change && change < next)
                    {
                        next = change;
                    }
                }

                t = next;
            }
            while (t < end);
        }

        return new CompositeSchedule(evseId, start, durationSeconds, rateUnit, periods);
    }

    private static (double? Limit, int? Phases) Express(ChargingLimits limits, ChargingRateUnit unit, ElectricalContext ctx)
    {
        var phases = ctx.Current == Evse.CurrentType.DC ? (int?)null : ctx.EffectivePhases(limits.NumberPhases);
        var kw = limits.EffectiveKw ?? ctx.MaxKw;
        return (kw is { } value ? ctx.FromKw(value, unit, phases) : null, phases);
    }

    private static void Append(List<CompositeSchedulePeriod> periods, int offset, (double? Limit, int? Phases) value)
    {
        if (periods.Count > 0)
        {
            var last = periods[^1];
            if (SameLimit(last.Limit, value.Limit) && last.NumberPhases == value.Phases)
            {
                return;
            }

            // Sub-second boundaries can round onto the previous offset: the later value is the one that holds.
            if (last.StartPeriod == offset)
            {
                periods.RemoveAt(periods.Count - 1);
                Append(periods, offset, value);
                return;
            }
        }

        periods.Add(new CompositeSchedulePeriod(offset, value.Limit, value.Phases));
    }

    private static bool SameLimit(double? a, double? b) =>
        (a, b) switch
        {
            (null, null) => true,
            ({ } x, { } y) => Math.Abs(x - y) < 1e-9 * Math.Max(1.0, Math.Abs(x)),
            _ => false,
        };
}
