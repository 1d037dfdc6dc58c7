using DerSim.Csms.Tests;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
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

namespace DerSim.Sim.Tests.Loopback;

/// <summary>The reference CSMS and one station running a <see cref="SessionPlan"/> on a virtual clock.</summary>
internal sealed class SessionRig : IAsyncDisposable
{
    private static readonly OcppSchemaValidator Validator = new();
    private readonly CancellationTokenSource _stop = new();
    private IDisposable? _hold;

    private SessionRig(ReferenceCsms csms, CsmsFrames frames, StationRunner runner, OcppVersion version, ConcurrentQueue<string> log, IDisposable? hold)
    {
        _hold = hold;
        Csms = csms;
        Frames = frames;
        Runner = runner;
        Version = version;
        Log = log;
        Running = Task.Run(() => runner.RunAsync(_stop.Token));
    }

    public ReferenceCsms Csms { get; }

    public CsmsFrames Frames { get; }

    public StationRunner Runner { get; }

    public OcppVersion Version { get; }

    public ConcurrentQueue<string> Log { get; }

    public Task Running { get; }

    public string Id => Runner.Station.StationId;

    /// <summary>
    /// Starts the CSMS and the station. With <paramref name="held"/> simulated time stands still from the start until
    /// <see cref="ReleaseTime"/>, so a test can speak to the station before any simulated time passes.
    /// </summary>
    public static async Task<SessionRig> StartAsync(OcppVersion version, string profile, string stationId, SessionPlan plan, bool held = false, TimeSpan? callTimeout = null)
    {
        var csms = new ReferenceCsms(new ReferenceCsmsOptions { HeartbeatIntervalSeconds = 300 });
        var frames = new CsmsFrames(csms);
        await csms.StartAsync();
        var station = new ChargingStation(stationId, EvseProfileLoader.Load(profile, ProfilesDirectory.Locate()));
        var options = new OcppClientOptions
        {
            Url = csms.Url,
            StationId = stationId,
            Version = version,
            Reconnect = new OcppReconnectPolicy { InitialDelay = TimeSpan.FromMilliseconds(200), MaxDelay = TimeSpan.FromSeconds(1), MaxAttempts = 3 },
            Rpc = new OcppRpcOptions { CallTimeout = callTimeout ?? TimeSpan.FromSeconds(5), Validator = Validator },
        };
        var log = new ConcurrentQueue<string>();
        var clock = new VirtualClock(new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero));
        var hold = held ? clock.Hold() : null;
        // A boot answer slower than a short call timeout (a loaded machine) must not cost the default 30 s retry.
        var runner = new StationRunner(station, options, TimeProvider.System, log.Enqueue, plan, clock) { BootErrorRetryInterval = TimeSpan.FromMilliseconds(500) };
        return new SessionRig(csms, frames, runner, version, log, hold);
    }

    /// <summary>The station's CALLs as (action, payload), in wire order.</summary>
    public IReadOnlyList<(string Action, JsonElement Payload)> Calls() =>
        [.. Frames.Of(Id).Where(f => f is { Direction: FrameDirection.Inbound, MessageType: OcppMessageType.Call }).Select(f => (f.Action!, CsmsFrames.Payload(f)))];

    /// <summary>Every frame checked against the official schemas; the violations found.</summary>
    public IReadOnlyList<string> OfficialViolations()
    {
        var official = OfficialSchemas.Require();
        var found = new List<string>();
        foreach (var frame in Frames.Of(Id))
        {
            if (frame.Action is null || frame.MessageType is not (OcppMessageType.Call or OcppMessageType.CallResult))
            {
                continue;
            }

            var kind = frame.MessageType == OcppMessageType.Call ? PayloadKind.Request : PayloadKind.Response;
            foreach (var v in official.Validate(Version, frame.Action, kind, CsmsFrames.Payload(frame).GetRawText()))
            {
                found.Add($"{frame.Action} {kind}: {v} in {frame.Raw}");
            }
        }

        return found;
    }

    /// <summary>The sampled values of <paramref name="measurand"/> in every meter value the station sent, in order, with their timestamps.</summary>
    public IReadOnlyList<(DateTimeOffset At, decimal Value)> Values(string measurand)
    {
        var list = new List<(DateTimeOffset, decimal)>();
        foreach (var (action, payload) in Calls())
        {
            var arrays = action switch
            {
                "MeterValues" => [payload.GetProperty("meterValue")],
                "TransactionEvent" when payload.TryGetProperty("meterValue", out var mv) => [mv],
                "StopTransaction" when payload.TryGetProperty("transactionData", out var td) => [td],
                _ => Array.Empty<JsonElement>(),
            };
            foreach (var meterValue in arrays.SelectMany(a => a.EnumerateArray()))
            {
                var at = meterValue.GetProperty("timestamp").GetDateTimeOffset();
                foreach (var sv in meterValue.GetProperty("sampledValue").EnumerateArray())
                {
                    if (sv.TryGetProperty("measurand", out var m) && m.GetString() == measurand)
                    {
                        var value = sv.GetProperty("value");
                        list.Add((at, value.ValueKind == JsonValueKind.String ? decimal.Parse(value.GetString()!, CultureInfo.InvariantCulture) : value.GetDecimal()));
                    }
                }
            }
        }

        return list;
    }

    /// <summary>Lets simulated time move again after a held start or <see cref="HoldAtAsync"/>.</summary>
    public void ReleaseTime() => Interlocked.Exchange(ref _hold, null)?.Dispose();

    /// <summary>
    /// Holds simulated time still from the moment the CSMS receives a station CALL matching <paramref name="match"/>
    /// (the station holds time until that CALL is answered, so nothing moves in between); completes then.
    /// Release with <see cref="ReleaseTime"/>.
    /// </summary>
    public Task HoldAtAsync(Func<string, JsonElement, bool> match)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnFrame(string stationId, OcppFrameEvent frame)
        {
            if (stationId != Id || frame is not { Direction: FrameDirection.Inbound, MessageType: OcppMessageType.Call, Action: { } action }
                || reached.Task.IsCompleted || !match(action, CsmsFrames.Payload(frame)))
            {
                return;
            }

            Csms.Frame -= OnFrame;
            var hold = Runner.Clock.Hold();
            if (Interlocked.CompareExchange(ref _hold, hold, null) is not null)
            {
                hold.Dispose();
            }

            reached.TrySetResult();
        }

        Csms.Frame += OnFrame;
        return reached.Task;
    }

    /// <summary>Sends a CSMS-initiated CALL given as JSON text and returns the station's answer.</summary>
    public async Task<JsonElement> CallAsync(string action, string payloadJson)
    {
        using var doc = JsonDocument.Parse(payloadJson);
        return await Csms.CallRawAsync(Id, action, doc.RootElement.Clone()).WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>Waits until the CSMS saw a transaction satisfying <paramref name="condition"/>, and returns it.</summary>
    public async Task<CsmsTransaction> WaitForTransactionAsync(Func<CsmsTransaction, bool> condition)
    {
        try
        {
            var state = await Csms.WaitForAsync(Id, s => s.Transactions.Values.Any(condition), TimeSpan.FromSeconds(20));
            return state.Transactions.Values.First(condition);
        }
        catch (TimeoutException ex)
        {
            throw new AssertionException($"{ex.Message}\n{Describe()}");
        }
    }

    /// <summary>Power.Active.Import (whole EVSE) in kW of every meter value the station sent, in wire order.</summary>
    public IReadOnlyList<double> PowerKw() => [.. Values("Power.Active.Import").Select(v => (double)v.Value / 1000)];

    public string Describe() => $"CSMS frames:\n{Frames.Dump(Id)}\nstation log:\n{string.Join("\n", Log)}";

    public async Task WaitForSessionsAsync(TimeSpan timeout)
    {
        try
        {
            await Runner.SessionsCompleted.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new AssertionException($"sessions not done in {timeout}\n{Describe()}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        ReleaseTime();
        await _stop.CancelAsync();
        try
        {
            await Running.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception ex) when (ex is OperationCanceledException or OcppConnectException)
        {
            // The normal end of a run.
        }

        _stop.Dispose();
        await Csms.DisposeAsync();
    }
}
