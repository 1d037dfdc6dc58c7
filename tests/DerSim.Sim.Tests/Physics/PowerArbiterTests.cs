using DerSim.Sim.Physics;

namespace DerSim.Sim.Tests.Physics;

public class PowerArbiterTests
{
    [Test]
    public void Everyone_gets_their_demand_when_the_budget_suffices()
    {
        var result = PowerArbiter.Allocate([new(1, 40, 100), new(2, 30, 100)], [new("station", 100, null)]);

        result.Select(r => r.AllocatedKw).ShouldBe([40, 30]);
    }

    [Test]
    public void An_exceeded_budget_is_split_in_proportion_to_demand()
    {
        var result = PowerArbiter.Allocate([new(1, 100, 150), new(2, 50, 150)], [new("station", 90, null)]);

        result[0].AllocatedKw.ShouldBe(60, 1e-9);
        result[1].AllocatedKw.ShouldBe(30, 1e-9);
        result.ShouldAllBe(r => r.OfferedKw == r.AllocatedKw);
    }

    [Test]
    public void Capacity_left_by_ports_capped_in_their_group_is_re_offered_to_the_others()
    {
        var result = PowerArbiter.Allocate(
            [new(1, 100, 100), new(2, 100, 100), new(3, 100, 100)],
            [new("group 1", 60, [1, 2]), new("station", 150, null)]);

        result[0].AllocatedKw.ShouldBe(30, 1e-9);
        result[1].AllocatedKw.ShouldBe(30, 1e-9);
        result[2].AllocatedKw.ShouldBe(90, 1e-9);
    }

    [Test]
    public void Demand_is_capped_by_the_ceiling_before_sharing()
    {
        var result = PowerArbiter.Allocate([new(1, 300, 50), new(2, 100, 100)], [new("station", 120, null)]);

        result[0].AllocatedKw.ShouldBe(40, 1e-9);
        result[1].AllocatedKw.ShouldBe(80, 1e-9);
    }

    [Test]
    public void Offered_adds_the_headroom_a_port_could_still_take()
    {
        var result = PowerArbiter.Allocate([new(1, 10, 50), new(2, 70, 100)], [new("station", 100, null)]);

        result[0].ShouldBe(new PortAllocation(1, 10, 30));
        result[1].ShouldBe(new PortAllocation(2, 70, 90));
    }

    [Test]
    public void A_zero_ceiling_offers_nothing() =>
        PowerArbiter.Allocate([new(1, 10, 0)], [new("station", 100, null)]).Single().ShouldBe(new PortAllocation(1, 0, 0));

    [Test]
    public void Random_inputs_respect_every_budget_and_ceiling([Range(1, 20)] int seed)
    {
        var random = new Random(seed);
        var ports = Enumerable.Range(1, random.Next(1, 6))
            .Select(i => new ArbiterPort(i, random.NextDouble() * 200, random.NextDouble() * 150)).ToArray();
        PowerBudget[] budgets = [new("group", random.NextDouble() * 200, [1, 2]), new("station", random.NextDouble() * 300, null)];

        var result = PowerArbiter.Allocate(ports, budgets);

        for (var i = 0; i < ports.Length; i++)
        {
            result[i].AllocatedKw.ShouldBeLessThanOrEqualTo(Math.Min(ports[i].DemandKw, ports[i].CeilingKw) + 1e-9);
            result[i].OfferedKw.ShouldBeLessThanOrEqualTo(ports[i].CeilingKw + 1e-9);
            result[i].OfferedKw.ShouldBeGreaterThanOrEqualTo(result[i].AllocatedKw);
        }

        foreach (var budget in budgets)
        {
            result.Where(r => budget.Covers(r.EvseId)).Sum(r => r.AllocatedKw).ShouldBeLessThanOrEqualTo(budget.CapKw + 1e-6);
        }

        // Work-conserving: a port short of its want must sit behind a budget that is full.
        for (var i = 0; i < ports.Length; i++)
        {
            if (result[i].AllocatedKw < Math.Min(ports[i].DemandKw, ports[i].CeilingKw) - 1e-6)
            {
                budgets.Where(b => b.Covers(ports[i].EvseId))
                    .Any(b => result.Where(r => b.Covers(r.EvseId)).Sum(r => r.AllocatedKw) >= b.CapKw - 1e-6)
                    .ShouldBeTrue();
            }
        }
    }
}
