using DerSim.Sim.Load;

namespace DerSim.Sim.Tests.Load;

/// <summary>Summaries with known figures for the report's tests: one minute of 1,000 stations, credentials in the URL.</summary>
internal static class LoadSummaryExamples
{
    public static readonly DateTimeOffset Start = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    /// <summary>A password, a query token and a fragment that no report may show.</summary>
    public const string SecretTarget = "wss://operator:s3cret-pass@csms.example.com:8443/ocpp?token=abc123#frag";

    /// <summary>The second at which no CALL was answered (a gap in the latency chart).</summary>
    public const int QuietSecond = 30;

    /// <summary>
    /// One run of 1,000 stations for 60 s: a sample per second, the stations up by second 12, MeterValues latencies of
    /// 1 ms to 26 ms, two CALLERROR codes (one of them markup, to be shown as text), a CSMS-sent action, and no answer at
    /// all during <see cref="QuietSecond"/>.
    /// </summary>
    public static LoadSummary OneMinute(int samples = 60)
    {
        var meter = new LatencyHistogram();
        var boot = new LatencyHistogram();
        var timeline = new List<LoadSample>();
        for (var second = 1; second <= samples; second++)
        {
            var perSecond = new LatencyHistogram();
            if (second != QuietSecond)
            {
                for (var i = 0; i < 100; i++)
                {
                    // 1 ms to 10.9 ms, and a tail of the slowest 5 % that grows by 0.25 ms a second.
                    var micros = 1_000 + (i * 100) + (i >= 95 ? second * 250 : 0);
                    meter.RecordMicros(micros);
                    perSecond.RecordMicros(micros);
                }
            }

            if (second <= 12)
            {
                for (var i = 0; i < 84; i++)
                {
                    boot.RecordMicros(5_000 + (i * 100));
                    perSecond.RecordMicros(5_000 + (i * 100));
                }
            }

            var up = Math.Min(1000, second * 84);
            timeline.Add(new LoadSample
            {
                AtSeconds = second,
                Connected = up,
                Booted = Math.Min(997, up),
                Charging = second > 15 ? Math.Min(700, (second - 15) * 50) : 0,
                FramesSent = 2_000,
                FramesReceived = 1_980,
                Latency = perSecond.Snapshot(),
            });
        }

        return new LoadSummary
        {
            Run = new LoadRun
            {
                Target = SecretTarget,
                OcppVersion = "2.0.1",
                Profile = "EVSE-AC-22kW-1port",
                Stations = 1000,
                StartedAt = Start,
                EndedAt = Start.AddSeconds(samples),
            },
            Stations = new LoadStations { Requested = 1000, Connected = 998, Booted = 997, Charging = 640, PeakConnected = 1000, PeakCharging = 700, AllBootedAfterSeconds = 12.5 },
            Frames = new LoadFrames { Sent = 120_000, Received = 118_800, Lost = 3 },
            Actions =
            [
                new LoadActionFigures
                {
                    Action = "MeterValues",
                    CalledBy = "station",
                    Calls = meter.Count + 7,
                    Answered = meter.Count - 5,
                    CallErrors = new Dictionary<string, long> { ["InternalError"] = 4, ["<b>Odd</b>"] = 1 },
                    Unanswered = 7,
                    Latency = meter.Snapshot(),
                },
                new LoadActionFigures
                {
                    Action = "BootNotification",
                    CalledBy = "station",
                    Calls = boot.Count,
                    Answered = boot.Count - 2,
                    CallErrors = new Dictionary<string, long> { ["InternalError"] = 2 },
                    Latency = boot.Snapshot(),
                },
                new LoadActionFigures { Action = "SetChargingProfile", CalledBy = "csms", Calls = 3, Answered = 3 },
            ],
            Reconnects = 2,
            Process = new LoadProcess
            {
                CpuSeconds = 6,
                PeakWorkingSetBytes = 200L << 20,
                SteadyWorkingSetBytes = 150L << 20,
                BaselineWorkingSetBytes = 100L << 20,
                SteadyManagedBytes = 30L << 20,
                GcPauseSeconds = 1.25,
                FullCollections = 3,
            },
            Timeline = timeline,
        };
    }
}
