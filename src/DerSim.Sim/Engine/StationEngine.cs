using System.Collections.Concurrent;
using System.Globalization;
using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;
using DerSim.Ocpp;
using DerSim.Sim.Physics;
using DerSim.Sim.SmartCharging;
using DerSim.Sim.Timing;

namespace DerSim.Sim.Engine;

/// <summary>
/// The station's behaviour, version-neutral: it owns the physics and the charging profiles of a
/// <see cref="ChargingStation"/>, feeds the profiles' limits to the physics, and runs charging sessions per EVSE —
/// plug in → Authorize → start → periodic samples and charging-state reports → the EV's target reached
/// (SuspendedEV) → the EV leaves one interval later → stop. The messages come from an <see cref="ITransactionMessages"/>
/// of the connection's version. Its parts with their own state are objects of their own: <see cref="Der"/> (DER
/// controls), <see cref="FrequencyInputs"/> (the 2.1 frequency modes' inputs), <see cref="Bidirectional"/> (the 2.1
/// energy-transfer negotiation) and <see cref="SteppedSessions"/> (sessions a scenario tells step by step).
/// </summary>
public sealed partial class StationEngine
{
    private readonly ConcurrentDictionary<int, EngineTransaction> _transactions = new(concurrencyLevel: 1, capacity: 2);
    private readonly ConcurrentDictionary<int, byte> _busy = new(concurrencyLevel: 1, capacity: 2);
    private readonly ConcurrentDictionary<int, ChargingProfile> _pendingTxProfiles = new(concurrencyLevel: 1, capacity: 2);
    private readonly ConcurrentDictionary<EngineTransaction, TaskCompletionSource> _starting = new(concurrencyLevel: 1, capacity: 2);
    private readonly Dictionary<int, ElectricalContext> _contexts;
    private readonly SharedPhysics _physics;
    private readonly TimeProvider _real;
    private readonly TaskCompletionSource _attached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _planEnded;
    private ITransactionMessages? _messages;
    private CancellationToken _connection;

    /// <summary>Builds the engine of <paramref name="station"/> on <paramref name="clock"/>.</summary>
    /// <param name="station">The station.</param>
    /// <param name="clock">Simulated time.</param>
    /// <param name="plan">What to run once booted.</param>
    /// <param name="version">The OCPP version (its smart-charging rules).</param>
    /// <param name="log">Where to tell what happens.</param>
    /// <param name="real">Real time, for bounded waits on the connection; the system clock when null.</param>
    public StationEngine(ChargingStation station, SimulationClock clock, SessionPlan plan, OcppVersion version, Action<string>? log = null, TimeProvider? real = null)
    {
        _real = real ?? TimeProvider.System;
        ArgumentNullException.ThrowIfNull(station);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(plan);
        Station = station;
        Clock = clock;
        Plan = plan;
        Log = log ?? (static _ => { });
        Outbox = new TransactionOutbox(Log, _real, () => TransactionMessageRetry.From(station.Configuration));
        Physics = new StationPhysics(station.Profile, clock.Time.GetUtcNow());
        _physics = new SharedPhysics(Physics, clock, station.Profile.MeterValues);
        Profiles = new ChargingProfileStore(SmartChargingRules.For(version), station.HasEvse);
        _contexts = station.Profile.Evses.ToDictionary(e => e.Id, e => ContextOf(e));
        Version = version;
        Der = new StationDer(clock, Grid, _physics, Log);
        FrequencyInputs = new FrequencyInputs(clock, Grid, Log);
        Bidirectional = new BidirectionalPowerTransfer(this, _physics);
        SteppedSessions = new SteppedSessions(this, _physics);
        // EVSE 0 is the station total: a ChargingStationMaxProfile (or station-wide external constraint) caps the sum
        // of all EVSEs, not each on its own; per EVSE the effective limit still includes it.
        Physics.SetDirectiveSource(Profiles.DirectiveFunction(ContextOf, FrequencyInputs.At));

        // The profile's sample interval is the station's until the CSMS changes it (1.6 MeterValueSampleInterval, 2.x TxUpdatedInterval).
        if (station.Configuration.Get("MeterValueSampleInterval") is { } setting)
        {
            station.Configuration.TrySet(setting, station.Profile.MeterValues.SampleIntervalSeconds.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The station.</summary>
    public ChargingStation Station { get; }

    /// <summary>The OCPP version the engine speaks (its smart-charging rules; 2.1 alone discharges).</summary>
    public OcppVersion Version { get; }

    /// <summary>The station's clock.</summary>
    public SimulationClock Clock { get; }

    /// <summary>What the station does once booted.</summary>
    public SessionPlan Plan { get; }

    /// <summary>The physics.</summary>
    public StationPhysics Physics { get; }

    /// <summary>The installed charging profiles.</summary>
    public ChargingProfileStore Profiles { get; }

    /// <summary>Where the engine tells what it does.</summary>
    public Action<string> Log { get; }

    /// <summary>The way out for the engine's messages, across connections: transaction messages made offline wait there.</summary>
    public TransactionOutbox Outbox { get; }

    /// <summary>The grid the station is connected to; scenarios step it, grid-support (DER) functions and the 2.1 frequency modes read it.</summary>
    public SimulatedGrid Grid { get; } = new();

    /// <summary>The station's DER controls and their notifications; the 2.1 handlers set, get and clear the controls.</summary>
    public StationDer Der { get; }

    /// <summary>The inputs of the 2.1 frequency operation modes (the grid's frequency, the CSMS's aFRR signals).</summary>
    public FrequencyInputs FrequencyInputs { get; }

    /// <summary>The 2.1 bidirectional energy transfer of the running transactions (Q block); charge-only on older versions.</summary>
    public BidirectionalPowerTransfer Bidirectional { get; }

    /// <summary>Sessions a scenario tells one step at a time (plug in, present a token, stop, unplug).</summary>
    public SteppedSessions SteppedSessions { get; }

    /// <summary>The tokens the CSMS accepted, for drivers who arrive while the station is offline.</summary>
    internal OfflineAuthorization OfflineAuthorization { get; } = new();

    /// <summary>The messages of the connection the engine is bound to; null before the first boot.</summary>
    internal ITransactionMessages? Messages => _messages;

    /// <summary>Whether the engine is bound to a connection's messages (the station booted at least once).</summary>
    public bool IsAttached => _messages is not null;

    /// <summary>The interval between samples of a running transaction: the configuration's, else the profile's.</summary>
    public TimeSpan SampleInterval =>
        Station.Configuration.Get("MeterValueSampleInterval") is { } s && int.TryParse(s.Value, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.FromSeconds(Math.Max(1, Station.Profile.MeterValues.SampleIntervalSeconds));

    /// <summary>Every running transaction.</summary>
    public IReadOnlyCollection<EngineTransaction> Transactions => [.. _transactions.Values];

    /// <summary>Whether a transaction runs on any EVSE.</summary>
    public bool HasTransaction => !_transactions.IsEmpty;

    /// <summary>The transaction running on <paramref name="evseId"/>, if any.</summary>
    public EngineTransaction? TransactionOn(int evseId) => _transactions.GetValueOrDefault(evseId);

    /// <summary>The running transaction with <paramref name="transactionId"/>, if any.</summary>
    public EngineTransaction? TransactionById(string transactionId) =>
        _transactions.Values.FirstOrDefault(t => string.Equals(t.TransactionId, transactionId, StringComparison.Ordinal));

    /// <summary>The electrical facts of <paramref name="evseId"/> (0: the station), with its maximum power.</summary>
    public ElectricalContext ContextOf(int evseId) =>
        _contexts.TryGetValue(evseId, out var ctx)
            ? ctx
            : new ElectricalContext(230, 3, CurrentType.AC) { MaxKw = Station.Profile.StationMaxKw };

    /// <summary>Binds the engine to a connection's messages; sessions and CSMS requests use them until the next call.</summary>
    public void Attach(ITransactionMessages messages, CancellationToken connection)
    {
        _connection = connection;
        _messages = messages;
        _attached.TrySetResult();
        StartAlignedData(connection);
    }

    /// <summary>
    /// The longest a CSMS request waits for a transaction start whose answer is being processed. The answer to a
    /// start and the CSMS's next request (a RemoteStop, a TxProfile for the new id) can arrive back to back; the
    /// request must see the transaction. The bound only matters when the start's answer has not arrived at all.
    /// </summary>
    public static readonly TimeSpan StartSettleLimit = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Completes once every transaction start in flight is registered (or after <see cref="StartSettleLimit"/> of
    /// real time), so a request the CSMS sent right after a start's answer finds the transaction.
    /// </summary>
    public async Task SettleStartsAsync()
    {
        var starting = _starting.Values.Select(t => t.Task).ToList();
        if (starting.Count > 0)
        {
            await Task.WhenAny(Task.WhenAll(starting), Task.Delay(StartSettleLimit, _real)).ConfigureAwait(false);
        }
    }

    /// <summary>Installs a profile from the CSMS and applies its limit at once.</summary>
    public ProfileInstallResult InstallProfile(int evseId, ChargingProfile profile)
    {
        var result = Profiles.Install(evseId, profile);
        if (result.IsAccepted)
        {
            Physics.Reevaluate();
        }

        return result;
    }

    /// <summary>Clears profiles and applies the remaining limits at once.</summary>
    public ProfileClearStatus ClearProfiles(ChargingProfileQuery query)
    {
        var status = Profiles.Clear(query);
        Physics.Reevaluate();
        return status;
    }

    /// <summary>The composite schedule of <paramref name="evseId"/> from now for <paramref name="durationSeconds"/>.</summary>
    public CompositeSchedule CompositeSchedule(int evseId, int durationSeconds, ChargingRateUnit unit) =>
        Profiles.CompositeSchedule(evseId, Clock.Time.GetUtcNow(), durationSeconds, unit, ContextOf(evseId));

    /// <summary>Asks the transaction <paramref name="transactionId"/> to stop; false when no such transaction runs.</summary>
    public bool RequestStop(string transactionId, TransactionStopReason reason)
    {
        if (TransactionById(transactionId) is not { } tx)
        {
            return false;
        }

        tx.RequestStop(reason);
        return true;
    }

    /// <summary>
    /// Stops every running transaction for <paramref name="reason"/> and completes when they ended. A start whose
    /// answer is in but that is not registered yet is waited for first (<see cref="SettleStartsAsync"/>): without that,
    /// a scenario's clean-up right after "the station starts a transaction" found no transaction, stopped nothing and
    /// closed the socket with the transaction still open at the CSMS (seen once in CI).
    /// </summary>
    public async Task StopAllAsync(TransactionStopReason reason, CancellationToken ct)
    {
        await SettleStartsAsync().WaitAsync(ct).ConfigureAwait(false);
        var running = _transactions.Values.ToList();
        foreach (var tx in running)
        {
            tx.RequestStop(reason);
        }

        await Task.WhenAll(running.Select(t => t.Ended)).WaitAsync(ct).ConfigureAwait(false);
    }

    /// <summary>How long a reset waits for the CSMS to answer the stop messages of the transactions it ended.</summary>
    public static readonly TimeSpan ResetAnswerGrace = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Stops every running transaction for <paramref name="reason"/> before a reset and completes when their stop
    /// messages were answered, or after <see cref="ResetAnswerGrace"/>: the reset must not wait for an answer until the
    /// call times out, since a retry after a timeout is a new transmission with a new id. A stop still unanswered when
    /// the reboot drops the connection stays in the outbox and goes again after the new boot with its original message
    /// id (OCPP 1.6 §5.14: the transactions are stopped before the reset; 2.0.1 B12.FR.02).
    /// </summary>
    public async Task StopAllForResetAsync(TransactionStopReason reason, CancellationToken ct)
    {
        var stopping = StopAllAsync(reason, ct);
        await Task.WhenAny(stopping, Task.Delay(ResetAnswerGrace, _real, ct)).ConfigureAwait(false);
        if (!stopping.IsCompleted)
        {
            Log($"reset: a stop message is still unanswered after {ResetAnswerGrace.TotalSeconds:0} s; resetting now, it goes again after the boot with its message id");
        }
    }

    /// <summary>Whether <see cref="EndPlanAsync"/> ended the plan: no session starts any more.</summary>
    public bool PlanEnded => _planEnded;

    /// <summary>
    /// Ends the plan (its <see cref="SessionPlan.Duration"/> ran out): no new session starts, and every running
    /// transaction is stopped for <paramref name="reason"/>; completes when they ended.
    /// </summary>
    public Task EndPlanAsync(TransactionStopReason reason, CancellationToken ct)
    {
        _planEnded = true;
        return StopAllAsync(reason, ct);
    }

    /// <summary>
    /// Reserves an EVSE for a session the CSMS asked for on <paramref name="evseId"/> (null: the first free EVSE); the
    /// returned action starts it (call it once the answer is on the wire): a default EV plugs in, and
    /// <paramref name="txProfile"/> is installed as the TxProfile once the transaction started.
    /// </summary>
    /// <returns>The action starting the session, or null when no EVSE is free (the request is rejected).</returns>
    public Action? PrepareRemoteStart(int? evseId, string idTag, int? remoteStartId, ChargingProfile? txProfile) =>
        PrepareRemoteStart(evseId, idTag, remoteStartId, txProfile, null);

    /// <summary>
    /// As <see cref="PrepareRemoteStart(int?, string, int?, ChargingProfile?)"/>, keeping <paramref name="idTokenType"/>,
    /// the 2.x type of the idToken the CSMS sent: the transaction reports the token as the CSMS named it.
    /// </summary>
    public Action? PrepareRemoteStart(int? evseId, string idTag, int? remoteStartId, ChargingProfile? txProfile, string? idTokenType)
    {
        if (_messages is null)
        {
            // The CSMS may send its request right behind the boot answer, and the connection may dispatch it before
            // the runner has attached the engine: give the attachment a moment instead of refusing the start.
            Task.WhenAny(_attached.Task, Task.Delay(StartSettleLimit, _real)).GetAwaiter().GetResult();
        }

        var candidates = evseId is { } id ? Station.Profile.Evses.Where(e => e.Id == id) : Station.Profile.Evses.OrderBy(e => e.Id);
        foreach (var evse in candidates)
        {
            if (_planEnded || _messages is null || !Station.AcceptsNewTransactions(evse.Id) || Physics.EvAt(evse.Id) is not null || !_busy.TryAdd(evse.Id, 0))
            {
                continue;
            }

            if (txProfile is not null)
            {
                _pendingTxProfiles[evse.Id] = txProfile;
            }

            // The actor counts from now, so a discrete-event clock waits for the session to begin.
            var actor = Clock.RegisterActor();
            var start = new SessionStart(evse.Id, idTag, TransactionStartTrigger.RemoteStart, remoteStartId) { IdTokenType = idTokenType };
            return () => _ = Task.Run(async () =>
            {
                try
                {
                    await RunOneSessionAsync(start, _connection).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is OperationCanceledException or Ocpp.Rpc.OcppConnectionClosedException)
                {
                    // The connection ended; the session ends with it.
                }
                catch (Exception ex)
                {
                    Log($"remote session on EVSE {start.EvseId} failed: {ex.Message}");
                }
                finally
                {
                    _busy.TryRemove(start.EvseId, out _);
                    actor.Dispose();
                }
            });
        }

        return null;
    }

    /// <summary>Keeps <paramref name="txProfile"/> for the next transaction on <paramref name="evseId"/>: installed as its TxProfile once it started (2.x F01.FR.08, a remote start with a charging profile).</summary>
    internal void HoldTxProfile(int evseId, ChargingProfile txProfile) => _pendingTxProfiles[evseId] = txProfile;

    /// <summary>Drops a TxProfile <see cref="HoldTxProfile"/> kept for <paramref name="evseId"/> whose transaction never started.</summary>
    internal void DropTxProfile(int evseId) => _pendingTxProfiles.TryRemove(evseId, out _);

    /// <summary>Sends a triggered sample of every running transaction on <paramref name="evseId"/> (null or 0: all).</summary>
    public async Task TriggerSamplesAsync(int? evseId, CancellationToken ct)
    {
        if (_messages is not { } messages)
        {
            return;
        }

        foreach (var tx in _transactions.Values.Where(t => evseId is null or 0 || t.EvseId == evseId))
        {
            await messages.SampleAsync(tx, SampleNow(tx.EvseId), triggered: true, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Sends a triggered MeterValues message for <paramref name="evseId"/> (null or 0: every EVSE), in or out of a transaction.</summary>
    public async Task TriggerMeterValuesAsync(int? evseId, CancellationToken ct)
    {
        if (_messages is not { } messages)
        {
            return;
        }

        foreach (var evse in Station.Profile.Evses.Where(e => evseId is null or 0 || e.Id == evseId).OrderBy(e => e.Id))
        {
            await messages.MeterValuesAsync(evse.Id, SampleNow(evse.Id), ct).ConfigureAwait(false);
        }
    }

    /// <summary>The charging state last reported for the transaction on <paramref name="evseId"/>, or null when none runs.</summary>
    public ChargingState? ChargingStateOn(int evseId) => TransactionOn(evseId)?.ReportedState;

    /// <summary>The state of the EV plugged into <paramref name="evseId"/> now, or null when none is.</summary>
    public EvseSnapshot? EvseNow(int evseId) => Physics.EvAt(evseId) is null ? null : ReadNow(evseId).Snapshot;

    /// <summary>Takes <paramref name="evseId"/> for one session; false when a session has it already.</summary>
    internal bool TryReserve(int evseId) => _busy.TryAdd(evseId, 0);

    /// <summary>Frees <paramref name="evseId"/> after its session.</summary>
    internal void Release(int evseId) => _busy.TryRemove(evseId, out _);

    private static ElectricalContext ContextOf(EvseDefinition evse)
    {
        var connector = evse.Connectors[0];
        return new ElectricalContext(connector.NominalVoltageV, connector.Phases ?? 1, connector.CurrentType) { MaxKw = evse.MaxKw };
    }

    private (MeterSample Sample, EvseSnapshot Snapshot) ReadNow(int evseId) => _physics.ReadNow(evseId);

    private MeterSample SampleNow(int evseId) => ReadNow(evseId).Sample;
}
