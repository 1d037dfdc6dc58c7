using System.Collections.Concurrent;
using System.Diagnostics;
using DerSim.Csms;
using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;
using DerSim.Ocpp;
using DerSim.Ocpp.Rpc;
using DerSim.Ocpp.Transport;
using DerSim.Ocpp.Validation;
using DerSim.Sim.Runtime;
using DerSim.Sim.Timing;
using DerSim.Sim.Engine;

namespace DerSim.Bench.Sessions;

/// <summary>
/// One station running its session plan against a reference CSMS over a real WebSocket on 127.0.0.1, on its own
/// <see cref="VirtualClock"/>: the way the harness's session tests run it (SessionRig), with a stopwatch around it.
/// </summary>
public static class BenchStation
{
    /// <summary>Where every station's virtual clock starts.</summary>
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Runs <paramref name="stationId"/> with <paramref name="profile"/> until its sessions end (or
    /// <paramref name="timeout"/> of wall time passes), then disconnects it and checks at the CSMS that every
    /// transaction it started has ended.
    /// </summary>
    public static async Task<StationResult> RunAsync(
        ReferenceCsms csms, EvseProfile profile, OcppVersion version, string stationId, IOcppSchemaValidator? validator, SessionPlan plan, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(csms);
        var station = new ChargingStation(stationId, profile);
        var options = new OcppClientOptions
        {
            Url = csms.Url,
            StationId = stationId,
            Version = version,
            Reconnect = new OcppReconnectPolicy { InitialDelay = TimeSpan.FromMilliseconds(200), MaxDelay = TimeSpan.FromSeconds(1), MaxAttempts = 3 },
            Rpc = new OcppRpcOptions { Validator = validator, ValidateInbound = validator is not null, ValidateOutbound = validator is not null },
        };
        var log = new ConcurrentQueue<string>();
        var clock = new VirtualClock(Start);
        var runner = new StationRunner(station, options, TimeProvider.System, log.Enqueue, plan, clock);
        var frames = 0;
        runner.Frame += _ => Interlocked.Increment(ref frames);
        long booted = 0;
        runner.Booted += _ => Interlocked.CompareExchange(ref booted, Stopwatch.GetTimestamp(), 0);

        using var stop = new CancellationTokenSource();
        var started = Stopwatch.GetTimestamp();
        var running = Task.Run(() => runner.RunAsync(stop.Token));
        string? failure = null;
        try
        {
            await runner.SessionsCompleted.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            failure = $"sessions not done after {timeout.TotalSeconds:0} s wall";
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            failure = $"sessions failed: {ex.Message}";
        }

        var wall = Stopwatch.GetElapsedTime(started);
        var simulated = clock.Now - Start;
        var count = Volatile.Read(ref frames);
        var toBoot = Interlocked.Read(ref booted) is var b and > 0 ? Stopwatch.GetElapsedTime(started, b) : TimeSpan.Zero;
        await stop.CancelAsync();
        try
        {
            await running.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception ex) when (ex is OperationCanceledException or OcppConnectException or TimeoutException)
        {
            // The normal end of a run (or a station that never connected, reported through its failure).
        }

        failure ??= CheckAtCsms(csms, stationId, profile);
        if (failure is not null)
        {
            failure += $" (station log: {string.Join(" | ", log.TakeLast(5))})";
        }

        return new StationResult(stationId, wall, toBoot, simulated, count, runner.Engine.SampleInterval, failure);
    }

    /// <summary>The CSMS saw one transaction per EVSE, each ended: the run did the whole session.</summary>
    private static string? CheckAtCsms(ReferenceCsms csms, string stationId, EvseProfile profile)
    {
        if (!csms.Stations.TryGetValue(stationId, out var state))
        {
            return "the CSMS never saw the station";
        }

        var transactions = state.Transactions.Values.ToList();
        if (transactions.Count != profile.Evses.Count)
        {
            return $"the CSMS saw {transactions.Count} transaction(s), expected {profile.Evses.Count}";
        }

        return transactions.All(t => t.EndedAt is not null) ? null : "a transaction did not end at the CSMS";
    }
}
