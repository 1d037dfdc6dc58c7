namespace DerSim.Sim.Tariffs;

/// <summary>Whether a cost is what the prices add up to or a tariff's minimum or maximum (OCPP 2.1 TariffCostEnumType).</summary>
public enum TariffCostKind
{
    /// <summary>The prices as they add up (NormalCost).</summary>
    NormalCost,

    /// <summary>The tariff's minimum cost, which the prices did not reach (MinCost).</summary>
    MinCost,

    /// <summary>The tariff's maximum cost, which the prices went over (MaxCost).</summary>
    MaxCost,
}
