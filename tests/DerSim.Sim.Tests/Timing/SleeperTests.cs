using DerSim.Sim.Timing;
using Microsoft.Extensions.Time.Testing;

namespace DerSim.Sim.Tests.Timing;

/// <summary>The reusable wait of a station's sampling and heartbeat loops: one timer, woken or elapsed, a wake never lost.</summary>
public sealed class SleeperTests
{
    [Test]
    public async Task A_wait_ends_when_its_time_has_passed_and_not_before()
    {
        var time = new FakeTimeProvider();
        using var sleeper = new Sleeper(time);

        var wait = sleeper.SleepAsync(TimeSpan.FromSeconds(10));
        time.Advance(TimeSpan.FromSeconds(9.9));
        wait.IsCompleted.ShouldBeFalse();
        time.Advance(TimeSpan.FromSeconds(0.1));

        (await wait).ShouldBeTrue();
    }

    [Test]
    public async Task A_wake_ends_the_wait_with_false_and_the_next_wait_runs_its_full_time()
    {
        var time = new FakeTimeProvider();
        using var sleeper = new Sleeper(time);

        var first = sleeper.SleepAsync(TimeSpan.FromSeconds(10));
        time.Advance(TimeSpan.FromSeconds(6));
        sleeper.Wake();
        (await first).ShouldBeFalse();

        // The first wait's timer (due at 10 s) must not end the second one (due at 16 s).
        var second = sleeper.SleepAsync(TimeSpan.FromSeconds(10));
        time.Advance(TimeSpan.FromSeconds(5));
        second.IsCompleted.ShouldBeFalse();
        time.Advance(TimeSpan.FromSeconds(5));

        (await second).ShouldBeTrue();
    }

    [Test]
    public async Task A_wake_while_nothing_waits_ends_the_next_wait_at_once_and_only_that_one()
    {
        var time = new FakeTimeProvider();
        using var sleeper = new Sleeper(time);

        sleeper.Wake();
        sleeper.Wake();
        var woken = sleeper.SleepAsync(TimeSpan.FromSeconds(10));
        woken.IsCompleted.ShouldBeTrue();
        (await woken).ShouldBeFalse();

        var next = sleeper.SleepAsync(TimeSpan.FromSeconds(10));
        next.IsCompleted.ShouldBeFalse();
        time.Advance(TimeSpan.FromSeconds(10));
        (await next).ShouldBeTrue();
    }

    [Test]
    public async Task A_cancelled_token_registered_once_wakes_every_wait_after_it()
    {
        var time = new FakeTimeProvider();
        using var sleeper = new Sleeper(time);
        using var lifetime = new CancellationTokenSource();
        using var registration = sleeper.WakeOn(lifetime.Token);

        var wait = sleeper.SleepAsync(TimeSpan.FromMinutes(1));
        await lifetime.CancelAsync();

        (await wait).ShouldBeFalse();
    }

    [Test]
    public async Task Two_waits_at_once_are_refused()
    {
        var time = new FakeTimeProvider();
        using var sleeper = new Sleeper(time);
        var running = sleeper.SleepAsync(TimeSpan.FromSeconds(1));

        Should.Throw<InvalidOperationException>(() => sleeper.SleepAsync(TimeSpan.FromSeconds(1)).AsTask()).Message.ShouldBe("a sleeper waits once at a time");
        time.Advance(TimeSpan.FromSeconds(1));
        (await running).ShouldBeTrue();
    }

    [Test]
    public void Waiting_again_and_again_allocates_nothing_per_wait()
    {
        var time = new FakeTimeProvider();
        using var sleeper = new Sleeper(time);
        for (var i = 0; i < 10; i++)
        {
            Cycle(sleeper);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            Cycle(sleeper);
        }

        // A Task.Delay with a linked token source was ~0.5 KB a wait; 1,000 waits stay far below one such wait each.
        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBeLessThan(1000 * 64);

        static void Cycle(Sleeper sleeper)
        {
            var wait = sleeper.SleepAsync(TimeSpan.FromSeconds(10));
            sleeper.Wake();
            wait.GetAwaiter().GetResult().ShouldBeFalse();
        }
    }
}
