namespace DerSim.Sim.SmartCharging;

/// <summary>Turns computed (binary floating point) limits into the decimals OCPP carries.</summary>
internal static class LimitDecimal
{
    /// <summary>
    /// Rounds down to one decimal (1.6's multipleOf 0.1, 2.x's "one digit fraction") so a reported limit never exceeds
    /// the computed one; float noise (49999.99999999999) is rounded away first so it does not lose a tenth.
    /// </summary>
    public static decimal FromComputed(double value)
    {
        var exact = Math.Round((decimal)value, 6, MidpointRounding.AwayFromZero);
        return decimal.Floor(exact * 10m) / 10m;
    }

    /// <summary>
    /// A signed value (a setpoint, a discharge limit) to one decimal, toward zero, so a reported discharge never exceeds
    /// the computed one.
    /// </summary>
    public static decimal TowardZero(double value)
    {
        var exact = Math.Round((decimal)value, 6, MidpointRounding.AwayFromZero);
        return decimal.Truncate(exact * 10m) / 10m;
    }

    /// <summary>A composite period's limit, which OCPP 1.6 and 2.0.1 require.</summary>
    public static decimal Required(CompositeSchedulePeriod period) =>
        period.Limit is { } limit
            ? FromComputed(limit)
            : throw new InvalidOperationException(
                $"The composite period at {period.StartPeriod} s has no limit: give ElectricalContext.MaxKw so unlimited intervals report the hardware maximum.");
}
