namespace DerSim.Sim.Tariffs;

/// <summary>
/// The cost of a transaction so far as the station calculates it from its tariff (OCPP 2.1 local cost calculation,
/// CostDetailsType): the cost of each priced dimension, the total and the usage it was calculated from.
/// </summary>
/// <param name="TariffId">The tariff that priced it.</param>
/// <param name="Currency">The tariff's currency (ISO 4217).</param>
/// <param name="Usage">The usage priced.</param>
/// <param name="Total">The total, after the tariff's minimum and maximum.</param>
/// <param name="Kind">Whether the total is the prices' sum or the tariff's minimum or maximum.</param>
public sealed record TransactionCost(string TariffId, string Currency, TariffUsage Usage, CostAmount Total, TariffCostKind Kind)
{
    /// <summary>The cost of the energy, when the tariff prices energy.</summary>
    public CostAmount? Energy { get; init; }

    /// <summary>The cost of the charging time, when the tariff prices it.</summary>
    public CostAmount? ChargingTime { get; init; }

    /// <summary>The cost of the idle time, when the tariff prices it.</summary>
    public CostAmount? IdleTime { get; init; }

    /// <summary>The fixed fee, when the tariff has one.</summary>
    public CostAmount? Fixed { get; init; }
}
