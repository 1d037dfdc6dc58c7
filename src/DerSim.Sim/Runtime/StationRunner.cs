using DerSim.Sim.Adapters;
using DerSim.Sim.Engine;
using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;
using DerSim.Ocpp.Rpc;
using DerSim.Ocpp.Transport;
using DerSim.Sim.Timing;

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
    private readonly TimeSpan _callTimeout;
    private readonly OcppClientOptions _installed;
    private Sleeper? _heartbeatSleeper;
    private readonly TaskCompletionSource _sessionsDone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _planEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _sessionsStarted;
    private int _misspellingWarned;
    private CancellationToken _lifetime;

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
        _callTimeout = clientOptions.Rpc.CallTimeout;
        _clock = clock ?? SimulationClock.For(plan.TimeScale, time);
        _adapter = VersionAdapters.For(clientOptions.Version, _clock.Time);
        _client = new OcppClient(clientOptions, Ocpp.Json.OcppActionTables.For(clientOptions.Version), time);
        Engine = new StationEngine(station, _clock, plan, clientOptions.Version, log, time);
        if (_adapter is V16Adapter)
        {
            V16TransactionMessages.TakeRestoredStarts(Engine.Outbox);
        }

        _client.Reconnecting += attempt =>
        {
            _log($"connection: {attempt}");
            Reconnecting?.Invoke(attempt);
        };
        _client.PingInterval = PingInterval;
        station.NetworkProfiles.CurrentSecurityProfile = SecurityProfileOf(clientOptions);
        _installed = clientOptions;
        station.NetworkProfiles.Install(InstalledProfile(clientOptions));
        station.Certificate.TrustedRoots = clientOptions.TrustedCaCertificate is { } ca ? [ca] : [];
        station.Configuration.Changed += key =>
        {
            if (key == "HeartbeatInterval")
            {
                Wake();
            }
            else if (key == "WebSocketPingInterval")
            {
                ApplyPingInterval();
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

    /// <summary>Whether the station is connected and booted (its engine's messages can go out).</summary>
    public bool IsOnline => Engine.Outbox.IsOnline;

    /// <summary>Completes when the plan's sessions are done (at once when there are none); faults if they failed.</summary>
    public Task SessionsCompleted => _sessionsDone.Task;

    /// <summary>Every frame of every connection, as it crosses the wire.</summary>
    public event Action<OcppFrameEvent>? Frame;

    /// <summary>Raised when a connection attempt failed or a connection ended, before the client waits to try again.</summary>
    public event Action<OcppReconnectAttempt>? Reconnecting;

    /// <summary>Raised when a connection is up, before the station speaks on it (a load run counts frames from here).</summary>
    public event Action<OcppRpcPeer>? Connected
    {
        add => _client.Connected += value;
        remove => _client.Connected -= value;
    }

    /// <summary>Raised when a connection ended.</summary>
    public event Action<OcppRpcPeer>? Disconnected
    {
        add => _client.Disconnected += value;
        remove => _client.Disconnected -= value;
    }

    /// <summary>
    /// The share of the heartbeat interval, 0..1, added to the wait before the first Heartbeat of each connection
    /// (<c>./sim --jitter</c>), so stations booted together do not heartbeat in lock-step. The default value is 0.
    /// </summary>
    public double FirstHeartbeatStagger { get; init; }

    /// <summary>Raised after each BootNotification answer.</summary>
    public event Action<BootOutcome>? Booted;

    /// <summary>Raised after each Heartbeat answer.</summary>
    public event Action<DateTimeOffset>? Heartbeat;

    /// <summary>
    /// Runs until <paramref name="ct"/> is cancelled or, when the plan has a <see cref="SessionPlan.Duration"/> (or runs
    /// lock-step), until the plan ended (see <see cref="PlanEnded"/>) and the connection closed; throws <see cref="OcppConnectException"/>
    /// when the attempt limit is reached.
    /// </summary>
    public async Task RunAsync(CancellationToken ct)
    {
        using var finish = CancellationTokenSource.CreateLinkedTokenSource(ct);
        Engine.SteppedSessions.BindLifetime(finish.Token);
        _lifetime = finish.Token;
        var run = _client.RunWithReconnectAsync(RunSessionAsync, finish.Token);
        if (await Task.WhenAny(run, _planEnded.Task).ConfigureAwait(false) != run)
        {
            // The plan's end may have come offline: what it queued (the stops) is delivered before the station closes.
            await DeliveredAsync(run, ct).ConfigureAwait(false);
            await finish.CancelAsync().ConfigureAwait(false);
        }

        try
        {
            await run.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_planEnded.Task.IsCompleted && !ct.IsCancellationRequested)
        {
            // The plan's duration ran out and its transactions ended: a clean end.
        }
    }

    /// <summary>
    /// Waits, after the plan ended, until every transaction ended and the outbox delivered what it holds (the station
    /// may be offline, reconnecting meanwhile), the run ended, or <paramref name="ct"/> is cancelled; logs what stays undelivered.
    /// </summary>
    private async Task DeliveredAsync(Task run, CancellationToken ct)
    {
        try
        {
            while (!run.IsCompleted && (Engine.Outbox.Queued > 0 || Engine.Transactions.Count > 0))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), _time, ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped from outside: told below.
        }

        if (Engine.Outbox.Queued is var left and > 0)
        {
            _log($"plan ended offline: {left} message(s) not delivered{(Engine.Outbox.StateFile is { } file ? $", kept in {file}" : "")}");
        }
    }

    /// <summary>
    /// Completes when a plan with a <see cref="SessionPlan.Duration"/> is over: that much simulated time passed since the
    /// sessions began (running transactions are then stopped with reason Local), or every planned session is done.
    /// A lock-step plan (<see cref="SessionPlan.IsLockStep"/>) with sessions also ends when they are done. Never
    /// completes for another plan without a duration.
    /// </summary>
    public Task PlanEnded => _planEnded.Task;

    /// <summary>
    /// Ends the station's business before it disconnects (<c>./sim --run_for</c>, Ctrl+C, SIGTERM): no new session
    /// starts, every running transaction stops with reason Local (1.6 StopTransaction, 2.x TransactionEvent Ended with
    /// stoppedReason Local) and the CSMS's answers are awaited — for at most <paramref name="bound"/> of real time, so a
    /// CSMS that does not answer cannot keep the station from closing. The CSMS is left with no open transaction.
    /// </summary>
    public async Task EndTransactionsAsync(TimeSpan bound)
    {
        using var limit = new CancellationTokenSource(bound, _time);
        var running = Engine.Transactions.Count;
        if (running > 0)
        {
            _log($"stopping: ending {running} running transaction(s) with reason Local");
        }

        try
        {
            await Engine.EndPlanAsync(TransactionStopReason.Local, limit.Token).ConfigureAwait(false);
            while (Engine.Outbox.Queued > 0 && Engine.Outbox.IsOnline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), _time, limit.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested)
        {
            _log($"stopping: the CSMS did not answer within {bound.TotalSeconds:0.#} s; closing anyway");
        }
    }

    private async Task RunSessionAsync(OcppRpcPeer peer, CancellationToken ct)
    {
        // Per CALL a key, an entry and a timer: worth it only where simulated time waits for the CSMS. On lock-step time
        // an unanswered CALL holds the simulation still until the call timeout: said in the log.
        using var holds = _clock.HoldsForExchanges ? new CallHolds(_clock, _time, _callTimeout, _clock is VirtualClock ? _log : null) : null;
        if (holds is not null)
        {
            peer.Frame += holds.OnFrame;
        }

        peer.Frame += f => Frame?.Invoke(f);
        peer.Frame += WarnOfMisspelledErrorCode;
        var session = new StationSession(Station, peer, _adapter, _clock.Time, ex => _log($"error after an answer: {ex.Message}"), ct) { Engine = Engine };
        _adapter.RegisterHandlers(peer, session);

        using var reboot = CancellationTokenSource.CreateLinkedTokenSource(ct);
        void OnReboot(BootReason reason)
        {
            Station.Registration = RegistrationState.NotBooted;
            _log($"reset requested: closing the connection and booting again ({reason})");
            ApplyNetworkPriority();
            reboot.Cancel();
        }

        void OnReconnect(string why)
        {
            _log($"reconnecting: {why}");
            ApplyStationConnection();
            reboot.Cancel();
        }

        Station.RebootRequested += OnReboot;
        Station.ReconnectRequested += OnReconnect;
        try
        {
            await BootUntilAcceptedAsync(peer, reboot.Token).ConfigureAwait(false);

            // Attached before the status reports: a CSMS may send RequestStartTransaction as soon as it sees the
            // first connector Available, and the engine must be able to act on it (its calls queue behind ours).
            // Online after the boot: transaction messages queued while offline go out now, in order.
            Engine.Outbox.Online(peer);
            Engine.Profiles.CameOnline(_clock.Time.GetUtcNow());
            // Sessions and their transactions belong to the station, not to this connection: they run on, offline, when it drops.
            Engine.Attach(_adapter.TransactionMessages(Engine.Outbox, Station), _lifetime);
            foreach (var connector in Station.Connectors)
            {
                try
                {
                    // The truth after a reconnect: a connector whose transaction ran on offline is still in use
                    // (1.6 reports its charging state, 2.x Occupied).
                    var charging = Engine.ChargingStateOn(connector.EvseId);
                    await (_adapter is V16Adapter v16 && charging is not null
                        ? v16.SendStatusAsync(peer, Station, connector, charging, reboot.Token)
                        : _adapter.SendStatusAsync(peer, Station, connector, reboot.Token)).ConfigureAwait(false);
                }
                catch (Exception ex) when (IsBadAnswer(ex))
                {
                    _log($"StatusNotification of connector {connector.StationConnectorId} failed: {ex.Message}");
                }
            }

            // 2.1 E17: transactions a reboot or power loss interrupted resume now (TxResumed, queued in order; the
            // answer is not waited for here: the outbox retries a refused one) or end.
            _ = Engine.ResumeInterruptedAsync(reboot.Token);

            // Booted and reported on this connection: only now does a drop start the back-off afresh.
            _client.MarkEstablished(peer);
            StartSessionsOnce(_lifetime);
            await HeartbeatLoopAsync(peer, reboot.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (reboot.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            // A reset: give the Reset answer a moment to leave, and a call still waiting for its answer (the status report
            // after a stopped transaction) a moment to get it, so the CSMS's answer does not meet a closed connection; then
            // drop the connection so the client reconnects and boots. A transaction message still unanswered goes again
            // after the boot with its message id (TransactionOutbox).
            await Task.Delay(TimeSpan.FromMilliseconds(200), _time, CancellationToken.None).ConfigureAwait(false);
            var deadline = _time.GetUtcNow() + StationEngine.ResetAnswerGrace;
            while (peer.HasCallInFlight && _time.GetUtcNow() < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), _time, CancellationToken.None).ConfigureAwait(false);
            }

            await peer.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            Station.RebootRequested -= OnReboot;
            Station.ReconnectRequested -= OnReconnect;
            Engine.Outbox.Offline(peer);
            // 2.1 K01 maxOfflineDuration counts from here.
            Engine.Profiles.WentOffline(_clock.Time.GetUtcNow());
        }
    }

    // The security profile a connection with these options has (2.0.1 A00): client certificate over TLS 3, Basic auth
    // over TLS 2, Basic auth over ws:// 1, neither 0.
    private static int SecurityProfileOf(OcppClientOptions options) =>
        options.Url.Scheme == "wss" ? (options.ClientCertificate is null ? 2 : 3) : options.BasicAuthPassword is null ? 0 : 1;

    // What the station itself changed since it was installed (a password the CSMS set, its own new certificate) goes
    // into the next connection.
    private void ApplyStationConnection()
    {
        var options = _client.Options;
        _client.Options = options with
        {
            BasicAuthPassword = Station.BasicAuthPassword ?? options.BasicAuthPassword,
            ClientCertificate = Station.Certificate.Current ?? options.ClientCertificate,
        };
    }

    // Slot 1 of a station as installed: the connection it was started with (2.x B09/B10: the slots hold every way the
    // station knows to reach a CSMS, the one it came with included; 2.1 reads them as the NetworkConfiguration component).
    private static NetworkProfile InstalledProfile(OcppClientOptions options) =>
        new(options.Url.ToString().TrimEnd('/'), SecurityProfileOf(options), "Wired0", "JSON", Math.Max(1, (int)Math.Ceiling(options.Rpc.CallTimeout.TotalSeconds)), null)
        {
            Identity = options.BasicAuthUsername,
        };

    // B10/A05: after a reboot the station connects with the profile of the first slot of
    // OCPPCommCtrlr.NetworkConfigurationPriority it can use (its URL and security profile); the installed connection of
    // slot 1, as long as no CSMS changed it, is connected exactly as installed. No usable slot keeps the connection
    // the station has. A TLS profile (2, 3) trusts the CA the station holds.
    private void ApplyNetworkPriority()
    {
        var priority = Station.Configuration.Get(StationConfiguration.NetworkConfigurationPriorityKey)?.Value;
        if (Station.NetworkProfiles.Preferred(priority) is not { } profile || !Uri.TryCreate(profile.CsmsUrl, UriKind.Absolute, out var url))
        {
            return;
        }

        if (Station.NetworkProfiles.IsInstalled(profile))
        {
            // What the station itself changed since (a password the CSMS set, its own new certificate) still holds.
            _client.Options = _installed with
            {
                BasicAuthPassword = Station.BasicAuthPassword ?? _installed.BasicAuthPassword,
                ClientCertificate = Station.Certificate.Current ?? _installed.ClientCertificate,
            };
            Station.NetworkProfiles.CurrentSecurityProfile = profile.SecurityProfile;
            return;
        }

        var options = _client.Options;
        _client.Options = options with
        {
            Url = url,
            TrustedCaCertificate = options.TrustedCaCertificate ?? (Station.Certificate.TrustedRoots is [var root, ..] ? root : null),
            ClientCertificate = profile.SecurityProfile == 3 ? Station.Certificate.Current ?? options.ClientCertificate : null,
            // 2.1 B09: a profile that names its own Basic-auth password is connected with it.
            BasicAuthPassword = profile.BasicAuthPassword ?? options.BasicAuthPassword,
        };
        Station.NetworkProfiles.CurrentSecurityProfile = profile.SecurityProfile;
        _log($"network profile: connecting to {url} with security profile {profile.SecurityProfile} (NetworkConfigurationPriority {priority})");
    }

    /// <summary>
    /// A CSMS that answers with another version's spelling of an error code (1.6's FormationViolation on 2.x) is
    /// understood, but told once in the log: a stricter station would not understand it.
    /// </summary>
    private void WarnOfMisspelledErrorCode(OcppFrameEvent frame)
    {
        if (frame is { Direction: FrameDirection.Inbound, ErrorCode: { } code }
            && RpcErrorCodes.Misspelling(code, _adapter.Version) is { } warning
            && Interlocked.Exchange(ref _misspellingWarned, 1) == 0)
        {
            _log($"warning: the CSMS's {warning} (accepted; warned once)");
        }
    }

    /// <summary>
    /// Adopts the CSMS's verdict on the boot as soon as its answer is read, before the station handles the CSMS's next
    /// CALL: a CSMS that reads HeartbeatInterval (or changes it) right after accepting sees the interval it gave, and its
    /// own later change is the newer word. (The interval of an Accepted BootNotification answer is the heartbeat
    /// interval: OCPP 1.6 §4.2 BootNotification, 2.x use case B01.)
    /// </summary>
    private void Adopt(BootOutcome outcome)
    {
        Station.Registration = outcome.Registration;
        if (outcome.Registration == RegistrationState.Accepted)
        {
            Station.NextBootReason = BootReason.PowerUp;
            var interval = outcome.Interval > TimeSpan.Zero ? outcome.Interval : DefaultHeartbeatInterval;
            Station.Configuration.TrySet(Station.Configuration.Get("HeartbeatInterval")!, ((int)interval.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture));
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
                outcome = await _adapter.BootAsync(peer, Station, Adopt, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (IsBadAnswer(ex))
            {
                // Whatever the CSMS is, the station keeps trying to register, as a real one would.
                _log($"boot failed: {ex.Message}; BootNotification again in {BootErrorRetryInterval.TotalSeconds:0.#} s");
                await Task.Delay(BootErrorRetryInterval, _time, ct).ConfigureAwait(false);
                continue;
            }

            Booted?.Invoke(outcome);
            if (outcome.Registration == RegistrationState.Accepted)
            {
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

        // The sessions' actors are registered by the call itself, before the deadline's actor waits: a discrete-event
        // clock must not see the deadline as the only actor and jump to it.
        Task sessions;
        try
        {
            sessions = Engine.RunSessionsAsync(ct);
        }
        catch (Exception ex)
        {
            sessions = Task.FromException(ex);
        }

        if (Engine.Plan.Duration is { } duration)
        {
            var actor = _clock.RegisterActor();
            _ = Task.Run(() => EndPlanAfterAsync(duration, actor, ct), CancellationToken.None);
        }
        else if (Engine.Plan.IsLockStep && Engine.Plan.Sessions > 0)
        {
            // Lock-step time stands still once the sessions are done: nothing is left to simulate, so the plan ends there.
            _ = _sessionsDone.Task.ContinueWith(_ => _planEnded.TrySetResult(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await sessions.ConfigureAwait(false);
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

    private async Task EndPlanAfterAsync(TimeSpan duration, IDisposable actor, CancellationToken ct)
    {
        try
        {
            Task ended;
            using (actor)
            {
                // With planned sessions the plan also ends when they are all done, as the offline run does.
                using var waiting = CancellationTokenSource.CreateLinkedTokenSource(ct);
                var elapsed = _clock.WaitAsync(duration, waiting.Token);
                var planned = Engine.Plan.Sessions > 0 ? _sessionsDone.Task : Task.Delay(Timeout.Infinite, ct);
                await Task.WhenAny(elapsed, planned).ConfigureAwait(false);
                ct.ThrowIfCancellationRequested();

                // A wait left behind would count as an actor's wait on a discrete-event clock.
                await waiting.CancelAsync().ConfigureAwait(false);
                if (Engine.Transactions.Count > 0)
                {
                    _log($"--duration of {duration} simulated reached: stopping the running transactions");
                }

                if (!Engine.Outbox.IsOnline)
                {
                    _log($"plan ended offline: the transactions end here; their stops are queued for the reconnect");
                }

                // The stop is requested while this actor still runs: released first, a discrete-event clock would see
                // only the sessions' sample waits and jump to the next one before they heard of the stop.
                ended = Engine.EndPlanAsync(TransactionStopReason.Local, ct);
            }

            await ended.ConfigureAwait(false);
            _planEnded.TrySetResult();
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The run was stopped first.
        }
    }

    private async Task HeartbeatLoopAsync(OcppRpcPeer peer, CancellationToken ct)
    {
        // One reusable wait for the connection's life (see Sleeper), woken when the connection ends or the interval changes.
        using var sleeper = new Sleeper(_time);
        using var ending = sleeper.WakeOn(ct);
        Volatile.Write(ref _heartbeatSleeper, sleeper);
        try
        {
            await HeartbeatsAsync(peer, sleeper, ct).ConfigureAwait(false);
        }
        finally
        {
            // A later session's loop has its own; Wake must not reach this one once it ends.
            Interlocked.CompareExchange(ref _heartbeatSleeper, null, sleeper);
        }
    }

    private async Task HeartbeatsAsync(OcppRpcPeer peer, Sleeper sleeper, CancellationToken ct)
    {
        var stagger = FirstHeartbeatStagger;
        while (true)
        {
            var interval = Station.Configuration.HeartbeatInterval;
            if (interval <= TimeSpan.Zero)
            {
                interval = DefaultHeartbeatInterval;
            }

            interval += interval * stagger;
            stagger = 0;

            // Real time, not the simulation clock: the heartbeat interval is the CSMS's liveness contract, kept in
            // its wall-clock seconds. On a 600x clock a 10 s interval would mean a heartbeat every 17 ms, and on a
            // virtual clock heartbeats would stop whenever the sessions rest.
            var elapsed = await sleeper.SleepAsync(interval).ConfigureAwait(false);
            ct.ThrowIfCancellationRequested();
            if (!elapsed)
            {
                // The interval changed: start a fresh wait with the new one.
                continue;
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

    /// <summary>A fault of the CSMS (or of our request, which the frame log shows), not a reason to stop the station.</summary>
    private static bool IsBadAnswer(Exception ex) => OcppCallFailure.IsBadAnswer(ex);

    /// <summary>The configured WebSocketPingInterval (1.6 key, 2.x OCPPCommCtrlr variable); zero disables client pings.</summary>
    private TimeSpan PingInterval => TimeSpan.FromSeconds(Station.Configuration.GetInt("WebSocketPingInterval", 0));

    /// <summary>
    /// A socket's ping timer is fixed when it opens, so a changed interval takes effect by reconnecting: the answer to
    /// the change leaves first, then the connection closes and the client connects again at once (no new boot).
    /// </summary>
    private void ApplyPingInterval()
    {
        _client.PingInterval = PingInterval;
        if (Engine.Outbox.Peer is { } peer)
        {
            _log($"WebSocketPingInterval changed to {PingInterval.TotalSeconds:0} s: reconnecting to apply it");
            _ = Task.Run(async () =>
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), _time, CancellationToken.None).ConfigureAwait(false);
                await peer.DisposeAsync().ConfigureAwait(false);
            });
        }
    }

    private void Wake() => Volatile.Read(ref _heartbeatSleeper)?.Wake();
}
