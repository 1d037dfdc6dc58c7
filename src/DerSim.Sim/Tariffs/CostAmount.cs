namespace DerSim.Sim.Tariffs;

/// <summary>An amount of money without and with tax (OCPP 2.1 PriceType / TotalPriceType).</summary>
/// <param name="ExclTax">Without tax.</param>
/// <param name="InclTax">With tax.</param>
public readonly record struct CostAmount(decimal ExclTax, decimal InclTax)
{
    /// <summary>Nothing.</summary>
    public static CostAmount Zero => default;

    /// <summary>The sum of two amounts.</summary>
    public static CostAmount operator +(CostAmount a, CostAmount b) => new(a.ExclTax + b.ExclTax, a.InclTax + b.InclTax);

    /// <summary>The sum of two amounts.</summary>
    public static CostAmount Add(CostAmount a, CostAmount b) => a + b;

    /// <summary>
    /// <paramref name="net"/> with <paramref name="taxes"/> added: each stack level taxes the net price plus the taxes of
    /// the levels below it (OCPP 2.1 TaxRateType.stack).
    /// </summary>
    public static CostAmount Taxed(decimal net, IReadOnlyList<TaxRate> taxes)
    {
        ArgumentNullException.ThrowIfNull(taxes);
        var gross = net;
        foreach (var level in taxes.GroupBy(t => t.Stack).OrderBy(g => g.Key))
        {
            gross += gross * level.Sum(t => t.Percent) / 100m;
        }

        return new CostAmount(net, gross);
    }
}
