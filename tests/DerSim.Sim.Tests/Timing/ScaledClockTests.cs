using Microsoft.Extensions.Time.Testing;
using DerSim.Sim.Timing;

namespace DerSim.Sim.Tests.Timing;

/// <summary>Real time run faster: timestamps advance scale× and timers fire scale× sooner, measured on a fake real clock.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class ScaledClockTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);

    [Test]
    public void Timestamps_run_scale_times_faster_from_the_real_present()
    {
        var real = new FakeTimeProvider(Start);
        var clock = new ScaledClock(real, 60);
        clock.Time.GetUtcNow().ShouldBe(Start);

        real.Advance(TimeSpan.FromSeconds(1));
        clock.Time.GetUtcNow().ShouldBe(Start.AddMinutes(1));

        real.Advance(TimeSpan.FromMilliseconds(500));
        clock.Time.GetUtcNow().ShouldBe(Start.AddSeconds(90));
        clock.Time.GetElapsedTime(0).ShouldBeGreaterThan(TimeSpan.Zero);
    }

    [Test]
    public async Task A_simulated_wait_takes_one_scaleth_of_real_time()
    {
        var real = new FakeTimeProvider(Start);
        var clock = new ScaledClock(real, 120);
        var wait = clock.WaitAsync(TimeSpan.FromMinutes(2), CancellationToken.None);

        real.Advance(TimeSpan.FromMilliseconds(990));
        wait.IsCompleted.ShouldBeFalse("2 simulated minutes at 120x are 1 real second");

        real.Advance(TimeSpan.FromMilliseconds(10));
        await wait.WaitAsync(TimeSpan.FromSeconds(5));
        clock.Time.GetUtcNow().ShouldBe(Start.AddMinutes(2));
    }

    [Test]
    public void Periodic_and_changed_timers_are_scaled_too()
    {
        var real = new FakeTimeProvider(Start);
        var clock = new ScaledClock(real, 10);
        var ticks = 0;
        using var timer = clock.Time.CreateTimer(_ => Interlocked.Increment(ref ticks), null, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20));

        real.Advance(TimeSpan.FromSeconds(1));
        ticks.ShouldBe(1);
        real.Advance(TimeSpan.FromSeconds(2));
        ticks.ShouldBe(2);

        timer.Change(TimeSpan.FromSeconds(50), Timeout.InfiniteTimeSpan).ShouldBeTrue();
        real.Advance(TimeSpan.FromSeconds(4.9));
        ticks.ShouldBe(2);
        real.Advance(TimeSpan.FromSeconds(0.1));
        ticks.ShouldBe(3);
        real.Advance(TimeSpan.FromSeconds(60));
        ticks.ShouldBe(3, "a one-shot after the change");
    }

    [Test]
    public void At_scale_1_the_real_provider_is_used_as_it_is()
    {
        var real = new FakeTimeProvider(Start);
        new ScaledClock(real, 1).Time.ShouldBeSameAs(real);
        Should.Throw<ArgumentOutOfRangeException>(() => new ScaledClock(real, 0));
        Should.Throw<ArgumentOutOfRangeException>(() => new ScaledClock(real, -2));
    }
}
