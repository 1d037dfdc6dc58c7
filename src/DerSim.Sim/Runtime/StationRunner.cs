using DerSim.Sim.Adapters;
using DerSim.Sim.Engine;
using DerSim.Sim.Evse;
using DerSim.Sim.Ocpp.Rpc;
using DerSim.Sim.Ocpp.Transport;

namespace DerSim.Sim.Runtime;

/// <summary>
/// Keeps one station connected to its CSMS: connects (again after a drop, with back-off), boots until
/// accepted, reports every connector, heartbeats at the interval, and reboots when the CSMS resets it.
/// </summary>
public sealed class StationRunner
{
    /// <summary>Retry interval when the CSMS answers Pending/Rejected with interval 0 ("the station chooses").</summary>
    public static readonly TimeSpan DefaultRetryInterval = TimeSpan.FromSeconds(30);

    /// <summary>Heartbeat interval when the CSMS accepted with interval 0.</summary>
    public static readonly TimeSpan DefaultHeartbeatInterval = TimeSpan.FromSeconds(60);

    private readonly OcppClient _client;
    private readonly IVersionAdapter _adapter;
    private readonly TimeProvider _time;
    private readonly SimulationClock _clock;
    private readonly Action<string> _log;
    private CancellationTokenSource? _wake;
    private readonly TaskCompletionSource _sessionsDone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _sessionsStarted;

    /// <summary>Creates a runner for <paramref name="station"/> that only boots, heartbeats and reports status (no charging sessions).</summary>
    public StationRunner(ChargingStation station, OcppClientOptions clientOptions, TimeProvider time, Action<string> log)
        : this(station, clientOptions, time, log, new SessionPlan { Sessions = 0 })
    {
    }

    /// <summary>
    /// Creates a runner for <paramref name="station"/> that, once accepted, runs <paramref name="plan"/>. Station behaviour
    /// (timestamps, physics, samples, heartbeats) runs on <paramref name="clock"/> — by default real time scaled by
    /// <see cref="SessionPlan.TimeScale"/> — while OCPP call timeouts and reconnects keep the real <paramref name="time"/>.
    /// </summary>
    public StationRunner(ChargingStation station, OcppClientOptions clientOptions, TimeProvider time, Action<string> log, SessionPlan plan, SimulationClock? clock = null)
    {
        ArgumentNullException.ThrowIfNull(station);
        ArgumentNullException.ThrowIfNull(clientOptions);
        ArgumentNullException.ThrowIfNull(plan);
        Station = station;
        _time = time;
        _log = log;
        _clock = clock ?? new ScaledClock(time, plan.TimeScale);
        _adapter = VersionAdapters.For(clientOptions.Version, _clock.Time);
        _client = new OcppClient(clientOptions, Ocpp.Json.OcppActionTables.For(clientOptions.Version), time);
        Engine = new StationEngine(station, _clock, plan, clientOptions.Version, log);
        _client.Reconnecting += attempt => _log($"connection: {attempt}");
        station.Configuration.Changed += key =>
        {
            if (key == "HeartbeatInterval")
            {
                Wake();
            }
        };
    }

    /// <summary>
    /// How long to wait before booting again when the CSMS answered BootNotification with a CALLERROR, an invalid
    /// payload or not at all (no interval to go by). The default value is 30 s.
    /// </summary>
    public TimeSpan BootErrorRetryInterval { get; set; } = DefaultRetryInterval;

    /// <summary>The station being run.</summary>
    public ChargingStation Station { get; }

    /// <summary>The station's behaviour: physics, charging profiles and sessions.</summary>
    public StationEngine Engine { get; }

    /// <summary>The station's clock.</summary>
    public SimulationClock Clock => _clock;

    /// <summary>Completes when the plan's sessions are done (at once when there are none); faults if they failed.</summary>
    public Task SessionsCompleted => _sessionsDone.Task;

    /// <summary>Every frame of every connection, as it crosses the wire.</summary>
    public event Action<OcppFrameEvent>? Frame;

    /// <summary>Raised after each BootNotification answer.</summary>
    public event Action<BootOutcome>? Booted;

    /// <summary>Raised after each Heartbeat answer.</summary>
    public event Action<DateTimeOffset>? Heartbeat;

    /// <summary>Runs until <paramref name="ct"/> is cancelled; throws <see cref="OcppConnectException"/> when the attempt limit is reached.</summary>
    public Task RunAsync(CancellationToken ct) => _client.RunWithReconnectAsync(RunSessionAsync, ct);

    private async Task RunSessionAsync(OcppRpcPeer peer, CancellationToken ct)
    {
        using var holds = new CallHolds(_clock);
        peer.Frame += holds.OnFrame;
        peer.Frame += f => Frame?.Invoke(f);
        var session = new StationSession(Station, peer, _adapter, _clock.Time, ex => _log($"error after an answer: {ex.Message}"), ct) { Engine = Engine };
        _adapter.RegisterHandlers(peer, session);

        using var reboot = CancellationTokenSource.CreateLinkedTokenSource(ct);
        void OnReboot(BootReason reason)
        {
            Station.Registration = RegistrationState.NotBooted;
            _log($"reset requested: closing the connection and booting again ({reason})");
            reboot.Cancel();
        }

        Station.RebootRequested += OnReboot;
        try
        {
            await BootUntilAcceptedAsync(peer, reboot.Token).ConfigureAwait(false);
            foreach (var connector in Station.Connectors)
            {
                try
                {
                    await _adapter.SendStatusAsync(peer, Station, connector, reboot.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (IsBadAnswer(ex))
                {
                    _log($"StatusNotification of connector {connector.StationConnectorId} failed: {ex.Message}");
                }
            }

            Engine.Attach(Engine.MessagesFor(_adapter, peer, _clock.Time), reboot.Token);
            StartSessionsOnce(reboot.Token);
            await HeartbeatLoopAsync(peer, reboot.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (reboot.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            // A reset: give the Reset answer a moment to leave, then drop the connection so the client reconnects and boots.
            await Task.Delay(TimeSpan.FromMilliseconds(200), _time, CancellationToken.None).ConfigureAwait(false);
            await peer.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            Station.RebootRequested -= OnReboot;
        }
    }

    private async Task BootUntilAcceptedAsync(OcppRpcPeer peer, CancellationToken ct)
    {
        // Once accepted, a reconnect does not boot again: BootNotification announces a (re)start, not a new socket.
        while (Station.Registration != RegistrationState.Accepted)
        {
            BootOutcome outcome;
            try
            {
                outcome = await _adapter.BootAsync(peer, Station, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (IsBadAnswer(ex))
            {
                // Whatever the CSMS is, the station keeps trying to register, as a real one would.
                _log($"boot failed: {ex.Message}; BootNotification again in {BootErrorRetryInterval.TotalSeconds:0.#} s");
                await Task.Delay(BootErrorRetryInterval, _time, ct).ConfigureAwait(false);
                continue;
            }

            Station.Registration = outcome.Registration;
            Booted?.Invoke(outcome);
            if (outcome.Registration == RegistrationState.Accepted)
            {
                Station.NextBootReason = BootReason.PowerUp;
                var interval = outcome.Interval > TimeSpan.Zero ? outcome.Interval : DefaultHeartbeatInterval;
                Station.Configuration.TrySet(Station.Configuration.Get("HeartbeatInterval")!, ((int)interval.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture));
                return;
            }

            var retry = outcome.Interval > TimeSpan.Zero ? outcome.Interval : DefaultRetryInterval;
            _log($"boot {outcome.Registration}: BootNotification again in {retry.TotalSeconds:0.#} s");
            await Task.Delay(retry, _time, ct).ConfigureAwait(false);
        }
    }

    private void StartSessionsOnce(CancellationToken ct)
    {
        // The plan runs once per runner: a reconnect or reboot does not replay sessions already driven.
        if (Interlocked.Exchange(ref _sessionsStarted, 1) != 0)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await Engine.RunSessionsAsync(ct).ConfigureAwait(false);
                _sessionsDone.TrySetResult();
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                _sessionsDone.TrySetCanceled(ct);
            }
            catch (Exception ex)
            {
                _log($"sessions failed: {ex.Message}");
                _sessionsDone.TrySetException(ex);
            }
        }, CancellationToken.None);
    }

    private async Task HeartbeatLoopAsync(OcppRpcPeer peer, CancellationToken ct)
    {
        while (true)
        {
            var interval = Station.Configuration.HeartbeatInterval;
            if (interval <= TimeSpan.Zero)
            {
                interval = DefaultHeartbeatInterval;
            }

            var wake = CancellationTokenSource.CreateLinkedTokenSource(ct);
            Volatile.Write(ref _wake, wake);
            try
            {
                // Real time, not the simulation clock: the heartbeat interval is the CSMS's liveness contract, kept in
                // its wall-clock seconds. On a 600x clock a 10 s interval would mean a heartbeat every 17 ms, and on a
                // virtual clock heartbeats would stop whenever the sessions rest.
                await Task.Delay(interval, _time, wake.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                // The interval changed: start a fresh wait with the new one.
                continue;
            }
            finally
            {
                // A later session's boot sets the interval again; it must not find this disposed source.
                Interlocked.CompareExchange(ref _wake, null, wake);
                wake.Dispose();
            }

            try
            {
                var csmsTime = await _adapter.HeartbeatAsync(peer, ct).ConfigureAwait(false);
                Heartbeat?.Invoke(csmsTime);
            }
            catch (Exception ex) when (IsBadAnswer(ex))
            {
                _log($"Heartbeat failed: {ex.Message}");
            }
        }
    }

    /// <summary>
    /// The CSMS answered with a CALLERROR, an unreadable or invalid payload, or not in time: a fault of the CSMS
    /// (or of our request, which the frame log shows), not a reason to stop the station.
    /// </summary>
    private static bool IsBadAnswer(Exception ex) =>
        ex is OcppCallErrorException or OcppCallTimeoutException or Ocpp.Rpc.OcppSchemaViolationException;

    private void Wake()
    {
        try
        {
            Volatile.Read(ref _wake)?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The wait ended between the read and the cancel; the next wait reads the new interval anyway.
        }
    }
}
