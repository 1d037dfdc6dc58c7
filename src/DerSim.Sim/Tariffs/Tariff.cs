namespace DerSim.Sim.Tariffs;

/// <summary>
/// A tariff the station calculates the cost of a transaction with (OCPP 2.1 TariffType, I-block local cost
/// calculation): a price per kWh, per minute of charging time and of idle time, a fixed fee, each with its taxes, and a
/// minimum and maximum cost. Price conditions (time of day, power, …) are not modelled: a tariff that has them is not
/// taken (SetDefaultTariff answers ConditionNotSupported).
/// </summary>
/// <param name="TariffId">The tariff's id.</param>
/// <param name="Currency">Its currency (ISO 4217).</param>
public sealed record Tariff(string TariffId, string Currency)
{
    /// <summary>When it applies from; null: at once.</summary>
    public DateTimeOffset? ValidFrom { get; init; }

    /// <summary>The price per kWh taken, or null when energy is free.</summary>
    public TariffRate? Energy { get; init; }

    /// <summary>The price per minute in which energy flowed, or null.</summary>
    public TariffRate? ChargingTime { get; init; }

    /// <summary>The price per minute of the transaction in which no energy flowed, or null.</summary>
    public TariffRate? IdleTime { get; init; }

    /// <summary>The fee charged once per transaction, or null.</summary>
    public TariffRate? FixedFee { get; init; }

    /// <summary>The least a transaction costs, or null.</summary>
    public CostAmount? MinCost { get; init; }

    /// <summary>The most a transaction costs, or null.</summary>
    public CostAmount? MaxCost { get; init; }

    /// <summary>The cost of <paramref name="usage"/> under this tariff.</summary>
    public TransactionCost CostOf(TariffUsage usage)
    {
        var energy = Energy?.CostOf((decimal)usage.EnergyWh / 1000m);
        var charging = ChargingTime?.CostOf(Minutes(usage.ChargingTime));
        var idle = IdleTime?.CostOf(Minutes(usage.IdleTime));
        var fixedFee = FixedFee?.CostOf(1);
        var total = (energy ?? CostAmount.Zero) + (charging ?? CostAmount.Zero) + (idle ?? CostAmount.Zero) + (fixedFee ?? CostAmount.Zero);
        var kind = TariffCostKind.NormalCost;
        if (MinCost is { } min && total.InclTax < min.InclTax)
        {
            (total, kind) = (min, TariffCostKind.MinCost);
        }
        else if (MaxCost is { } max && total.InclTax > max.InclTax)
        {
            (total, kind) = (max, TariffCostKind.MaxCost);
        }

        return new TransactionCost(TariffId, Currency, usage, total, kind) { Energy = energy, ChargingTime = charging, IdleTime = idle, Fixed = fixedFee };
    }

    /// <summary>
    /// How fast the cost grows now, with tax, per second: the charging-time or idle-time price (whichever applies
    /// while energy flows or not) and the energy price at <paramref name="kw"/>. Zero when nothing now costs money.
    /// </summary>
    public decimal CostPerSecond(bool flowing, double kw)
    {
        var time = (flowing ? ChargingTime : IdleTime)?.PriceInclTax ?? 0m;
        var energy = flowing && Energy is { } e ? e.PriceInclTax * (decimal)kw / 3600m : 0m;
        return (time / 60m) + energy;
    }

    private static decimal Minutes(TimeSpan time) => (decimal)time.TotalSeconds / 60m;
}
