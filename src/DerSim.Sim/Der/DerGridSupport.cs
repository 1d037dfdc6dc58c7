using DerSim.Sim.Physics;

namespace DerSim.Sim.Der;

/// <summary>
/// The DER controls' grid support: the effect of the controls in force on each port. Its state (trip timers, ramps)
/// moves with the physics' time; it reads the store and the grid history under the store's lock.
/// </summary>
internal sealed class DerGridSupport(DerControlStore store, DerGridHistory history) : IGridSupport
{
    private readonly Dictionary<DerControlType, DateTimeOffset> _beyondSince = [];
    private readonly Dictionary<int, Ramp> _ramps = [];
    private bool _tripped;
    private DateTimeOffset? _windowSince;
    private DateTimeOffset? _returnedAt;

    /// <summary>Whether a must-trip or may-trip curve tripped the station at the last evaluation (cleared by EnterService).</summary>
    public bool IsTripped
    {
        get
        {
            lock (store.Gate)
            {
                return _tripped;
            }
        }
    }

    /// <inheritdoc />
    public GridSupportEffect Apply(DateTimeOffset now, GridSupportPort port)
    {
        lock (store.Gate)
        {
            var (entered, grid) = history.EntryAt(now);
            var ceased = UpdateTrips(now, entered, grid);
            if (ceased || !port.Active)
            {
                Record(port.EvseId, now, 0);
                return ceased ? default : new GridSupportEffect(port.ImportKw, port.OfferedKw, port.ExportKw, 0);
            }

            var rating = port.RatingKw;
            var (import, offered, export) = (port.ImportKw, port.OfferedKw, port.ExportKw);
            if (store.ActiveLocked(DerControlType.LimitMaxDischarge, now)?.Setting is DerLimitMaxDischarge { PctMaxDischargePower: { } pct })
            {
                export = Math.Min(export, Math.Max(0, pct) / 100 * port.MaxDischargeKw);
            }

            if (store.ActiveLocked(DerControlType.VoltWatt, now)?.Setting is DerCurve voltWatt)
            {
                (import, offered, export) = Cap(DerCurves.Interpolate(voltWatt.Points, grid.VoltagePercent), grid.VoltagePercent - 100, rating, import, offered, export);
            }

            if (store.ActiveLocked(DerControlType.FreqWatt, now)?.Setting is DerCurve freqWatt)
            {
                (import, offered, export) = Cap(DerCurves.Interpolate(freqWatt.Points, grid.FrequencyHz), grid.FrequencyHz - grid.NominalFrequencyHz, rating, import, offered, export);
            }

            if (store.ActiveLocked(DerControlType.FreqDroop, now)?.Setting is DerFreqDroop droop)
            {
                var f = grid.FrequencyHz;
                if (f > droop.OverFrequencyHz && droop.OverDroop > 0)
                {
                    export = Math.Max(0, export - ((f - droop.OverFrequencyHz) / (grid.NominalFrequencyHz * droop.OverDroop) * rating));
                }
                else if (f < droop.UnderFrequencyHz && droop.UnderDroop > 0)
                {
                    var less = (droop.UnderFrequencyHz - f) / (grid.NominalFrequencyHz * droop.UnderDroop) * rating;
                    import = Math.Max(0, import - less);
                    offered = Math.Max(0, offered - less);
                }
            }

            var ramped = RampLocked(port.EvseId, now, rating, export - import);
            var (p, q) = Reactive(now, rating, ramped);
            (import, export) = (Math.Max(0, -p), Math.Max(0, p));

            // The offer follows a soft start; a ramp or the apparent-power rating only hold the EV below it.
            offered = Math.Max(import, Math.Min(offered, SoftCeiling(now, rating)));
            Record(port.EvseId, now, p);
            return new GridSupportEffect(import, offered, export, q);
        }
    }

    /// <summary>A watt curve's cap: y % of rating bounds export when the grid is above nominal and import when below.</summary>
    private static (double Import, double Offered, double Export) Cap(double yPercent, double aboveNominal, double rating, double import, double offered, double export)
    {
        var cap = Math.Max(0, yPercent) / 100 * rating;
        return aboveNominal switch
        {
            > 0 => (import, offered, Math.Min(export, cap)),
            < 0 => (Math.Min(import, cap), Math.Min(offered, cap), export),
            _ => (import, offered, export),
        };
    }

    private bool UpdateTrips(DateTimeOffset now, DateTimeOffset entered, Physics.GridState grid)
    {
        var momentary = false;
        var anyBeyond = false;
        foreach (var type in Enum.GetValues<DerControlType>().Where(DerCurves.IsTrip))
        {
            if (store.ActiveLocked(type, now)?.Setting is not DerCurve curve
                || DerCurves.TripDelaySeconds(curve.Points, DerCurves.IsHigh(type), DerCurves.IsVoltage(type) ? grid.VoltagePercent : grid.FrequencyHz) is not { } delay)
            {
                _beyondSince.Remove(type);
                continue;
            }

            anyBeyond = true;
            var since = _beyondSince.TryGetValue(type, out var s) ? s : _beyondSince[type] = Max(entered, now - TimeSpan.FromDays(1));
            if ((now - since).TotalSeconds + 1e-9 < delay)
            {
                continue;
            }

            if (DerCurves.IsMomentary(type))
            {
                momentary = true;
            }
            else
            {
                _tripped = true;
                _windowSince = null;
                _returnedAt = null;
            }
        }

        if (_tripped)
        {
            var enter = store.ActiveLocked(DerControlType.EnterService, now)?.Setting as DerEnterService;
            var inWindow = enter is null
                ? !anyBeyond
                : grid.VoltagePercent >= enter.LowVoltagePercent && grid.VoltagePercent <= enter.HighVoltagePercent
                    && grid.FrequencyHz >= enter.LowFrequencyHz && grid.FrequencyHz <= enter.HighFrequencyHz;
            if (!inWindow)
            {
                _windowSince = null;
            }
            else
            {
                _windowSince ??= Max(entered, now - TimeSpan.FromDays(1));
                var delay = TimeSpan.FromSeconds(Math.Max(0, enter?.DelaySeconds ?? 0));
                if (now - _windowSince.Value >= delay)
                {
                    _tripped = false;
                    _returnedAt = _windowSince.Value + delay;
                }
            }
        }

        return _tripped || momentary;
    }

    /// <summary>The signed active power (export positive) after the normal ramp (Gradients) and the soft start after a return to service.</summary>
    private double RampLocked(int evseId, DateTimeOffset now, double rating, double target)
    {
        var result = target;
        if (store.ActiveLocked(DerControlType.Gradients, now)?.Setting is DerGradients { GradientSeconds: > 0 } gradients && _ramps.TryGetValue(evseId, out var ramp))
        {
            var (baseAt, baseP) = ramp.At < now ? (ramp.At, ramp.P) : (ramp.BaseAt, ramp.BaseP);
            var step = rating / gradients.GradientSeconds * Math.Max(0, (now - baseAt).TotalSeconds);
            result = Math.Clamp(target, baseP - step, baseP + step);
        }

        var ceiling = SoftCeiling(now, rating);
        return Math.Clamp(result, -ceiling, ceiling);
    }

    /// <summary>The most active power allowed during the soft start after a return to service (the rating when none runs).</summary>
    private double SoftCeiling(DateTimeOffset now, double rating)
    {
        if (_returnedAt is not { } returned)
        {
            return rating;
        }

        var seconds = store.ActiveLocked(DerControlType.EnterService, now)?.Setting is DerEnterService { RampSeconds: > 0 } enter
            ? enter.RampSeconds
            : store.ActiveLocked(DerControlType.Gradients, now)?.Setting is DerGradients { SoftGradientSeconds: > 0 } g ? g.SoftGradientSeconds : 0;
        var elapsed = Math.Max(0, (now - returned).TotalSeconds);
        return seconds <= 0 || elapsed >= seconds ? rating : rating * elapsed / seconds;
    }

    /// <summary>
    /// The reactive function in force (the first of FixedVar, FixedPFInject while discharging, FixedPFAbsorb while
    /// charging, WattPF, WattVar, VoltVar) and the active power left within the apparent-power rating.
    /// </summary>
    private (double P, double Q) Reactive(DateTimeOffset now, double rating, double p)
    {
        var grid = history.EntryAt(now).State;
        var percentOfRating = rating > 0 ? p / rating * 100 : 0;
        double? varPercent = null;
        var unit = DerUnit.PctMaxVar;
        if (store.ActiveLocked(DerControlType.FixedVar, now)?.Setting is DerFixedVar fixedVar)
        {
            (varPercent, unit) = (fixedVar.SetpointPercent, fixedVar.Unit);
        }
        else if (p > 0 && store.ActiveLocked(DerControlType.FixedPFInject, now)?.Setting is DerFixedPowerFactor inject)
        {
            return WithinRating(rating, p, inject.Displacement, inject.Absorb);
        }
        else if (p < 0 && store.ActiveLocked(DerControlType.FixedPFAbsorb, now)?.Setting is DerFixedPowerFactor absorb)
        {
            return WithinRating(rating, p, absorb.Displacement, absorb.Absorb);
        }
        else if (store.ActiveLocked(DerControlType.WattPF, now)?.Setting is DerCurve wattPf)
        {
            var pf = DerCurves.Interpolate(wattPf.Points, percentOfRating);
            return WithinRating(rating, p, pf, absorb: pf > 0);
        }
        else if (store.ActiveLocked(DerControlType.WattVar, now)?.Setting is DerCurve wattVar)
        {
            (varPercent, unit) = (DerCurves.Interpolate(wattVar.Points, percentOfRating), wattVar.YUnit);
        }
        else if (store.ActiveLocked(DerControlType.VoltVar, now)?.Setting is DerCurve voltVar)
        {
            var x = grid.VoltagePercent * 100 / (voltVar.VRefPercent is > 0 and var vRef ? vRef : 100);
            (varPercent, unit) = (DerCurves.Interpolate(voltVar.Points, x), voltVar.YUnit);
        }

        if (varPercent is not { } percent)
        {
            return (p, 0);
        }

        var basis = unit == DerUnit.PctVarAvail ? Math.Sqrt(Math.Max(0, (rating * rating) - (p * p))) : rating;
        var q = Math.Clamp(percent / 100 * basis, -rating, rating);

        // Reactive power has priority: active power gives way to stay within the apparent-power rating.
        var room = Math.Sqrt(Math.Max(0, (rating * rating) - (q * q)));
        return (Math.Clamp(p, -room, room), q);
    }

    private static (double P, double Q) WithinRating(double rating, double p, double powerFactor, bool absorb)
    {
        var q = DerCurves.ReactiveForPowerFactor(p, powerFactor, absorb);
        if ((p * p) + (q * q) <= rating * rating)
        {
            return (p, q);
        }

        // Keep the power factor and shrink both to the rating.
        var pf = Math.Clamp(Math.Abs(powerFactor), 1e-6, 1);
        var limited = Math.Sign(p) * rating * pf;
        return (limited, DerCurves.ReactiveForPowerFactor(limited, pf, absorb));
    }

    private void Record(int evseId, DateTimeOffset now, double p)
    {
        if (_ramps.TryGetValue(evseId, out var ramp) && ramp.At == now)
        {
            _ramps[evseId] = ramp with { P = p };
            return;
        }

        _ramps[evseId] = ramp is null ? new Ramp(now, p, now, p) : new Ramp(now, p, ramp.At, ramp.P);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>The last output of a port (<paramref name="At"/>, <paramref name="P"/>) and the one before that instant, which a ramp at the same instant starts from.</summary>
    private sealed record Ramp(DateTimeOffset At, double P, DateTimeOffset BaseAt, double BaseP);
}
