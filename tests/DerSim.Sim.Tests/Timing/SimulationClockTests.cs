using DerSim.Sim.Engine;
using DerSim.Sim.Timing;
using Microsoft.Extensions.Time.Testing;

namespace DerSim.Sim.Tests.Timing;

/// <summary>The clock a time scale picks: scaled real time for a factor, lock-step virtual time for <c>max</c>.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class SimulationClockTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 8, 0, 0, 123, TimeSpan.Zero);

    [TestCase(1)]
    [TestCase(120)]
    [TestCase(10_000)]
    public void A_factor_scales_real_time(double scale) =>
        SimulationClock.For(scale, new FakeTimeProvider(Start)).ShouldBeOfType<ScaledClock>().Scale.ShouldBe(scale);

    [Test]
    public async Task Max_is_lock_step_virtual_time_from_the_real_present_that_moves_only_while_an_actor_waits()
    {
        var real = new FakeTimeProvider(Start.AddTicks(4567));
        var clock = SimulationClock.For(SessionPlan.LockStep, real).ShouldBeOfType<VirtualClock>();

        // To the millisecond, as the timestamps show it.
        clock.Now.ShouldBe(Start);

        // Real time does not move it; a waiting actor jumps it straight to the deadline.
        real.Advance(TimeSpan.FromHours(1));
        clock.Now.ShouldBe(Start);
        using (clock.RegisterActor())
        {
            await clock.WaitAsync(TimeSpan.FromMinutes(30), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        }

        clock.Now.ShouldBe(Start.AddMinutes(30));
    }
}
