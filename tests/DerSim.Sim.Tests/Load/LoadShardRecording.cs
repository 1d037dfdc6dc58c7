using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DerSim.Ocpp;
using DerSim.Ocpp.Json;
using DerSim.Ocpp.Rpc;
using DerSim.Ocpp.Transport;
using DerSim.Sim.Load;

namespace DerSim.Sim.Tests.Load;

/// <summary>
/// One shard of a load run recorded for real, in the test process, keeping every latency it measured (a
/// <c>./sim --stations N --shard K/N</c> process keeps only its histograms; LoadMergeCommandTests runs four of those):
/// <paramref name="Stations"/> bare OCPP 2.0.1 connections to a CSMS each send BootNotification, a
/// StatusNotification, Heartbeats and one MeterValues without its required fields (the CSMS answers a CALLERROR), every
/// answer timed with a stopwatch into the summary's histograms, a sample per second into its timeline. Besides the
/// summary it keeps every latency it recorded, so a test can work out exact percentiles and check the merged histograms.
/// </summary>
/// <param name="Summary">The shard's summary, as summary.json holds it.</param>
/// <param name="LatenciesMicros">Every CALL → answer latency the shard recorded, in µs.</param>
internal sealed record LoadShardRecording(LoadSummary Summary, IReadOnlyList<long> LatenciesMicros)
{
    /// <summary>Records one shard against <paramref name="csms"/>: <paramref name="stations"/> stations, each about 1.5 s of calls.</summary>
    public static async Task<LoadShardRecording> RecordAsync(Uri csms, int shard, int shards, int stations, int heartbeats = 6)
    {
        var figures = new ConcurrentDictionary<string, ActionFigures>(StringComparer.Ordinal);
        var perSecond = new LatencyHistogram();
        var raw = new ConcurrentQueue<long>();
        long sent = 0, received = 0, sentMark = 0, receivedMark = 0;
        int connected = 0, booted = 0;
        var timeline = new List<LoadSample>();
        var clock = Stopwatch.StartNew();
        var started = DateTimeOffset.UtcNow;
        double? allBooted = null;

        void Sample()
        {
            var s = Interlocked.Read(ref sent);
            var r = Interlocked.Read(ref received);
            timeline.Add(new LoadSample
            {
                AtSeconds = Math.Round(clock.Elapsed.TotalSeconds, 3),
                Connected = Volatile.Read(ref connected),
                Booted = Volatile.Read(ref booted),
                FramesSent = s - sentMark,
                FramesReceived = r - receivedMark,
                Latency = perSecond.SnapshotAndReset(),
            });
            (sentMark, receivedMark) = (s, r);
        }

        using var stopSampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            using var tick = new PeriodicTimer(TimeSpan.FromSeconds(1));
            try
            {
                while (await tick.WaitForNextTickAsync(stopSampling.Token))
                {
                    Sample();
                }
            }
            catch (OperationCanceledException)
            {
                // The shard is done; the last, partial second is sampled below.
            }
        });

        async Task<OcppRpcPeer> StationAsync(int number)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"LOAD-{shard}-{number}");
            var client = new OcppClient(new OcppClientOptions
            {
                Url = csms,
                StationId = id,
                Version = OcppVersion.V201,
                // No validator: the broken MeterValues must reach the CSMS, which answers it with a CALLERROR.
                Rpc = new OcppRpcOptions { CallTimeout = TimeSpan.FromSeconds(10) },
            }, OcppActionTables.For(OcppVersion.V201));
            var peer = await client.ConnectAsync();
            peer.Frame += f => Interlocked.Increment(ref f.Direction == FrameDirection.Outbound ? ref sent : ref received);
            _ = Task.Run(() => peer.RunAsync(stopSampling.Token));
            Interlocked.Increment(ref connected);
            return peer;
        }

        async Task CallAsync(OcppRpcPeer peer, string action, string payload)
        {
            using var document = JsonDocument.Parse(payload);
            var figure = figures.GetOrAdd(action, _ => new ActionFigures());
            Interlocked.Increment(ref figure.Calls);
            var watch = Stopwatch.StartNew();
            try
            {
                await peer.CallRawAsync(action, document.RootElement.Clone());
                Interlocked.Increment(ref figure.Answered);
            }
            catch (OcppCallErrorException e) when (e.ErrorCode.Length > 0)
            {
                figure.Errors.AddOrUpdate(e.ErrorCode, 1, (_, n) => n + 1);
            }
            catch (OcppCallTimeoutException)
            {
                Interlocked.Increment(ref figure.Unanswered);
                return;
            }

            var micros = (long)Math.Round(watch.Elapsed.TotalMicroseconds);
            figure.Latency.RecordMicros(micros);
            perSecond.RecordMicros(micros);
            raw.Enqueue(micros);
        }

        var peers = await Task.WhenAll(Enumerable.Range(1, stations).Select(StationAsync));
        await Task.WhenAll(peers.Select(async peer =>
        {
            await CallAsync(peer, "BootNotification", """{"chargingStation":{"model":"DerSim load","vendorName":"DerSim"},"reason":"PowerUp"}""");
            if (Interlocked.Increment(ref booted) == stations)
            {
                allBooted = clock.Elapsed.TotalSeconds;
            }

            await CallAsync(peer, "StatusNotification", $$"""{"timestamp":"{{DateTimeOffset.UtcNow.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}}","connectorStatus":"Available","evseId":1,"connectorId":1}""");
            for (var i = 0; i < heartbeats; i++)
            {
                await Task.Delay(250);
                await CallAsync(peer, "Heartbeat", "{}");
            }

            await CallAsync(peer, "MeterValues", "{}");
        }));

        await stopSampling.CancelAsync();
        await sampler;
        Sample();
        foreach (var peer in peers)
        {
            await peer.DisposeAsync();
        }

        var ended = started + clock.Elapsed;
        var summary = new LoadSummary
        {
            Run = new LoadRun
            {
                Target = csms.AbsoluteUri,
                OcppVersion = "2.0.1",
                Profile = "bare connection (test recorder)",
                Stations = stations,
                ShardIndex = shard,
                ShardCount = shards,
                Validate = false,
                StartedAt = started,
                EndedAt = ended,
            },
            Stations = new LoadStations
            {
                Requested = stations,
                Connected = timeline[^1].Connected,
                Booted = timeline[^1].Booted,
                PeakConnected = timeline.Max(t => t.Connected),
                AllBootedAfterSeconds = allBooted,
            },
            Frames = new LoadFrames { Sent = Interlocked.Read(ref sent), Received = Interlocked.Read(ref received) },
            Actions = [.. figures.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => new LoadActionFigures
            {
                Action = f.Key,
                CalledBy = "station",
                Calls = f.Value.Calls,
                Answered = f.Value.Answered,
                Unanswered = f.Value.Unanswered,
                CallErrors = f.Value.Errors.ToDictionary(StringComparer.Ordinal),
                Latency = f.Value.Latency.Snapshot(),
            })],
            // The shards share the test process: its CPU and memory are nobody's in particular.
            Process = new LoadProcess(),
            Timeline = timeline,
        };
        return new LoadShardRecording(summary, [.. raw]);
    }

    private sealed class ActionFigures
    {
        public long Calls;
        public long Answered;
        public long Unanswered;

        public ConcurrentDictionary<string, long> Errors { get; } = new(StringComparer.Ordinal);

        public LatencyHistogram Latency { get; } = new();
    }
}
