using System.Text.Json;
using DerSim.Csms;
using DerSim.Ocpp;
using DerSim.Ocpp.Rpc;

namespace DerSim.Sim.Tests.Loopback;

/// <summary>
/// The station adopts what the CSMS answered to BootNotification before it handles the CSMS's next CALL, as a station
/// that handles its messages one at a time does. Found under load: a CSMS that read HeartbeatInterval right after
/// accepting the boot was told 0 (features/core/boot-outcomes.feature failed once in a run of 156 scenarios).
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class BootAnswerOrderTests
{
    [TestCase(OcppVersion.V16)]
    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task A_csms_reading_the_heartbeat_interval_right_after_accepting_the_boot_reads_the_interval_it_gave(OcppVersion version)
    {
        var id = $"BOOT-ORDER-{version}";
        // Pending first, so the boot that is accepted is sent while the station's receive loop already runs (the first
        // CALL of a connection goes out before it starts).
        await using var csms = new ReferenceCsms(new ReferenceCsmsOptions { HeartbeatIntervalSeconds = 1, BootStatus = CsmsBootStatus.Pending });
        await csms.StartAsync();
        var read = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        csms.Frame += (station, frame) =>
        {
            if (station == id && frame is { Direction: FrameDirection.Outbound, MessageType: OcppMessageType.CallResult, Action: "BootNotification" }
                && frame.Raw.Contains("Pending", StringComparison.Ordinal))
            {
                csms.BootStatus = CsmsBootStatus.Accepted;
            }

            // Raised as the CSMS's Accepted answer goes out: the read below is queued behind it on the wire.
            if (station == id && frame is { Direction: FrameDirection.Outbound, MessageType: OcppMessageType.CallResult, Action: "BootNotification" }
                && frame.Raw.Contains("Accepted", StringComparison.Ordinal))
            {
                _ = Task.Run(async () =>
                {
                    try
                    {
                        read.TrySetResult(await csms.CallRawAsync(id, ReadAction(version), Rig.Json(ReadPayload(version))));
                    }
                    catch (Exception ex)
                    {
                        read.TrySetException(ex);
                    }
                });
            }
        };

        // A loaded machine: the station's thread that sent BootNotification is slow to reach the wait for its answer, so
        // the answer is read first and the rest of the boot runs on the sending thread, alongside the receive loop that
        // is already handling the CSMS's next CALL. What the answer says must hold for that CALL all the same.
        var slow = new SlowCallTimers(TimeSpan.FromMilliseconds(400));
        await using var station = StationUnderTest.Start(csms.Url, version, id, time: slow);

        var answer = await read.Task.WaitAsync(TimeSpan.FromSeconds(10));

        slow.Delayed.ShouldBeGreaterThan(0, "the answer timer of the station's CALLs was never armed through the slow clock: the test no longer makes the race");
        IntervalIn(answer, version).ShouldBe("1");
    }

    private static string ReadAction(OcppVersion version) => version == OcppVersion.V16 ? "GetConfiguration" : "GetVariables";

    private static string ReadPayload(OcppVersion version) => version == OcppVersion.V16
        ? """{"key":["HeartbeatInterval"]}"""
        : """{"getVariableData":[{"component":{"name":"OCPPCommCtrlr"},"variable":{"name":"HeartbeatInterval"}}]}""";

    private static string? IntervalIn(JsonElement answer, OcppVersion version) => version == OcppVersion.V16
        ? answer.GetProperty("configurationKey")[0].GetProperty("value").GetString()
        : answer.GetProperty("getVariableResult")[0].GetProperty("attributeValue").GetString();

    /// <summary>
    /// The system clock, except that arming the peer's answer timer of an outgoing CALL (the last step before the sender
    /// waits for the answer; its state is the peer's PendingTimeout) takes <c>delay</c>.
    /// </summary>
    private sealed class SlowCallTimers(TimeSpan delay) : TimeProvider
    {
        private int _delayed;

        public int Delayed => Volatile.Read(ref _delayed);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            if (state?.GetType().Name == "PendingTimeout")
            {
                Interlocked.Increment(ref _delayed);
                Thread.Sleep(delay);
            }

            return System.CreateTimer(callback, state, dueTime, period);
        }
    }
}
