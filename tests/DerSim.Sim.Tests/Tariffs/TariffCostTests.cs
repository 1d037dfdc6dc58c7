using DerSim.Sim.Tariffs;

namespace DerSim.Sim.Tests.Tariffs;

/// <summary>
/// The station's cost calculation on its own (OCPP 2.1 local cost calculation): each priced dimension from the usage,
/// taxes stacked, the tariff's minimum and maximum, how fast the cost grows, and the usage counted on a clock.
/// </summary>
public sealed class TariffCostTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);

    [Test]
    public void Each_dimension_is_priced_from_the_usage()
    {
        var tariff = new Tariff("T-1", "EUR")
        {
            Energy = new TariffRate(0.30m, []),
            ChargingTime = new TariffRate(1.00m, []),
            IdleTime = new TariffRate(0.10m, []),
            FixedFee = new TariffRate(0.50m, []),
        };

        var cost = tariff.CostOf(new TariffUsage(EnergyWh: 2500, ChargingTime: TimeSpan.FromSeconds(90), IdleTime: TimeSpan.FromMinutes(3)));

        cost.Energy.ShouldBe(new CostAmount(0.75m, 0.75m));
        cost.ChargingTime.ShouldBe(new CostAmount(1.50m, 1.50m));
        cost.IdleTime.ShouldBe(new CostAmount(0.30m, 0.30m));
        cost.Fixed.ShouldBe(new CostAmount(0.50m, 0.50m));
        cost.Total.ShouldBe(new CostAmount(3.05m, 3.05m));
        cost.Kind.ShouldBe(TariffCostKind.NormalCost);
        (cost.TariffId, cost.Currency).ShouldBe(("T-1", "EUR"));
    }

    [Test]
    public void A_dimension_the_tariff_does_not_price_costs_nothing_and_is_left_out()
    {
        var cost = new Tariff("T-1", "EUR") { ChargingTime = new TariffRate(1.00m, []) }.CostOf(new TariffUsage(10_000, TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5)));

        cost.Energy.ShouldBeNull();
        cost.IdleTime.ShouldBeNull();
        cost.Total.ShouldBe(new CostAmount(2m, 2m));
    }

    [Test]
    public void Taxes_of_a_higher_stack_are_on_top_of_the_lower_ones()
    {
        // 10 net: stack 0 adds 20 % and 5 % of 10 (12.5), stack 1 adds 10 % of 12.5.
        var taxed = CostAmount.Taxed(10m, [new TaxRate(20m), new TaxRate(5m), new TaxRate(10m, Stack: 1)]);

        taxed.ShouldBe(new CostAmount(10m, 13.75m));
    }

    [Test]
    public void The_total_is_held_between_the_tariffs_minimum_and_maximum()
    {
        var tariff = new Tariff("T-1", "EUR") { ChargingTime = new TariffRate(1.00m, []), MinCost = new CostAmount(1m, 1.2m), MaxCost = new CostAmount(5m, 6m) };

        var little = tariff.CostOf(new TariffUsage(0, TimeSpan.FromSeconds(30), TimeSpan.Zero));
        (little.Total, little.Kind).ShouldBe((new CostAmount(1m, 1.2m), TariffCostKind.MinCost));
        little.ChargingTime.ShouldBe(new CostAmount(0.5m, 0.5m), "the dimension keeps what its price says");

        var much = tariff.CostOf(new TariffUsage(0, TimeSpan.FromMinutes(10), TimeSpan.Zero));
        (much.Total, much.Kind).ShouldBe((new CostAmount(5m, 6m), TariffCostKind.MaxCost));
    }

    [Test]
    public void The_cost_grows_by_the_time_price_that_applies_and_the_energy_price_at_the_power()
    {
        var tariff = new Tariff("T-1", "EUR") { Energy = new TariffRate(0.36m, [new TaxRate(25m)]), ChargingTime = new TariffRate(0.60m, []), IdleTime = new TariffRate(0.12m, []) };

        // 0.60 a minute is 0.01 a second; 0.45 a kWh with tax at 10 kW is 0.00125 a second.
        tariff.CostPerSecond(flowing: true, kw: 10).ShouldBe(0.01125m);
        tariff.CostPerSecond(flowing: false, kw: 0).ShouldBe(0.002m);
        new Tariff("T-2", "EUR").CostPerSecond(flowing: true, kw: 22).ShouldBe(0m);
    }

    [Test]
    public void The_meter_counts_each_stretch_as_what_it_was_when_it_began()
    {
        var meter = new UsageMeter(T0, startRegisterWh: 1000);

        meter.Read(T0.AddSeconds(10), 1000, flowing: true).ShouldBe(new TariffUsage(0, TimeSpan.Zero, TimeSpan.FromSeconds(10)));
        meter.Read(T0.AddSeconds(70), 1366, flowing: false).ShouldBe(new TariffUsage(366, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(10)));
        var usage = meter.Read(T0.AddSeconds(100), 1366, flowing: false);

        usage.ShouldBe(new TariffUsage(366, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(40)));
        usage.Duration.ShouldBe(TimeSpan.FromSeconds(100));
        meter.Read(T0.AddSeconds(90), 1366, flowing: false).ShouldBe(usage, "a reading from before the last one adds nothing");
    }
}
