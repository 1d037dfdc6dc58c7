using DerSim.Sim.Physics;

namespace DerSim.Sim.SmartCharging;

public sealed partial class ChargingProfileStore
{
    /// <summary>
    /// The composite schedule of <paramref name="evseId"/> from <paramref name="start"/> for
    /// <paramref name="durationSeconds"/>: per interval the minimum of station max, Tx (else TxDefault) and external
    /// constraints, in <paramref name="rateUnit"/>, adjacent equal intervals merged. Intervals without any limit carry
    /// <see cref="ElectricalContext.MaxKw"/>. Relative schedules outside a transaction count from <paramref name="start"/>.
    /// On an EVSE each interval also carries what the 2.1 periods in force ask beyond a limit: the operation mode (when
    /// not ChargingOnly), the CentralSetpoint setpoint and the tightest discharge limit, as the physics follows them.
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
                var inForce = Winners(evseId, t, fallbackOrigin: start);
                var period = Express(Evaluate(inForce, ctx), rateUnit, ctx, (int)Math.Round((t - start).TotalSeconds));
                if (evseId > 0)
                {
                    period = WithV2x(period, EffectiveOf(inForce, ctx), rateUnit, ctx);
                }

                Append(periods, period);

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

    private static CompositeSchedulePeriod Express(ChargingLimits limits, ChargingRateUnit unit, ElectricalContext ctx, int offset)
    {
        var phases = ctx.Current == DerSim.Sim.Profiles.CurrentType.DC ? (int?)null : ctx.EffectivePhases(limits.NumberPhases);
        var kw = limits.EffectiveKw ?? ctx.MaxKw;
        return new CompositeSchedulePeriod(offset, kw is { } value ? ctx.FromKw(value, unit, phases) : null, phases);
    }

    private static CompositeSchedulePeriod WithV2x(CompositeSchedulePeriod period, EffectivePeriod effective, ChargingRateUnit unit, ElectricalContext ctx) =>
        period with
        {
            OperationMode = effective.Mode == OperationMode.ChargingOnly ? null : effective.Mode,
            Setpoint = effective.SetpointKw is { } setpoint ? ctx.FromKw(setpoint, unit, period.NumberPhases) : null,
            DischargeLimit = effective.DischargeLimitKw is { } discharge ? ctx.FromKw(discharge, unit, period.NumberPhases) : null,
        };

    private static void Append(List<CompositeSchedulePeriod> periods, CompositeSchedulePeriod period)
    {
        if (periods.Count > 0)
        {
            var last = periods[^1];
            if (SameLimit(last.Limit, period.Limit) && last.NumberPhases == period.NumberPhases && last.OperationMode == period.OperationMode
                && SameLimit(last.Setpoint, period.Setpoint) && SameLimit(last.DischargeLimit, period.DischargeLimit))
            {
                return;
            }

            // Sub-second boundaries can round onto the previous offset: the later value is the one that holds.
            if (last.StartPeriod == period.StartPeriod)
            {
                periods.RemoveAt(periods.Count - 1);
                Append(periods, period);
                return;
            }
        }

        periods.Add(period);
    }

    private static bool SameLimit(double? a, double? b) =>
        (a, b) switch
        {
            (null, null) => true,
            ({ } x, { } y) => Math.Abs(x - y) < 1e-9 * Math.Max(1.0, Math.Abs(x)),
            _ => false,
        };
}
