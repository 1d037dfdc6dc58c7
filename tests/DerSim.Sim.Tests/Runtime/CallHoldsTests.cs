using DerSim.Ocpp.Rpc;
using DerSim.Sim.Runtime;
using Microsoft.Extensions.Time.Testing;
using DerSim.Sim.Timing;

namespace DerSim.Sim.Tests.Runtime;

/// <summary>OCPP exchanges hold virtual time from CALL to answer, and let go when the answer never comes or the connection ends.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class CallHoldsTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    [Test]
    public async Task A_CALL_holds_time_until_its_answer_either_way()
    {
        var (clock, holds, _) = Rig();
        using var actor = clock.RegisterActor();

        holds.OnFrame(Frame(FrameDirection.Outbound, OcppMessageType.Call, "7"));
        holds.OnFrame(Frame(FrameDirection.Inbound, OcppMessageType.Call, "7"));
        var wait = clock.WaitAsync(TimeSpan.FromSeconds(60), CancellationToken.None);

        // An answer to the other side's id does not release ours.
        holds.OnFrame(Frame(FrameDirection.Outbound, OcppMessageType.CallResult, "7"));
        await Task.Delay(Settle);
        wait.IsCompleted.ShouldBeFalse();
        holds.Open.ShouldBe(1);

        holds.OnFrame(Frame(FrameDirection.Inbound, OcppMessageType.CallError, "7"));
        await wait.WaitAsync(Limit);
        holds.Open.ShouldBe(0);
    }

    [Test]
    public async Task An_unanswered_CALL_lets_time_move_after_the_call_timeout()
    {
        var (clock, holds, real) = Rig();
        using var actor = clock.RegisterActor();
        holds.OnFrame(Frame(FrameDirection.Outbound, OcppMessageType.Call, "1"));
        var wait = clock.WaitAsync(TimeSpan.FromSeconds(60), CancellationToken.None);

        real.Advance(CallTimeout - TimeSpan.FromSeconds(1));
        await Task.Delay(Settle);
        wait.IsCompleted.ShouldBeFalse("the call may still be answered");

        real.Advance(TimeSpan.FromSeconds(1));
        await wait.WaitAsync(Limit);
        holds.Open.ShouldBe(0);

        // The late answer changes nothing.
        holds.OnFrame(Frame(FrameDirection.Inbound, OcppMessageType.CallResult, "1"));
        holds.Open.ShouldBe(0);
    }

    [Test]
    public async Task The_end_of_the_connection_lets_every_exchange_go_and_later_frames_hold_nothing()
    {
        var (clock, holds, _) = Rig();
        using var actor = clock.RegisterActor();
        holds.OnFrame(Frame(FrameDirection.Outbound, OcppMessageType.Call, "1"));
        holds.OnFrame(Frame(FrameDirection.Inbound, OcppMessageType.Call, "a"));
        var wait = clock.WaitAsync(TimeSpan.FromSeconds(60), CancellationToken.None);

        holds.Dispose();
        await wait.WaitAsync(Limit);

        holds.OnFrame(Frame(FrameDirection.Outbound, OcppMessageType.Call, "2"));
        holds.Open.ShouldBe(0);
        await clock.WaitAsync(TimeSpan.FromSeconds(1), CancellationToken.None).WaitAsync(Limit);
    }

    [Test]
    public async Task With_a_log_an_unanswered_CALL_of_the_station_is_told_once_and_nothing_else()
    {
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var (clock, holds, real) = Rig(log.Enqueue);
        using var actor = clock.RegisterActor();
        holds.OnFrame(Frame(FrameDirection.Outbound, OcppMessageType.Call, "answered"));
        holds.OnFrame(Frame(FrameDirection.Inbound, OcppMessageType.CallResult, "answered"));
        holds.OnFrame(Frame(FrameDirection.Outbound, OcppMessageType.Call, "lost"));
        holds.OnFrame(Frame(FrameDirection.Inbound, OcppMessageType.Call, "theirs"));
        var wait = clock.WaitAsync(TimeSpan.FromSeconds(60), CancellationToken.None);

        real.Advance(CallTimeout);
        await wait.WaitAsync(Limit);

        // The CSMS's CALL is ours to answer: its hold lets go too, but it is no lost answer of the CSMS.
        log.ShouldHaveSingleItem().ShouldBe("lock-step: no answer to Heartbeat (message id lost) within the call timeout (30 s of wall time); simulated time, held still since it was sent, moves on");
    }

    private static (VirtualClock Clock, CallHolds Holds, FakeTimeProvider Real) Rig(Action<string>? log = null)
    {
        var clock = new VirtualClock(Start);
        var real = new FakeTimeProvider(Start);
        return (clock, new CallHolds(clock, real, CallTimeout, log), real);
    }

    private static OcppFrameEvent Frame(FrameDirection direction, OcppMessageType type, string id) =>
        new(direction, Start, $"[{(int)type},\"{id}\"]", type, id, type == OcppMessageType.Call ? "Heartbeat" : null, [], null, null);
}
