using DerSim.Sim.Load;

namespace DerSim.Sim.Tests.Load;

/// <summary>The per-station share of <c>--jitter</c>: the same for an id and seed on every run, spread evenly over [0, 1).</summary>
[Parallelizable(ParallelScope.All)]
public sealed class StationJitterTests
{
    [Test]
    public void The_share_depends_on_id_and_seed_only_and_spreads_evenly()
    {
        var shares = StationIds.Numbered("J", 10_000).Select(id => StationJitter.Of(id, 7)).ToList();

        StationJitter.Of("J-00001", 7).ShouldBe(shares[0]);
        StationJitter.Of("J-00001", 8).ShouldNotBe(shares[0]);
        shares.ShouldAllBe(s => s >= 0 && s < 1);
        // Ten bins of a thousand each, give or take: no lock-step cluster.
        shares.GroupBy(s => (int)(s * 10)).Select(g => g.Count()).ShouldAllBe(n => n > 850 && n < 1150);
    }
}
