using DerSim.Sim.Timing;


namespace DerSim.Sim.Tests.Timing;

/// <summary>The discrete-event clock: time moves only when every actor waits, holds stop it, timers fire on the way.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class VirtualClockTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Long enough for a continuation that should not run to have run.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(100);

    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

    [Test]
    public async Task Time_jumps_to_the_earliest_deadline_only_when_every_actor_waits()
    {
        var clock = new VirtualClock(Start);
        var a = clock.RegisterActor();
        using var b = clock.RegisterActor();

        var aWait = clock.WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None);
        await Task.Delay(Settle);
        aWait.IsCompleted.ShouldBeFalse("B still runs");
        clock.Now.ShouldBe(Start);

        var bWait = clock.WaitAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
        await aWait.WaitAsync(Limit);
        clock.Now.ShouldBe(Start.AddSeconds(10), "the earliest deadline, not the later one");
        bWait.IsCompleted.ShouldBeFalse();

        // A ends instead of waiting again: B is the only actor left and waits, so time moves on to its deadline.
        a.Dispose();
        await bWait.WaitAsync(Limit);
        clock.Now.ShouldBe(Start.AddSeconds(30));
        clock.Time.GetUtcNow().ShouldBe(Start.AddSeconds(30));
    }

    [Test]
    public async Task Setting_the_present_moves_what_stations_read_but_not_the_waits_and_timestamps_stay_monotonic()
    {
        var clock = new VirtualClock(Start);
        using var actor = clock.RegisterActor();
        var before = clock.Time.GetTimestamp();
        var csms = new DateTimeOffset(2031, 5, 1, 12, 0, 0, TimeSpan.Zero);
        clock.SetPresent(csms.AddYears(-10));
        clock.SetPresent(csms);
        clock.Now.ShouldBe(csms);

        await clock.WaitAsync(TimeSpan.FromSeconds(30), CancellationToken.None).WaitAsync(Limit);

        clock.Now.ShouldBe(csms.AddSeconds(30), "the wait still lasted 30 s, counted from the new present");
        clock.Time.GetUtcNow().ShouldBe(clock.Now);
        clock.Time.GetElapsedTime(before).ShouldBe(TimeSpan.FromSeconds(30), "timestamps follow the timeline, not the jumps");
    }

    [Test]
    public async Task With_no_actor_time_stands_still()
    {
        var clock = new VirtualClock(Start);
        var wait = clock.WaitAsync(TimeSpan.FromSeconds(1), CancellationToken.None);
        await Task.Delay(Settle);
        wait.IsCompleted.ShouldBeFalse();
        clock.Now.ShouldBe(Start);

        using var actor = clock.RegisterActor();
        _ = clock.WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
        await wait.WaitAsync(Limit);
        clock.Now.ShouldBe(Start.AddSeconds(1));
    }

    [Test]
    public async Task A_hold_stops_time_until_released()
    {
        var clock = new VirtualClock(Start);
        using var actor = clock.RegisterActor();
        var hold = clock.Hold();
        var second = clock.Hold();

        var wait = clock.WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
        await Task.Delay(Settle);
        wait.IsCompleted.ShouldBeFalse();

        hold.Dispose();
        hold.Dispose();
        await Task.Delay(Settle);
        wait.IsCompleted.ShouldBeFalse("one hold is still taken (and disposing twice releases once)");
        clock.Now.ShouldBe(Start);

        second.Dispose();
        await wait.WaitAsync(Limit);
        clock.Now.ShouldBe(Start.AddSeconds(5));
    }

    [Test]
    public async Task Timers_fire_in_order_as_time_passes()
    {
        var clock = new VirtualClock(Start);
        var fired = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var t3 = clock.Time.CreateTimer(_ => fired.Enqueue("3s"), null, TimeSpan.FromSeconds(3), Timeout.InfiniteTimeSpan);
        using var t1 = clock.Time.CreateTimer(_ => fired.Enqueue("1s"), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        using var periodic = clock.Time.CreateTimer(_ => fired.Enqueue("every 2s"), null, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2));
        var disposed = clock.Time.CreateTimer(_ => fired.Enqueue("disposed"), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        disposed.Dispose();
        using var actor = clock.RegisterActor();

        await clock.WaitAsync(TimeSpan.FromSeconds(1.5), CancellationToken.None).WaitAsync(Limit);
        await WaitForCountAsync(fired, 1);
        fired.ShouldBe(["1s"]);

        await clock.WaitAsync(TimeSpan.FromSeconds(1), CancellationToken.None).WaitAsync(Limit);
        await WaitForCountAsync(fired, 2);
        fired.ShouldBe(["1s", "every 2s"]);

        // Changing a timer moves its deadline from the present.
        t3.Change(TimeSpan.FromSeconds(10), Timeout.InfiniteTimeSpan).ShouldBeTrue();
        await clock.WaitAsync(TimeSpan.FromSeconds(2), CancellationToken.None).WaitAsync(Limit);
        await WaitForCountAsync(fired, 3);
        await Task.Delay(Settle);
        fired.ShouldBe(["1s", "every 2s", "every 2s"]);
        clock.Now.ShouldBe(Start.AddSeconds(4.5));
    }

    [Test]
    public async Task A_cancelled_wait_is_forgotten()
    {
        var clock = new VirtualClock(Start);
        using var a = clock.RegisterActor();
        using var b = clock.RegisterActor();
        using var cts = new CancellationTokenSource();

        var cancelled = clock.WaitAsync(TimeSpan.FromSeconds(10), cts.Token);
        await cts.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(() => cancelled.WaitAsync(Limit));

        // Its 10 s deadline no longer counts: A waits 20 s, B 30 s, and time jumps to 20 s.
        var aWait = clock.WaitAsync(TimeSpan.FromSeconds(20), CancellationToken.None);
        var bWait = clock.WaitAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
        await aWait.WaitAsync(Limit);
        clock.Now.ShouldBe(Start.AddSeconds(20));
        bWait.IsCompleted.ShouldBeFalse();

        (await Should.ThrowAsync<OperationCanceledException>(() => clock.WaitAsync(TimeSpan.FromSeconds(1), cts.Token))).ShouldNotBeNull();
    }

    private static async Task WaitForCountAsync<T>(System.Collections.Concurrent.ConcurrentQueue<T> queue, int count)
    {
        // Timer callbacks run on the thread pool after the jump.
        for (var i = 0; i < 100 && queue.Count < count; i++)
        {
            await Task.Delay(10);
        }

        queue.Count.ShouldBeGreaterThanOrEqualTo(count);
    }
}
