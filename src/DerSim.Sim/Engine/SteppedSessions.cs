using System.Collections.Concurrent;
using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;
using DerSim.Sim.Physics;

namespace DerSim.Sim.Engine;

/// <summary>
/// Sessions told one step at a time, as a scenario's steps tell them: an EV plugs in, its driver presents a token, stops
/// at the station, unplugs. Each step completes once its messages were answered (or queued, offline); the transaction
/// runs through the engine like any other.
/// </summary>
public sealed class SteppedSessions
{
    private readonly ConcurrentDictionary<int, SteppedEvse> _stepped = new();
    private readonly Lock _begunGate = new();
    private EngineTransaction? _begun;
    private readonly StationEngine _engine;
    private readonly SharedPhysics _physics;
    private CancellationToken _lifetime;

    /// <summary>Step-driven sessions on <paramref name="engine"/>, on the physics it shares.</summary>
    internal SteppedSessions(StationEngine engine, SharedPhysics physics)
    {
        _engine = engine;
        _physics = physics;
    }

    /// <summary>
    /// Binds step-driven sessions to the station's whole run rather than to one connection: they survive a dropped
    /// connection (their messages wait in <see cref="StationEngine.Outbox"/>) and end when <paramref name="lifetime"/> is cancelled.
    /// </summary>
    public void BindLifetime(CancellationToken lifetime) => _lifetime = lifetime;

    /// <summary>
    /// An EV plugs into <paramref name="evseId"/> (its first connector) and stays until <see cref="UnplugAsync"/>: the
    /// connector is reported occupied (1.6 Preparing). Nothing flows until a token is presented.
    /// </summary>
    /// <exception cref="InvalidOperationException">The EVSE does not exist, is in use, or the station never connected.</exception>
    public async Task PlugInAsync(int evseId, EvArrival arrival, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(arrival);
        var station = _engine.Station;
        var messages = _engine.Messages ?? throw new InvalidOperationException("the station has not booted yet: no EV can plug in");
        var connector = station.ConnectorsOf(evseId).FirstOrDefault()
            ?? throw new InvalidOperationException($"the station has no EVSE {evseId} (EVSEs: {string.Join(", ", station.Profile.Evses.Select(e => e.Id))})");
        if (!_engine.TryReserve(evseId))
        {
            throw new InvalidOperationException($"EVSE {evseId} is in use already");
        }

        var model = arrival.Preset is { } name
            ? EvPresets.TryGet(name, out var preset) ? preset : throw new InvalidOperationException($"no EV preset \"{name}\"")
            : EvPresets.DefaultFor(station.Profile);
        lock (_physics.Gate)
        {
            // The physics moves lazily; it must reach the present before the EV's arrival counts.
            _physics.CatchUp();
            _physics.Physics.Plug(evseId, connector.ConnectorId, new Ev(model, arrival.InitialSocPercent, arrival.TargetSocPercent));
        }

        var stepped = _stepped[evseId] = new SteppedEvse(connector);
        connector.Status = ConnectorStatus.Occupied;
        await messages.StatusAsync(connector, ct).ConfigureAwait(false);
        _engine.Log($"EVSE {evseId}: EV {model.Name} plugged in at {arrival.InitialSocPercent}% (target {arrival.TargetSocPercent}%)");

        // A transaction started on authorization before any EV came runs here now: its EVSE is known.
        EngineTransaction? begun;
        lock (_begunGate)
        {
            begun = _begun;
            _begun = null;
        }

        if (begun is not null)
        {
            await RunAsync(stepped, new SessionStart(evseId, begun.IdTag, TransactionStartTrigger.Authorized, null) { Stepped = true, IdTokenType = begun.IdTokenType }, messages, begun, ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The driver presents <paramref name="idTag"/> at the station before any EV plugged in, choosing no EVSE: Authorize,
    /// and, when the CSMS accepts it and TxCtrlr.TxStartPoint names Authorized (2.x E01), the transaction starts at once
    /// without an EVSE (TransactionEvent Started with no evse and no meter values); the next EV that plugs in by
    /// <see cref="PlugInAsync"/> names its EVSE and charges in it. Completes once the start was answered.
    /// </summary>
    /// <returns>Whether the token was accepted.</returns>
    /// <exception cref="InvalidOperationException">The station never connected, TxStartPoint does not name Authorized, or a transaction waits for its EVSE already.</exception>
    public async Task<bool> PresentTokenAtStationAsync(string idTag, string? idTokenType, CancellationToken ct)
    {
        var messages = _engine.Messages ?? throw new InvalidOperationException("the station has not booted yet");
        var points = _engine.Station.Configuration.GetList("TxCtrlr", "TxStartPoint");
        if (!points.Contains("Authorized"))
        {
            throw new InvalidOperationException($"a token presented before any EV plugs in starts no transaction with TxCtrlr.TxStartPoint \"{string.Join(",", points)}\": set it to Authorized");
        }

        var connector = _engine.Station.Connectors.FirstOrDefault(c => _engine.TransactionOn(c.EvseId) is null && !_stepped.ContainsKey(c.EvseId))
            ?? throw new InvalidOperationException("no EVSE is free for a new transaction");
        var tx = new EngineTransaction(connector, idTag, TransactionStartTrigger.Authorized, null) { StaysPlugged = true, IdTokenType = idTokenType, EvseKnown = false };
        lock (_begunGate)
        {
            if (_begun is not null)
            {
                tx.Dispose();
                throw new InvalidOperationException($"transaction {_begun.TransactionId} waits for its EV already");
            }

            _begun = tx;
        }

        try
        {
            if (!await messages.AuthorizeAsync(idTag, idTokenType, ct).ConfigureAwait(false))
            {
                _engine.Log($"token {idTag} refused at the station; no transaction");
                Forget(tx);
                return false;
            }

            tx.StartedAt = _engine.Clock.Time.GetUtcNow();
            (tx.TransactionId, var accepted) = await messages.StartAsync(tx, new MeterSample(0, tx.StartedAt, []), ct).ConfigureAwait(false);
            tx.StartAccepted = accepted;
            _engine.Log($"token {idTag} authorised at the station: transaction {tx.TransactionId} started, its EVSE not known yet");
            return true;
        }
        catch
        {
            Forget(tx);
            throw;
        }
    }

    private void Forget(EngineTransaction tx)
    {
        lock (_begunGate)
        {
            if (_begun == tx)
            {
                _begun = null;
            }
        }

        tx.Dispose();
    }

    /// <summary>
    /// The driver presents <paramref name="idTag"/> at <paramref name="evseId"/>: Authorize (or, with LocalPreAuthorize,
    /// the authorization cache), and when the token is accepted the transaction starts (1.6 StartTransaction; 2.x
    /// TransactionEvent Started with the token) and charges on its own until stopped or unplugged. Completes once the
    /// start was answered (or queued, offline in 2.x). While a transaction runs there, the token may stop it instead
    /// (see <see cref="PresentTokenAsync(int, string, string?, MasterPassSelection?, CancellationToken)"/>).
    /// </summary>
    /// <returns>Whether the token was accepted; a refused token (or no connection to ask) leaves the EV plugged without energy.</returns>
    /// <exception cref="InvalidOperationException">No EV was plugged in by <see cref="PlugInAsync"/>.</exception>
    public Task<bool> PresentTokenAsync(int evseId, string idTag, CancellationToken ct) => PresentTokenAsync(evseId, idTag, null, null, ct);

    /// <summary>As <see cref="PresentTokenAsync(int, string, CancellationToken)"/>, with the token's 2.x type (null: the type its text fits).</summary>
    public Task<bool> PresentTokenAsync(int evseId, string idTag, string? idTokenType, CancellationToken ct) => PresentTokenAsync(evseId, idTag, idTokenType, null, ct);

    /// <summary>
    /// As <see cref="PresentTokenAsync(int, string, CancellationToken)"/>; while a transaction runs on <paramref name="evseId"/>
    /// the token stops it when it is the token that started it (2.0.1 E07), or the CSMS accepts it in the same group
    /// (C09.FR.03). A token whose group is AuthCtrlr.MasterPassGroupId is a Master Pass (C16): it starts nothing and stops
    /// the transactions <paramref name="selection"/> picks on the station's user interface (C16.FR.01), or, on a station
    /// without one (<paramref name="selection"/> null), every transaction (C16.FR.02).
    /// </summary>
    /// <returns>Whether the token was accepted (and started or stopped what it may).</returns>
    public async Task<bool> PresentTokenAsync(int evseId, string idTag, string? idTokenType, MasterPassSelection? selection, CancellationToken ct)
    {
        var messages = _engine.Messages ?? throw new InvalidOperationException("the station has not booted yet");
        if (_engine.TransactionOn(evseId) is { } running)
        {
            return await PresentDuringTransactionAsync(running, idTag, idTokenType, selection, messages, ct).ConfigureAwait(false);
        }

        var stepped = SteppedOn(evseId);
        if (stepped.Run is { IsCompleted: false })
        {
            throw new InvalidOperationException($"a transaction runs on EVSE {evseId} already");
        }

        TokenVerdict verdict;
        try
        {
            verdict = await _engine.AuthorizeForStartAsync(messages, evseId, idTag, idTokenType, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is Ocpp.Rpc.OcppConnectionClosedException || Ocpp.Rpc.OcppCallFailure.IsBadAnswer(ex))
        {
            // No connection, or the CSMS failed to answer: the driver is not let in, as at a station without its CSMS.
            _engine.Log($"EVSE {evseId}: token {idTag} could not be authorised: {ex.Message}");
            verdict = TokenVerdict.Refused;
        }

        if (!verdict.IsAccepted)
        {
            stepped.RefusedTokens.Enqueue(idTag);
            _engine.Log($"EVSE {evseId}: token {idTag} refused; no energy");
            return false;
        }

        if (_engine.IsMasterPass(verdict))
        {
            // 2.0.1 C16: a Master Pass stops transactions; it does not start one.
            await StopWithMasterPassAsync(idTag, idTokenType, selection, ct).ConfigureAwait(false);
            return true;
        }

        var start = new SessionStart(evseId, idTag, TransactionStartTrigger.Authorized, null) { Stepped = true, IdTokenType = idTokenType, GroupId = verdict.GroupId };
        await RunAsync(stepped, start, messages, null, ct).ConfigureAwait(false);
        return true;
    }

    /// <summary>Runs the transaction of <paramref name="start"/> (or the one <paramref name="begun"/> before its EVSE was known) on the stepped EVSE; completes once it is registered.</summary>
    private async Task RunAsync(SteppedEvse stepped, SessionStart start, ITransactionMessages messages, EngineTransaction? begun, CancellationToken ct)
    {
        var evseId = start.EvseId;
        var registered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Registered before the step returns: a discrete-event clock must not move while the transaction starts.
        var actor = _engine.Clock.RegisterActor();
        var lifetime = _lifetime;
        stepped.Run = Task.Run(async () =>
        {
            try
            {
                await _engine.RunTransactionAsync(start, stepped.Connector, messages, lifetime, () => registered.TrySetResult(), begun).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or Ocpp.Rpc.OcppConnectionClosedException)
            {
                // The station stopped; the transaction ends with it.
            }
            catch (Exception ex)
            {
                _engine.Log($"EVSE {evseId}: transaction failed: {ex.Message}");
            }
            finally
            {
                registered.TrySetResult();
                actor.Dispose();
            }
        }, CancellationToken.None);
        await registered.Task.WaitAsync(ct).ConfigureAwait(false);
    }

    private async Task<bool> PresentDuringTransactionAsync(EngineTransaction running, string idTag, string? idTokenType, MasterPassSelection? selection, ITransactionMessages messages, CancellationToken ct)
    {
        var evseId = running.EvseId;
        if (string.Equals(idTag, running.IdTag, StringComparison.Ordinal))
        {
            // 2.0.1 E07 (1.6 §5.16): the token that started it stops it without asking the CSMS again.
            _engine.Log($"EVSE {evseId}: token {idTag} stops its own transaction");
            await StopAsync(running, TransactionStopReason.Local, idTag, idTokenType, ct).ConfigureAwait(false);
            return true;
        }

        TokenVerdict verdict;
        try
        {
            verdict = await messages.AuthorizeTokenAsync(idTag, idTokenType, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is Ocpp.Rpc.OcppConnectionClosedException || Ocpp.Rpc.OcppCallFailure.IsBadAnswer(ex))
        {
            // No connection, or the CSMS failed to answer: the driver is not let in, as at a station without its CSMS.
            _engine.Log($"EVSE {evseId}: token {idTag} could not be authorised: {ex.Message}");
            verdict = TokenVerdict.Refused;
        }

        if (_engine.IsMasterPass(verdict))
        {
            await StopWithMasterPassAsync(idTag, idTokenType, selection, ct).ConfigureAwait(false);
            return true;
        }

        if (verdict is { IsAccepted: true, GroupId: { } group } && string.Equals(group, running.GroupId, StringComparison.Ordinal))
        {
            // 2.0.1 C09.FR.03: another valid token of the group the transaction was started with may stop it.
            _engine.Log($"EVSE {evseId}: token {idTag} of group {group} stops the transaction");
            await StopAsync(running, TransactionStopReason.Local, idTag, idTokenType, ct).ConfigureAwait(false);
            return true;
        }

        if (_stepped.TryGetValue(evseId, out var stepped))
        {
            stepped.RefusedTokens.Enqueue(idTag);
        }

        _engine.Log($"EVSE {evseId}: token {idTag} may not stop the transaction ({verdict.Status}, group {verdict.GroupId ?? "none"} vs {running.GroupId ?? "none"})");
        return false;
    }

    // 2.0.1 C16: with a user interface the holder's pick (C16.FR.01), each stop carrying the Master Pass token; without
    // one every transaction (C16.FR.02), each stopped as by its own token (E07).
    private async Task StopWithMasterPassAsync(string idTag, string? idTokenType, MasterPassSelection? selection, CancellationToken ct)
    {
        var station = _engine.Station;
        var running = station.Profile.Evses.Select(e => _engine.TransactionOn(e.Id)).OfType<EngineTransaction>()
            .Where(tx => selection?.Picks(tx.EvseId) ?? true).ToList();
        _engine.Log($"Master Pass {idTag}: stopping the transactions on EVSE {string.Join(", ", running.Select(tx => tx.EvseId))} ({(selection is null ? "no user interface: all" : "picked on the user interface")})");
        foreach (var tx in running)
        {
            tx.RequestMasterPassStop(selection is null ? tx.IdTag : idTag, selection is null ? tx.IdTokenType : idTokenType);
            await EndedAsync(tx, ct).ConfigureAwait(false);
        }
    }

    private Task StopAsync(EngineTransaction tx, TransactionStopReason reason, string idTag, string? idTokenType, CancellationToken ct)
    {
        tx.RequestStop(reason, idTag, idTokenType);
        return EndedAsync(tx, ct);
    }

    private async Task EndedAsync(EngineTransaction tx, CancellationToken ct)
    {
        if (_stepped.TryGetValue(tx.EvseId, out var stepped) && stepped.Run is { } run)
        {
            await run.WaitAsync(ct).ConfigureAwait(false);
        }
        else
        {
            await tx.Ended.WaitAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>The driver stops the transaction on <paramref name="evseId"/> at the station (reason Local); the EV stays plugged. Completes once the stop was sent (or queued).</summary>
    /// <exception cref="InvalidOperationException">No transaction runs there.</exception>
    public async Task StopLocallyAsync(int evseId, CancellationToken ct)
    {
        var tx = _engine.TransactionOn(evseId) ?? throw new InvalidOperationException($"no transaction runs on EVSE {evseId}");
        tx.RequestStop(TransactionStopReason.Local);
        if (_stepped.TryGetValue(evseId, out var stepped) && stepped.Run is { } run)
        {
            await run.WaitAsync(ct).ConfigureAwait(false);
        }
        else
        {
            await tx.Ended.WaitAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The EV leaves <paramref name="evseId"/>: a running transaction ends with reason EVDisconnected (2.x
    /// stoppedReason EVDisconnected), then the connector is reported available.
    /// </summary>
    /// <exception cref="InvalidOperationException">No EV was plugged in there by <see cref="PlugInAsync"/>.</exception>
    public async Task UnplugAsync(int evseId, CancellationToken ct)
    {
        var stepped = SteppedOn(evseId);
        _engine.TransactionOn(evseId)?.RequestStop(TransactionStopReason.EVDisconnected);
        if (stepped.Run is { } run)
        {
            await run.WaitAsync(ct).ConfigureAwait(false);
        }

        lock (_physics.Gate)
        {
            _physics.Physics.Unplug(evseId);
        }

        _stepped.TryRemove(evseId, out _);
        _engine.Release(evseId);
        _engine.Station.ReleaseAfterSession(stepped.Connector);
        if (_engine.Messages is { } messages)
        {
            await messages.StatusAsync(stepped.Connector, ct).ConfigureAwait(false);
        }

        _engine.Log($"EVSE {evseId}: EV unplugged");
    }

    /// <summary>The tokens the CSMS refused on <paramref name="evseId"/> since the EV there plugged in, oldest first.</summary>
    public IReadOnlyList<string> RefusedTokensOn(int evseId) =>
        _stepped.TryGetValue(evseId, out var stepped) ? [.. stepped.RefusedTokens] : [];

    private SteppedEvse SteppedOn(int evseId) =>
        _stepped.TryGetValue(evseId, out var stepped)
            ? stepped
            : throw new InvalidOperationException($"no EV was plugged into EVSE {evseId} by a step");

    private sealed class SteppedEvse(StationConnector connector)
    {
        public StationConnector Connector { get; } = connector;

        public Task? Run { get; set; }

        public ConcurrentQueue<string> RefusedTokens { get; } = new();
    }
}
