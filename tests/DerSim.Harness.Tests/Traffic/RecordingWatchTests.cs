using DerSim.Harness.Traffic;
using DerSim.Ocpp.Rpc;

namespace DerSim.Harness.Tests.Traffic;

public sealed class RecordingWatchTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task A_recorded_frame_wakes_the_watch()
    {
        var recorder = new TrafficRecorder();
        using var watch = new RecordingWatch(recorder);

        var changed = watch.ChangedAsync(TimeSpan.FromSeconds(10), CancellationToken.None);
        Record(recorder);

        (await changed).ShouldBeTrue();
        (await watch.ChangedAsync(TimeSpan.FromMilliseconds(20), CancellationToken.None)).ShouldBeFalse();
    }

    /// <summary>
    /// The race that closed a station's connection in CI (features/der/trip-and-alarm.feature, "closed by the peer"): a
    /// station records a frame on its own thread while the step that watched the traffic finishes. The event's delegate
    /// list was read before the watch left, so the watch's handler still runs; it must not throw back into the station.
    /// </summary>
    [Test]
    public void A_frame_recorded_while_the_watch_ends_does_not_throw_into_the_station()
    {
        var recorder = new TrafficRecorder();
        RecordingWatch? watch = null;
        recorder.Recorded += _ => watch!.Dispose();
        watch = new RecordingWatch(recorder);

        Should.NotThrow(() => Record(recorder));
    }

    private static void Record(TrafficRecorder recorder) =>
        recorder.Record("DERSIM-W-1", new OcppFrameEvent(FrameDirection.Outbound, At, """[2,"m1","Heartbeat",{}]""", OcppMessageType.Call, "m1", "Heartbeat", [], null, null), At);
}
