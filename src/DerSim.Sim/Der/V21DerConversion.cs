using DerSim.Ocpp;
using DerSim.Ocpp.V21;

namespace DerSim.Sim.Der;

/// <summary>Between the OCPP 2.1 DER messages and the version-neutral model.</summary>
public static class V21DerConversion
{
    /// <summary>The control a SetDERControl asks for, or null when the setting its type needs is missing.</summary>
    public static DerControl? FromV21(SetDERControlRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var type = NameMatch.Of<DERControlEnumType, DerControlType>(request.ControlType);
        DerSetting? setting = type switch
        {
            DerControlType.FixedPFAbsorb => request.FixedPFAbsorb is { } pf ? FromV21(pf) : null,
            DerControlType.FixedPFInject => request.FixedPFInject is { } pf ? FromV21(pf) : null,
            DerControlType.FixedVar => request.FixedVar is { } v
                ? new DerFixedVar(v.Priority, (double)v.Setpoint, FromV21(v.Unit)) { StartTime = v.StartTime, Duration = Seconds(v.Duration) }
                : null,
            DerControlType.FreqDroop => request.FreqDroop is { } d
                ? new DerFreqDroop(d.Priority, (double)d.OverFreq, (double)d.UnderFreq, (double)d.OverDroop, (double)d.UnderDroop, (double)d.ResponseTime) { StartTime = d.StartTime, Duration = Seconds(d.Duration) }
                : null,
            DerControlType.LimitMaxDischarge => request.LimitMaxDischarge is { } l
                ? new DerLimitMaxDischarge(l.Priority, (double?)l.PctMaxDischargePower)
                {
                    StartTime = l.StartTime,
                    Duration = Seconds(l.Duration),
                    PowerMonitoringMustTrip = l.PowerMonitoringMustTrip is { } c ? FromV21(c) : null,
                }
                : null,
            DerControlType.Gradients => request.Gradient is { } g ? new DerGradients(g.Priority, (double)g.Gradient, (double)g.SoftGradient) : null,
            DerControlType.EnterService => request.EnterService is { } e
                ? new DerEnterService(e.Priority, (double)e.HighVoltage, (double)e.LowVoltage, (double)e.HighFreq, (double)e.LowFreq, (double)(e.Delay ?? 0), (double)(e.RampRate ?? 0))
                {
                    RandomDelaySeconds = (double?)e.RandomDelay,
                }
                : null,
            _ => request.Curve is { } curve ? FromV21(curve) : null,
        };
        return setting is null ? null : new DerControl(request.ControlId, type, request.IsDefault, setting);
    }

    /// <summary>The model's control type in 2.1.</summary>
    public static DERControlEnumType ToV21(DerControlType type) => NameMatch.Of<DerControlType, DERControlEnumType>(type);

    /// <summary>The 2.1 control type in the model.</summary>
    public static DerControlType FromV21(DERControlEnumType type) => NameMatch.Of<DERControlEnumType, DerControlType>(type);

    /// <summary>The 2.1 status.</summary>
    public static DERControlStatusEnumType ToV21(DerStatus status) => NameMatch.Of<DerStatus, DERControlStatusEnumType>(status);

    /// <summary>The 2.1 grid fault.</summary>
    public static GridEventFaultEnumType ToV21(DerGridFault fault) => NameMatch.Of<DerGridFault, GridEventFaultEnumType>(fault);

    /// <summary>
    /// ReportDERControl pages for <paramref name="controls"/>: each list holds at most <see cref="DerController.MaxListItems"/>
    /// entries, so longer lists continue on the next page, every page but the last with tbc.
    /// </summary>
    public static IReadOnlyList<ReportDERControlRequest> ToV21Reports(int requestId, IReadOnlyList<DerStoredControl> controls)
    {
        ArgumentNullException.ThrowIfNull(controls);
        var byList = controls.GroupBy(ListOf).ToDictionary(g => g.Key, g => g.ToList());
        var pages = byList.Count == 0 ? 1 : byList.Values.Max(l => (l.Count + DerController.MaxListItems - 1) / DerController.MaxListItems);
        var reports = new List<ReportDERControlRequest>(pages);
        for (var page = 0; page < pages; page++)
        {
            List<DerStoredControl>? Slice(string list) =>
                byList.TryGetValue(list, out var all) && all.Skip(page * DerController.MaxListItems).Take(DerController.MaxListItems).ToList() is { Count: > 0 } slice ? slice : null;

            reports.Add(new ReportDERControlRequest(requestId)
            {
                Curve = Slice("curve")?.Select(c => new DERCurveGetType(ToV21((DerCurve)c.Control.Setting), c.Control.Id, ToV21(c.Control.Type), c.Control.IsDefault, c.IsSuperseded)).ToList(),
                FixedPFAbsorb = Slice("fixedPFAbsorb")?.Select(FixedPf).ToList(),
                FixedPFInject = Slice("fixedPFInject")?.Select(FixedPf).ToList(),
                FixedVar = Slice("fixedVar")?.Select(c => new FixedVarGetType(ToV21((DerFixedVar)c.Control.Setting), c.Control.Id, c.Control.IsDefault, c.IsSuperseded)).ToList(),
                FreqDroop = Slice("freqDroop")?.Select(c => new FreqDroopGetType(ToV21((DerFreqDroop)c.Control.Setting), c.Control.Id, c.Control.IsDefault, c.IsSuperseded)).ToList(),
                Gradient = Slice("gradient")?.Select(c => new GradientGetType(ToV21((DerGradients)c.Control.Setting), c.Control.Id)).ToList(),
                EnterService = Slice("enterService")?.Select(c => new EnterServiceGetType(ToV21((DerEnterService)c.Control.Setting), c.Control.Id)).ToList(),
                LimitMaxDischarge = Slice("limitMaxDischarge")?.Select(c => new LimitMaxDischargeGetType(c.Control.Id, c.Control.IsDefault, c.IsSuperseded, ToV21((DerLimitMaxDischarge)c.Control.Setting))).ToList(),
                Tbc = page < pages - 1 ? true : null,
            });
        }

        return reports;
    }

    private static FixedPFGetType FixedPf(DerStoredControl c)
    {
        var pf = (DerFixedPowerFactor)c.Control.Setting;
        return new FixedPFGetType(
            new FixedPFType(pf.Priority, (decimal)pf.Displacement, pf.Absorb) { StartTime = pf.StartTime, Duration = Decimal(pf.Duration) },
            c.Control.Id,
            c.Control.IsDefault,
            c.IsSuperseded);
    }

    private static string ListOf(DerStoredControl control) => control.Control.Type switch
    {
        DerControlType.FixedPFAbsorb => "fixedPFAbsorb",
        DerControlType.FixedPFInject => "fixedPFInject",
        DerControlType.FixedVar => "fixedVar",
        DerControlType.FreqDroop => "freqDroop",
        DerControlType.Gradients => "gradient",
        DerControlType.EnterService => "enterService",
        DerControlType.LimitMaxDischarge => "limitMaxDischarge",
        _ => "curve",
    };

    private static DerFixedPowerFactor FromV21(FixedPFType pf) =>
        new(pf.Priority, (double)pf.Displacement, pf.Excitation) { StartTime = pf.StartTime, Duration = Seconds(pf.Duration) };

    private static DerCurve FromV21(DERCurveType curve) =>
        new(curve.Priority, [.. curve.CurveData.Select(p => new DerCurvePoint((double)p.X, (double)p.Y))], FromV21(curve.YUnit))
        {
            StartTime = curve.StartTime,
            Duration = Seconds(curve.Duration),
            ResponseTimeSeconds = (double?)curve.ResponseTime,
            VRefPercent = (double?)curve.ReactivePowerParams?.VRef,
            Hysteresis = curve.Hysteresis is { } h
                ? new DerHysteresis((double?)h.HysteresisHigh, (double?)h.HysteresisLow, (double?)h.HysteresisDelay, (double?)h.HysteresisGradient)
                : null,
        };

    private static DERCurveType ToV21(DerCurve curve) =>
        new([.. curve.Points.Select(p => new DERCurvePointsType((decimal)p.X, (decimal)p.Y))], curve.Priority, ToV21(curve.YUnit))
        {
            StartTime = curve.StartTime,
            Duration = Decimal(curve.Duration),
            ResponseTime = (decimal?)curve.ResponseTimeSeconds,
            ReactivePowerParams = curve.VRefPercent is { } vRef ? new ReactivePowerParamsType { VRef = (decimal)vRef } : null,
            Hysteresis = curve.Hysteresis is { } h
                ? new HysteresisType { HysteresisHigh = (decimal?)h.High, HysteresisLow = (decimal?)h.Low, HysteresisDelay = (decimal?)h.DelaySeconds, HysteresisGradient = (decimal?)h.Gradient }
                : null,
        };

    private static FixedVarType ToV21(DerFixedVar v) =>
        new(v.Priority, (decimal)v.SetpointPercent, ToV21(v.Unit)) { StartTime = v.StartTime, Duration = Decimal(v.Duration) };

    private static FreqDroopType ToV21(DerFreqDroop d) =>
        new(d.Priority, (decimal)d.OverFrequencyHz, (decimal)d.UnderFrequencyHz, (decimal)d.OverDroop, (decimal)d.UnderDroop, (decimal)d.ResponseTimeSeconds)
        {
            StartTime = d.StartTime,
            Duration = Decimal(d.Duration),
        };

    private static GradientType ToV21(DerGradients g) => new(g.Priority, (decimal)g.GradientSeconds, (decimal)g.SoftGradientSeconds);

    private static EnterServiceType ToV21(DerEnterService e) =>
        new(e.Priority, (decimal)e.HighVoltagePercent, (decimal)e.LowVoltagePercent, (decimal)e.HighFrequencyHz, (decimal)e.LowFrequencyHz)
        {
            Delay = (decimal)e.DelaySeconds,
            RampRate = (decimal)e.RampSeconds,
            RandomDelay = (decimal?)e.RandomDelaySeconds,
        };

    private static LimitMaxDischargeType ToV21(DerLimitMaxDischarge l) =>
        new(l.Priority)
        {
            PctMaxDischargePower = (decimal?)l.PctMaxDischargePower,
            PowerMonitoringMustTrip = l.PowerMonitoringMustTrip is { } c ? ToV21(c) : null,
            StartTime = l.StartTime,
            Duration = Decimal(l.Duration),
        };

    private static DerUnit FromV21(DERUnitEnumType unit) => NameMatch.Of<DERUnitEnumType, DerUnit>(unit);

    private static DERUnitEnumType ToV21(DerUnit unit) => NameMatch.Of<DerUnit, DERUnitEnumType>(unit);

    private static TimeSpan? Seconds(decimal? seconds) => seconds is { } s ? TimeSpan.FromSeconds((double)s) : null;

    private static decimal? Decimal(TimeSpan? duration) => duration is { } d ? (decimal)d.TotalSeconds : null;
}
