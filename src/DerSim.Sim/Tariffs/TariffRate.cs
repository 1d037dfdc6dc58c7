namespace DerSim.Sim.Tariffs;

/// <summary>
/// One priced dimension of a tariff: a price without tax per unit (per kWh of energy, per minute of charging or idle
/// time, or once for a fixed fee) and the taxes on it (OCPP 2.1 TariffEnergyType, TariffTimeType, TariffFixedType with
/// one price element).
/// </summary>
/// <param name="Price">The price per unit, without tax.</param>
/// <param name="Taxes">The taxes on it; empty for none.</param>
public sealed record TariffRate(decimal Price, IReadOnlyList<TaxRate> Taxes)
{
    /// <summary>The cost of <paramref name="units"/> units.</summary>
    public CostAmount CostOf(decimal units) => CostAmount.Taxed(Price * units, Taxes);

    /// <summary>What one unit costs with tax.</summary>
    public decimal PriceInclTax => CostAmount.Taxed(Price, Taxes).InclTax;

    /// <summary>Equal when the price and the taxes, in order, are.</summary>
    public bool Equals(TariffRate? other) => other is not null && Price == other.Price && Taxes.SequenceEqual(other.Taxes);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Price, Taxes.Count);
}
