using DerSim.Ocpp;
using DerSim.Ocpp.Json;
using DerSim.Ocpp.Transport;
using DerSim.Sim.Timing;
using Microsoft.Extensions.Time.Testing;

namespace DerSim.Sim.Tests.Load;

/// <summary>The shared timer wheel: timers fire once their time passed (never before), on a fake clock, and not after dispose or change.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class TimerWheelTimeProviderTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Test]
    public async Task A_delay_ends_after_its_time_not_before()
    {
        var fake = new FakeTimeProvider();
        using var wheel = new TimerWheelTimeProvider(fake);
        var delay = Task.Delay(TimeSpan.FromSeconds(5), wheel);

        fake.Advance(TimeSpan.FromSeconds(4.9));
        await Task.Yield();
        delay.IsCompleted.ShouldBeFalse();
        fake.Advance(TimeSpan.FromSeconds(0.2));

        await delay.WaitAsync(Wait);
        wheel.Pending.ShouldBe(0);
    }

    [Test]
    public async Task Many_timers_over_several_turns_each_fire_once()
    {
        var fake = new FakeTimeProvider();
        using var wheel = new TimerWheelTimeProvider(fake);
        var fired = new int[500];
        var all = new CountdownEvent(fired.Length);
        var timers = Enumerable.Range(0, fired.Length).Select(i => wheel.CreateTimer(_ =>
        {
            Interlocked.Increment(ref fired[i]);
            all.Signal();
        }, null, TimeSpan.FromMilliseconds(37 * (i + 1)), Timeout.InfiniteTimeSpan)).ToList();

        for (var step = 0; step < 2000; step++)
        {
            fake.Advance(TimeSpan.FromMilliseconds(10));
        }

        await Task.Run(() => all.Wait(Wait)).WaitAsync(Wait);
        fired.ShouldAllBe(n => n == 1);
        timers.ForEach(t => t.Dispose());
    }

    [Test]
    public async Task A_periodic_timer_repeats_and_a_disposed_one_stops()
    {
        var fake = new FakeTimeProvider();
        using var wheel = new TimerWheelTimeProvider(fake);
        var count = 0;
        var three = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var timer = wheel.CreateTimer(_ =>
        {
            if (Interlocked.Increment(ref count) == 3)
            {
                three.TrySetResult();
            }
        }, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        for (var i = 0; i < 35 && !three.Task.IsCompleted; i++)
        {
            fake.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(5);
        }

        await three.Task.WaitAsync(Wait);
        timer.Dispose();
        var after = Volatile.Read(ref count);
        fake.Advance(TimeSpan.FromSeconds(5));
        await Task.Delay(50);
        Volatile.Read(ref count).ShouldBe(after);
        wheel.Pending.ShouldBe(0);
    }

    [Test]
    public async Task A_connections_keep_alive_is_one_wheel_entry_that_leaves_with_the_connection()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await using var server = new OcppServer(new OcppServerOptions { ActionTables = OcppActionTables.For }, (_, ct) => Task.Delay(Timeout.Infinite, ct));
        await server.StartAsync(cts.Token);
        using var wheel = new TimerWheelTimeProvider(TimeProvider.System);
        var options = new OcppClientOptions { Url = server.Url, StationId = "WHEEL-1", Version = OcppVersion.V16, KeepAliveInterval = TimeSpan.FromSeconds(30) };

        var station = await new OcppClient(options, OcppActionTables.For(OcppVersion.V16), wheel).ConnectAsync(cts.Token);
        var run = station.RunAsync(cts.Token);

        // The keep-alive's timer is in the wheel, not the runtime's timer queue; closing the connection takes it out,
        // so a load run's reconnects leave nothing behind.
        wheel.Pending.ShouldBe(1);
        await station.DisposeAsync();
        await run.WaitAsync(Wait, cts.Token);
        wheel.Pending.ShouldBe(0);
    }
}
