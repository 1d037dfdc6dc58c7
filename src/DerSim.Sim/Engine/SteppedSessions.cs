using System.Collections.Concurrent;
using DerSim.Ocpp;
using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;
using DerSim.Sim.Physics;
using DerSim.Sim.SmartCharging;

namespace DerSim.Sim.Engine;

/// <summary>
/// Sessions told one step at a time, as a scenario's steps tell them: an EV parks, plugs in, its driver presents a token
/// (before or after the plug-in), the EV pauses, the driver stops at the station, the cable is pulled at either end, the
/// EV leaves the bay. Each step completes once its messages were answered (or queued, offline); the transaction runs
/// through the engine like any other. On 2.x the station starts and stops the transaction at the points its device
/// model names (TxCtrlr.TxStartPoint / TxStopPoint, OCPP 2.0.1 E01 / E06); 1.6 starts it once an EV is plugged in and
/// its driver authorised, and stops it on the driver's stop or the unplug.
/// </summary>
public sealed class SteppedSessions
{
    private readonly ConcurrentDictionary<int, SteppedEvse> _stepped = new(concurrencyLevel: 1, capacity: 2);
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
    /// An EV drives into the parking bay of <paramref name="evseId"/> and its detector sees it. With TxStartPoint
    /// ParkingBayOccupancy the transaction starts (2.x Started, triggerReason EVDetected: E01.FR.01); otherwise nothing is sent.
    /// </summary>
    /// <exception cref="InvalidOperationException">The EVSE does not exist, is in use, or an EV is parked there already.</exception>
    public async Task ParkAsync(int evseId, CancellationToken ct)
    {
        var messages = Messages();
        var stepped = Take(evseId);
        if (stepped.Parked)
        {
            throw new InvalidOperationException($"an EV is parked at EVSE {evseId} already");
        }

        stepped.Parked = true;
        _engine.Log($"EVSE {evseId}: an EV parked in the bay");
        await StartIfDueAsync(stepped, TransactionStartTrigger.EVDetected, messages, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// An EV plugs into <paramref name="evseId"/> (its first connector) and stays until <see cref="UnplugAsync"/>: the
    /// connector is reported occupied (1.6 Preparing). Energy flows once the driver is authorised and the transaction runs.
    /// A cable pulled at the EV (<see cref="DisconnectAtEvAsync"/>) is plugged back by this step too, with the same EV.
    /// </summary>
    /// <exception cref="InvalidOperationException">The EVSE does not exist, is in use, or the station never connected.</exception>
    public async Task PlugInAsync(int evseId, EvArrival arrival, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(arrival);
        var station = _engine.Station;
        var messages = _engine.Messages ?? throw new InvalidOperationException("the station has not booted yet: no EV can plug in");
        var stepped = Take(evseId);
        if (stepped.Plugged)
        {
            throw new InvalidOperationException($"EVSE {evseId} is in use already");
        }

        Ev ev;
        if (stepped.EvAtLockedCable is { } back)
        {
            // The cable goes back into the EV that left it (E10): it takes energy again.
            ev = back;
            ev.Paused = false;
            stepped.EvAtLockedCable = null;
        }
        else
        {
            var model = arrival.Preset is { } name
                ? EvPresets.TryGet(name, out var preset) ? preset : throw new InvalidOperationException($"no EV preset \"{name}\"")
                : EvPresets.DefaultFor(station.Profile);
            ev = new Ev(model, arrival.InitialSocPercent, arrival.TargetSocPercent) { Paused = arrival.NotReady };
        }

        lock (_physics.Gate)
        {
            // The physics moves lazily; it must reach the present before the EV's arrival counts.
            _physics.CatchUp();
            _physics.Physics.Plug(evseId, stepped.Connector.ConnectorId, ev);
        }

        stepped.Plugged = true;
        var preparing = _engine.Version == OcppVersion.V16 && stepped.Token is not null && stepped.Connector.Status == ConnectorStatus.Occupied;
        stepped.Connector.Status = ConnectorStatus.Occupied;
        if (!preparing)
        {
            // 1.6: a connector the token made Preparing already is reported once.
            await messages.StatusAsync(stepped.Connector, ct).ConfigureAwait(false);
        }
        _engine.Log($"EVSE {evseId}: EV {ev.Model.Name} plugged in at {ev.SocPercent:0.#}% (target {ev.TargetSocPercent:0.#}%)");
        if (Running(stepped) is { } tx)
        {
            await tx.PostAsync(new TransactionInput(TransactionInputKind.PluggedIn)).WaitAsync(ct).ConfigureAwait(false);
        }
        else if (TakeBegun() is { } begun)
        {
            // A transaction started on authorization before any EV came (TC_J_08) runs here now: its EVSE is known.
            var start = new SessionStart(evseId, begun.IdTag, TransactionStartTrigger.Authorized, null)
            {
                Stepped = true,
                IdTokenType = begun.IdTokenType,
                GroupId = begun.GroupId,
            };
            await RunAsync(stepped, start, messages, begun, ct).ConfigureAwait(false);
        }
        else
        {
            await StartIfDueAsync(stepped, TransactionStartTrigger.CablePluggedIn, messages, ct).ConfigureAwait(false);
        }
    }

    private EngineTransaction? TakeBegun()
    {
        lock (_begunGate)
        {
            var begun = _begun;
            _begun = null;
            return begun;
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
        var messages = Messages();
        var text = _engine.Station.Configuration.Get("TxStartPoint")?.Value;
        if (_engine.Version == OcppVersion.V16 || !TxPointList.ParseOr(text, TxPointList.DefaultStart).HasFlag(TxPoints.Authorized))
        {
            throw new InvalidOperationException($"a token presented before any EV plugs in starts no transaction with TxCtrlr.TxStartPoint \"{text}\": set it to Authorized");
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
    /// the authorization cache), and when the token is accepted the transaction starts once its TxStartPoint is met
    /// (1.6 StartTransaction; 2.x TransactionEvent Started with the token) and charges on its own until stopped or
    /// unplugged. Completes once the start was answered (or queued, offline in 2.x). While an authorised transaction runs
    /// there, the token may stop it instead (see <see cref="PresentTokenAsync(int, string, string?, MasterPassSelection?, CancellationToken)"/>).
    /// </summary>
    /// <returns>Whether the token was accepted; a refused token (or no connection to ask) leaves the EV plugged without energy.</returns>
    public Task<bool> PresentTokenAsync(int evseId, string idTag, CancellationToken ct) => PresentTokenAsync(evseId, idTag, null, null, ct);

    /// <summary>
    /// As <see cref="PresentTokenAsync(int, string, CancellationToken)"/>, with the token's 2.x type (null: the type its
    /// text fits). The driver may come before the EV (OCPP 2.0.1 E03, authorisation first): the transaction starts when
    /// the TxStartPoint is met (at once with Authorized, E01.FR.03; with PowerPathClosed once the EV plugs in within
    /// TxCtrlr.EVConnectionTimeOut, E01.FR.05). A transaction the EV started without a token is authorised by it
    /// (TransactionEvent Updated, triggerReason Authorized, with the idToken: E03.FR.02).
    /// </summary>
    public Task<bool> PresentTokenAsync(int evseId, string idTag, string? idTokenType, CancellationToken ct) => PresentTokenAsync(evseId, idTag, idTokenType, null, ct);

    /// <summary>
    /// As <see cref="PresentTokenAsync(int, string, string?, CancellationToken)"/>; while an authorised transaction runs on
    /// <paramref name="evseId"/> the token stops it when it is the token that started it (2.0.1 E07), or the CSMS accepts
    /// it in the same group (C09.FR.03). A token whose group is AuthCtrlr.MasterPassGroupId is a Master Pass (C16): it
    /// starts nothing and stops the transactions <paramref name="selection"/> picks on the station's user interface
    /// (C16.FR.01), or, on a station without one (<paramref name="selection"/> null), every transaction (C16.FR.02).
    /// </summary>
    /// <returns>Whether the token was accepted (and started or stopped what it may).</returns>
    public async Task<bool> PresentTokenAsync(int evseId, string idTag, string? idTokenType, MasterPassSelection? selection, CancellationToken ct)
    {
        var messages = Messages();
        if (_engine.TransactionOn(evseId) is { IsAuthorized: true } authorised)
        {
            return await PresentDuringTransactionAsync(authorised, idTag, idTokenType, selection, messages, ct).ConfigureAwait(false);
        }

        var stepped = Take(evseId);
        var running = Running(stepped);
        if (running is null && stepped.Run is { IsCompleted: false })
        {
            throw new InvalidOperationException($"a transaction runs on EVSE {evseId} already");
        }

        TokenVerdict verdict;
        try
        {
            verdict = await _engine.AuthorizeForStartAsync(messages, evseId, idTag, idTokenType, ct).ConfigureAwait(false);
            _engine.OfflineAuthorization.Remember(idTag, verdict.IsAccepted);
        }
        catch (Ocpp.Rpc.OcppConnectionClosedException)
        {
            // Offline: the station decides itself (LocalAuthorizeOffline; unknown tokens with AllowOfflineTxForUnknownId, C15).
            // A token the authorization cache holds as Accepted counts as accepted before (1.6 §3.5.1, 2.0.1 C12).
            if (_engine.Station.AuthorizationCache.Lookup(idTag, _engine.Clock.Time.GetUtcNow()) is { IsAccepted: true })
            {
                _engine.OfflineAuthorization.Remember(idTag, true);
            }

            verdict = _engine.OfflineAuthorization.Decide(evseId, idTag, _engine.Station.Configuration, _engine.Log, _engine.Station.LocalAuthList) ? TokenVerdict.Accepted : TokenVerdict.Refused;
        }
        catch (Exception ex) when (Ocpp.Rpc.OcppCallFailure.IsBadAnswer(ex))
        {
            // The CSMS failed to answer: the driver is not let in, as at a station without its CSMS.
            _engine.Log($"EVSE {evseId}: token {idTag} could not be authorised: {ex.Message}");
            verdict = TokenVerdict.Refused;
        }

        if (!verdict.IsAccepted)
        {
            stepped.RefusedTokens.Enqueue(idTag);
            _engine.Log($"EVSE {evseId}: token {idTag} refused; no energy");
            ReleaseIfIdle(stepped);
            return false;
        }

        if (_engine.IsMasterPass(verdict))
        {
            // 2.0.1 C16: a Master Pass stops transactions; it does not start one.
            ReleaseIfIdle(stepped);
            await StopWithMasterPassAsync(idTag, idTokenType, selection, ct).ConfigureAwait(false);
            return true;
        }

        // 1.6 §5.13: a reserved connector takes only the reservation's idTag, or a token of its parentIdTag (the group
        // the CSMS answered); the reservation is used up when the transaction starts.
        var admission = _engine.Station.Admit(stepped.Connector, idTag, verdict.GroupId, _engine.Clock.Time.GetUtcNow());
        if (!admission.Admitted)
        {
            stepped.RefusedTokens.Enqueue(idTag);
            _engine.Log($"EVSE {evseId}: token {idTag} refused: the connector is reserved for another token");
            ReleaseIfIdle(stepped);
            return false;
        }

        stepped.ReservationId = admission.ReservationId ?? stepped.ReservationId;
        if (running is not null)
        {
            running.GroupId = verdict.GroupId ?? running.GroupId;
            await running.PostAsync(new TransactionInput(TransactionInputKind.TokenAuthorized, idTag, idTokenType)).WaitAsync(ct).ConfigureAwait(false);
            return true;
        }

        stepped.Token = (idTag, idTokenType);
        stepped.GroupId = verdict.GroupId;
        stepped.AuthorizedAt = _engine.Clock.Time.GetUtcNow();
        if (!await StartIfDueAsync(stepped, TransactionStartTrigger.Authorized, messages, ct).ConfigureAwait(false))
        {
            _engine.Log($"EVSE {evseId}: token {idTag} accepted; the transaction starts when the EV plugs in");
            if (_engine.Version == OcppVersion.V16 && !stepped.Plugged)
            {
                await AwaitCableAsync(stepped, messages, ct).ConfigureAwait(false);
            }
        }

        return true;
    }

    // 1.6 §4.9: a presented tag makes the connector Preparing before any cable; when no cable comes within
    // ConnectionTimeOut (§9.1.5) the authorisation lapses and the connector is Available again.
    private async Task AwaitCableAsync(SteppedEvse stepped, ITransactionMessages messages, CancellationToken ct)
    {
        stepped.Connector.Status = ConnectorStatus.Occupied;
        await messages.StatusAsync(stepped.Connector, ct).ConfigureAwait(false);
        var seconds = _engine.Station.Configuration.GetInt("ConnectionTimeOut", 0);
        if (seconds <= 0 || stepped.AuthorizedAt is not { } at)
        {
            return;
        }

        // An actor: simulated time waits for its report once the timeout is due.
        var actor = _engine.Clock.RegisterActor();
        var lifetime = _lifetime;
        _ = Task.Run(async () =>
        {
            try
            {
                await _engine.Clock.WaitAsync(TimeSpan.FromSeconds(seconds), lifetime).ConfigureAwait(false);
                if (stepped.Plugged || stepped.AuthorizedAt != at || stepped.Run is { IsCompleted: false })
                {
                    return;
                }

                _engine.Log($"EVSE {stepped.Connector.EvseId}: no cable within ConnectionTimeOut ({seconds} s); the authorisation of {stepped.Token?.IdTag} lapsed");
                stepped.Token = null;
                stepped.GroupId = null;
                stepped.AuthorizedAt = null;
                await ReportAvailableAsync(stepped, lifetime).ConfigureAwait(false);
                ReleaseIfIdle(stepped);
            }
            catch (Exception ex) when (ex is OperationCanceledException or Ocpp.Rpc.OcppConnectionClosedException)
            {
                // The station stopped, or went offline: the status after the reconnect tells the truth.
            }
            finally
            {
                actor.Dispose();
            }
        }, CancellationToken.None);
    }

    /// <summary>
    /// The driver stops the transaction on <paramref name="evseId"/> at the station; the EV stays plugged. With a
    /// TxStopPoint of Authorized or PowerPathClosed (the default EVConnected,Authorized among them) the transaction ends
    /// (StopAuthorized, reason Local: E06.FR.03/.06); otherwise the authorisation ends (Updated, StopAuthorized), energy
    /// stops, and with EnergyTransfer that ends it (ChargingStateChanged, reason Local: E06.FR.07). Completes once the
    /// messages were sent (or queued).
    /// </summary>
    /// <exception cref="InvalidOperationException">No transaction runs there.</exception>
    public async Task StopLocallyAsync(int evseId, CancellationToken ct)
    {
        var tx = _engine.TransactionOn(evseId) ?? throw new InvalidOperationException($"no transaction runs on EVSE {evseId}");
        if (tx.StopPoints is null)
        {
            tx.RequestStop(TransactionStopReason.Local);
        }
        else
        {
            await tx.PostAsync(new TransactionInput(TransactionInputKind.StopAuthorized)).WaitAsync(ct).ConfigureAwait(false);
        }

        await AwaitEndIfStoppingAsync(evseId, tx, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The EV's cable is pulled at the station and the EV leaves <paramref name="evseId"/>: a transaction whose
    /// TxStopPoint has EVConnected, PowerPathClosed or EnergyTransfer ends (2.x EVCommunicationLost, stoppedReason
    /// EVDisconnected: E06.FR.02); one that stops only at ParkingBayOccupancy or Authorized goes on (Updated,
    /// EVCommunicationLost, Idle). The connector is then reported available.
    /// </summary>
    /// <exception cref="InvalidOperationException">No EV was plugged in there by <see cref="PlugInAsync"/>.</exception>
    public async Task UnplugAsync(int evseId, CancellationToken ct)
    {
        var stepped = SteppedOn(evseId);
        if (!stepped.Plugged && stepped.EvAtLockedCable is null)
        {
            throw new InvalidOperationException($"no EV is plugged into EVSE {evseId}");
        }

        if (Running(stepped) is { StopPoints: null } legacy)
        {
            legacy.RequestStop(TransactionStopReason.EVDisconnected);
        }
        else if (Running(stepped) is { } tx && stepped.Plugged)
        {
            await tx.PostAsync(new TransactionInput(TransactionInputKind.Unplugged)).WaitAsync(ct).ConfigureAwait(false);
        }

        await AwaitEndIfStoppingAsync(evseId, _engine.TransactionOn(evseId), ct).ConfigureAwait(false);
        lock (_physics.Gate)
        {
            _physics.CatchUp();
            _physics.Physics.Unplug(evseId);
        }

        stepped.Plugged = false;
        stepped.EvAtLockedCable = null;
        await ReportAvailableAsync(stepped, ct).ConfigureAwait(false);
        _engine.Log($"EVSE {evseId}: EV unplugged");
        ReleaseIfIdle(stepped);
    }

    /// <summary>
    /// The cable is pulled out of the EV while it stays in the station's connector (OCPP 2.0.1 E10). With
    /// TxCtrlr.StopTxOnEVSideDisconnect true (the default) the transaction ends (EVCommunicationLost, stoppedReason
    /// EVDisconnected: E10.FR.02) and the EV is gone; with false it goes on suspended (Updated, EVCommunicationLost,
    /// Idle: E10.FR.01) with the connector locked until the cable goes back in (<see cref="PlugInAsync"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException">No EV is plugged in there.</exception>
    public async Task DisconnectAtEvAsync(int evseId, CancellationToken ct)
    {
        var stepped = SteppedOn(evseId);
        if (!stepped.Plugged)
        {
            throw new InvalidOperationException($"no EV is plugged into EVSE {evseId}");
        }

        var tx = Running(stepped);
        var config = _engine.Station.Configuration;
        if (tx is { StopPoints: null } && _engine.Version == OcppVersion.V16)
        {
            // 1.6: the EV no longer draws (SuspendedEV); StopTransactionOnEVSideDisconnect (§9.1) says whether the
            // transaction stops (reason EVDisconnected) or goes on, suspended, until the cable goes back in.
            if (_engine.Messages is { } messages && tx.LastSample is { } last)
            {
                tx.ReportedState = ChargingState.SuspendedEV;
                await messages.ChargingStateAsync(tx, ChargingState.SuspendedEV, last, ct).ConfigureAwait(false);
            }

            if (config.Get("StopTransactionOnEVSideDisconnect")?.Value != "false")
            {
                tx.RequestStop(TransactionStopReason.EVDisconnected);
            }
        }
        else if (tx is { StopPoints: null })
        {
            tx.RequestStop(TransactionStopReason.EVDisconnected);
        }
        else if (tx is not null)
        {
            await tx.PostAsync(new TransactionInput(TransactionInputKind.EvSideDisconnected)).WaitAsync(ct).ConfigureAwait(false);
        }

        await AwaitEndIfStoppingAsync(evseId, tx, ct).ConfigureAwait(false);
        Ev? ev;
        lock (_physics.Gate)
        {
            _physics.CatchUp();
            ev = _physics.Physics.EvAt(evseId);
            _physics.Physics.Unplug(evseId);
        }

        stepped.Plugged = false;
        stepped.EvAtLockedCable = Running(stepped) is not null ? ev : null;
        if (_engine.Version == OcppVersion.V16 && Running(stepped) is null && config.Get(StationConfiguration.UnlockOnEVSideDisconnectKey)?.Value == "false")
        {
            // 1.6 UnlockConnectorOnEVSideDisconnect false: the cable stays locked in the connector (Finishing) until the
            // CSMS unlocks it; true lets the driver take it out at once (Available).
            _engine.Log($"EVSE {evseId}: cable pulled at the EV; the connector keeps it locked (UnlockConnectorOnEVSideDisconnect false)");
            ReleaseIfIdle(stepped);
            return;
        }

        await ReportAvailableAsync(stepped, ct).ConfigureAwait(false);
        _engine.Log($"EVSE {evseId}: cable pulled at the EV");
        ReleaseIfIdle(stepped);
    }

    /// <summary>
    /// The EV on <paramref name="evseId"/> stops (or resumes) taking energy on its own side: its charging state becomes
    /// SuspendedEV (or Charging again) and is reported at once; with TxStopPoint EnergyTransfer the stop of the energy
    /// flow ends the transaction (ChargingStateChanged, SuspendedEV, stoppedReason StoppedByEV: E06.FR.07).
    /// </summary>
    /// <exception cref="InvalidOperationException">No EV is plugged in there.</exception>
    public async Task SetEvPausedAsync(int evseId, bool paused, CancellationToken ct)
    {
        var stepped = SteppedOn(evseId);
        lock (_physics.Gate)
        {
            _physics.CatchUp();
            _physics.Physics.SetEvPaused(evseId, paused);
        }

        if (Running(stepped) is { } tx)
        {
            await tx.PostAsync(new TransactionInput(TransactionInputKind.EvStateChanged)).WaitAsync(ct).ConfigureAwait(false);
            await AwaitEndIfStoppingAsync(evseId, tx, ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The EV leaves the parking bay of <paramref name="evseId"/>: with TxStopPoint ParkingBayOccupancy the transaction
    /// ends (EVDeparted, stoppedReason Local: E06.FR.01); otherwise nothing is sent.
    /// </summary>
    /// <exception cref="InvalidOperationException">No EV was parked there by <see cref="ParkAsync"/>.</exception>
    public async Task LeaveBayAsync(int evseId, CancellationToken ct)
    {
        var stepped = SteppedOn(evseId);
        if (!stepped.Parked)
        {
            throw new InvalidOperationException($"no EV is parked at EVSE {evseId}");
        }

        stepped.Parked = false;
        if (Running(stepped) is { } tx)
        {
            await tx.PostAsync(new TransactionInput(TransactionInputKind.LeftBay)).WaitAsync(ct).ConfigureAwait(false);
            await AwaitEndIfStoppingAsync(evseId, tx, ct).ConfigureAwait(false);
        }

        _engine.Log($"EVSE {evseId}: the EV left the bay");
        ReleaseIfIdle(stepped);
    }

    /// <summary>
    /// Whether a CSMS's remote start on an EVSE no step has taken waits for the driver's own steps (an EV plugged in by
    /// <see cref="PlugInAsync"/>, or none within TxCtrlr.EVConnectionTimeOut) instead of a default EV plugging in at once.
    /// The default value is false.
    /// </summary>
    public bool RemoteStartsWaitForSteps { get; set; }

    /// <summary>
    /// The CSMS asks for a transaction on <paramref name="evseId"/> for a token (2.x RequestStartTransaction, OCPP 2.0.1
    /// F01 / F02) where the steps drive the EVSE (an EV plugged in or a token presented by a step, or
    /// <see cref="RemoteStartsWaitForSteps"/>). A transaction the EV started without a token (cable plugin first) is
    /// authorised by it: Updated, triggerReason RemoteStart, with the idToken and remoteStartId, and the answer names
    /// the transaction. Otherwise the request authorises the driver as a presented token would: the transaction starts
    /// when its TxStartPoint is met (Started, triggerReason RemoteStart, with the remoteStartId: F02.FR.01), and lapses
    /// when no EV comes within TxCtrlr.EVConnectionTimeOut (E03). With AuthCtrlr.AuthorizeRemoteStart true and a token
    /// type other than Central or NoAuthorization the station first asks the CSMS with Authorize (F01.FR.01); otherwise
    /// it does not (F01.FR.02).
    /// </summary>
    /// <returns>Null when the steps do not drive the EVSE (the engine's own remote start applies); else the answer and what follows it.</returns>
    internal SteppedRemoteStart? PrepareRemoteStart(int evseId, string idTag, string? idTokenType, int? remoteStartId, ChargingProfile? txProfile)
    {
        if (!_stepped.ContainsKey(evseId) && !RemoteStartsWaitForSteps)
        {
            return null;
        }

        if (_engine.Messages is not { } messages)
        {
            return SteppedRemoteStart.Rejected;
        }

        if (_engine.TransactionOn(evseId) is { } running)
        {
            if (running.IsAuthorized || running.StopRequested is not null)
            {
                return SteppedRemoteStart.Rejected;
            }

            return new SteppedRemoteStart(true, running.TransactionId, async ct =>
            {
                if (await AuthorizeRemoteAsync(evseId, idTag, idTokenType, messages, ct).ConfigureAwait(false) is not { } verdict)
                {
                    return;
                }

                running.RemoteStartId = remoteStartId;
                running.GroupId = verdict.GroupId ?? running.GroupId;
                if (txProfile is not null)
                {
                    var installed = _engine.Profiles.Install(evseId, txProfile with { TransactionId = running.TransactionId });
                    _engine.Log($"EVSE {evseId}: TxProfile of the remote start {(installed.IsAccepted ? "installed" : $"rejected: {installed.Detail}")}");
                }

                await running.PostAsync(new TransactionInput(TransactionInputKind.RemoteStarted, idTag, idTokenType)).WaitAsync(ct).ConfigureAwait(false);
            });
        }

        SteppedEvse stepped;
        try
        {
            if (!_stepped.ContainsKey(evseId) && !_engine.Station.AcceptsNewTransactions(evseId))
            {
                return SteppedRemoteStart.Rejected;
            }

            stepped = Take(evseId);
        }
        catch (InvalidOperationException)
        {
            return SteppedRemoteStart.Rejected;
        }

        if (stepped.Token is not null || stepped.Run is { IsCompleted: false })
        {
            return SteppedRemoteStart.Rejected;
        }

        return new SteppedRemoteStart(true, null, async ct =>
        {
            if (await AuthorizeRemoteAsync(evseId, idTag, idTokenType, messages, ct).ConfigureAwait(false) is not { } verdict)
            {
                ReleaseIfIdle(stepped);
                return;
            }

            stepped.Token = (idTag, idTokenType);
            stepped.GroupId = verdict.GroupId;
            stepped.AuthorizedAt = _engine.Clock.Time.GetUtcNow();
            stepped.RemoteStartId = remoteStartId;
            if (txProfile is not null)
            {
                _engine.HoldTxProfile(evseId, txProfile);
            }

            if (!await StartIfDueAsync(stepped, TransactionStartTrigger.RemoteStart, messages, ct).ConfigureAwait(false))
            {
                _engine.Log($"EVSE {evseId}: remote start for {idTag} accepted; the transaction starts when the EV plugs in");
                if (_engine.Version == OcppVersion.V16)
                {
                    await AwaitEvV16Async(stepped, messages, ct).ConfigureAwait(false);
                }
            }
        });
    }

    // OCPP 1.6 §4.9 / §5.11: a remote start accepted with no EV yet makes the connector Preparing; when no EV comes within
    // ConnectionTimeOut the authorisation lapses and the connector is Available again (the 1.6 CSMS case TC_011_2).
    private async Task AwaitEvV16Async(SteppedEvse stepped, ITransactionMessages messages, CancellationToken ct)
    {
        if (stepped.Plugged || stepped.Token is not { } token)
        {
            return;
        }

        // Registered before the status goes out: a discrete-event clock must not pass the deadline (a scenario's time
        // step right after the CSMS answered the status) before the wait below has begun.
        var seconds = _engine.Station.Configuration.GetInt("ConnectionTimeOut", 0);
        var actor = seconds > 0 ? _engine.Clock.RegisterActor() : null;
        var deadline = (stepped.AuthorizedAt ?? _engine.Clock.Time.GetUtcNow()) + TimeSpan.FromSeconds(Math.Max(0, seconds));
        try
        {
            stepped.Connector.Status = ConnectorStatus.Occupied;
            await messages.StatusAsync(stepped.Connector, ct).ConfigureAwait(false);
        }
        catch
        {
            actor?.Dispose();
            throw;
        }

        if (actor is null)
        {
            return;
        }

        var lifetime = _lifetime;
        _ = Task.Run(async () =>
        {
            try
            {
                var left = deadline - _engine.Clock.Time.GetUtcNow();
                await _engine.Clock.WaitAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero, lifetime).ConfigureAwait(false);
                lock (stepped)
                {
                    if (stepped.Plugged || stepped.Token != token || stepped.Run is { IsCompleted: false })
                    {
                        return;
                    }

                    stepped.Token = null;
                    stepped.AuthorizedAt = null;
                    stepped.RemoteStartId = null;
                }

                _engine.Log($"EVSE {stepped.Connector.EvseId}: no EV within ConnectionTimeOut ({seconds} s); the remote start for {token.IdTag} lapsed");
                await ReportAvailableAsync(stepped, lifetime).ConfigureAwait(false);
                ReleaseIfIdle(stepped);
            }
            catch (Exception ex) when (ex is OperationCanceledException or Ocpp.Rpc.OcppConnectionClosedException)
            {
                // The station stopped; nothing is left to give back.
            }
            finally
            {
                actor.Dispose();
            }
        }, CancellationToken.None);
    }

    // F01.FR.01 / .02: a remote start is authorised like a local one only when AuthCtrlr.AuthorizeRemoteStart says so and the
    // token is one the CSMS did not vouch for itself (not Central, not NoAuthorization). Null: refused, nothing starts.
    private async Task<TokenVerdict?> AuthorizeRemoteAsync(int evseId, string idTag, string? idTokenType, ITransactionMessages messages, CancellationToken ct)
    {
        var ask = _engine.Station.Configuration.Get("AuthorizeRemoteTxRequests")?.Value == "true"
            && idTokenType is not ("Central" or "NoAuthorization");
        if (!ask)
        {
            return TokenVerdict.Accepted;
        }

        TokenVerdict verdict;
        try
        {
            verdict = await _engine.AuthorizeForStartAsync(messages, evseId, idTag, idTokenType, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is Ocpp.Rpc.OcppConnectionClosedException || Ocpp.Rpc.OcppCallFailure.IsBadAnswer(ex))
        {
            _engine.Log($"EVSE {evseId}: remote start token {idTag} could not be authorised: {ex.Message}");
            return null;
        }

        if (!verdict.IsAccepted)
        {
            _engine.Log($"EVSE {evseId}: remote start token {idTag} refused by Authorize ({verdict.Status}); nothing starts");
            return null;
        }

        return verdict;
    }

    /// <summary>The tokens the CSMS refused on <paramref name="evseId"/> since the EV there plugged in, oldest first.</summary>
    public IReadOnlyList<string> RefusedTokensOn(int evseId) =>
        _stepped.TryGetValue(evseId, out var stepped) ? [.. stepped.RefusedTokens] : [];

    private ITransactionMessages Messages() => _engine.Messages ?? throw new InvalidOperationException("the station has not booted yet");

    // The step-driven state of the EVSE, taking the EVSE for steps when none had it yet.
    private SteppedEvse Take(int evseId)
    {
        if (_stepped.TryGetValue(evseId, out var existing))
        {
            return existing;
        }

        var connector = _engine.Station.ConnectorsOf(evseId).FirstOrDefault()
            ?? throw new InvalidOperationException($"the station has no EVSE {evseId} (EVSEs: {string.Join(", ", _engine.Station.Profile.Evses.Select(e => e.Id))})");
        if (!_engine.TryReserve(evseId))
        {
            throw new InvalidOperationException($"EVSE {evseId} is in use already");
        }

        var stepped = new SteppedEvse(connector);
        _stepped[evseId] = stepped;
        return stepped;
    }

    private SteppedEvse SteppedOn(int evseId) =>
        _stepped.TryGetValue(evseId, out var stepped)
            ? stepped
            : throw new InvalidOperationException($"no EV was plugged into EVSE {evseId} by a step");

    private EngineTransaction? Running(SteppedEvse stepped) =>
        stepped.Run is { IsCompleted: false } ? _engine.TransactionOn(stepped.Connector.EvseId) : null;

    // Frees the EVSE once nothing of the session is left: no EV, no bay occupied, no authorisation waiting, no transaction.
    private void ReleaseIfIdle(SteppedEvse stepped)
    {
        lock (stepped)
        {
            if (stepped.Plugged || stepped.Parked || stepped.EvAtLockedCable is not null || stepped.Token is not null || stepped.Run is { IsCompleted: false })
            {
                return;
            }

            if (_stepped.TryRemove(new KeyValuePair<int, SteppedEvse>(stepped.Connector.EvseId, stepped)))
            {
                _engine.Release(stepped.Connector.EvseId);
            }
        }
    }

    private async Task ReportAvailableAsync(SteppedEvse stepped, CancellationToken ct)
    {
        if (Running(stepped) is null)
        {
            _engine.Station.ReleaseAfterSession(stepped.Connector);
        }
        else
        {
            // The transaction goes on without an EV: the connector is free, a scheduled change waits for its end.
            stepped.Connector.Status = ConnectorStatus.Available;
        }

        if (_engine.Messages is { } messages)
        {
            await messages.StatusAsync(stepped.Connector, ct).ConfigureAwait(false);
        }
    }

    private async Task AwaitEndIfStoppingAsync(int evseId, EngineTransaction? tx, CancellationToken ct)
    {
        if (tx is null || tx.StopRequested is null)
        {
            return;
        }

        if (_stepped.TryGetValue(evseId, out var stepped) && stepped.Run is { } run)
        {
            await run.WaitAsync(ct).ConfigureAwait(false);
        }
        else
        {
            await tx.Ended.WaitAsync(ct).ConfigureAwait(false);
        }
    }

    // Starts the transaction when the TxStartPoint is met now (OCPP 2.0.1 E01.FR.01–.06); 1.6 (and the default
    // PowerPathClosed) once the EV is plugged in and the driver authorised. True when it started.
    private async Task<bool> StartIfDueAsync(SteppedEvse stepped, TransactionStartTrigger cause, ITransactionMessages messages, CancellationToken ct)
    {
        if (stepped.Run is { IsCompleted: false })
        {
            return false;
        }

        var is16 = _engine.Version == OcppVersion.V16;
        var config = _engine.Station.Configuration;
        var points = is16 ? TxPoints.PowerPathClosed : TxPointList.ParseOr(config.Get("TxStartPoint")?.Value, TxPointList.DefaultStart);
        if (stepped.Token is not null && stepped.AuthorizedAt is { } at && stepped.Plugged && cause == TransactionStartTrigger.CablePluggedIn
            && config.GetInt("ConnectionTimeOut", 0) is > 0 and var timeout && _engine.Clock.Time.GetUtcNow() - at > TimeSpan.FromSeconds(timeout))
        {
            // The EV came after TxCtrlr.EVConnectionTimeOut (1.6 ConnectionTimeOut): the authorisation has lapsed.
            _engine.Log($"EVSE {stepped.Connector.EvseId}: the authorisation of {stepped.Token.Value.IdTag} lapsed before the EV plugged in");
            stepped.Token = null;
            stepped.AuthorizedAt = null;
        }

        var authorized = stepped.Token is not null;
        var both = stepped.Plugged && authorized;
        var met = TxPoints.None;
        met |= points.HasFlag(TxPoints.ParkingBayOccupancy) && stepped.Parked ? TxPoints.ParkingBayOccupancy : TxPoints.None;
        met |= points.HasFlag(TxPoints.EVConnected) && stepped.Plugged ? TxPoints.EVConnected : TxPoints.None;
        met |= points.HasFlag(TxPoints.Authorized) && authorized ? TxPoints.Authorized : TxPoints.None;
        met |= points & (TxPoints.PowerPathClosed | TxPoints.DataSigned | TxPoints.EnergyTransfer) & (both ? (TxPoints)~0 : TxPoints.None);
        if (!config.GetBool(StationConfiguration.SampledData, "SignReadings", fallback: false))
        {
            // E01.FR.04: DataSigned needs a meter that signs (SampledDataCtrlr.SignReadings).
            met &= ~TxPoints.DataSigned;
        }

        if (met == TxPoints.None)
        {
            return false;
        }

        // The trigger is the event that met a start point, else the point met on the way (energy flowing, data signed).
        var byCause = cause switch
        {
            TransactionStartTrigger.EVDetected => TxPoints.ParkingBayOccupancy,
            TransactionStartTrigger.CablePluggedIn => TxPoints.EVConnected | TxPoints.PowerPathClosed,
            _ => TxPoints.Authorized | TxPoints.PowerPathClosed,
        };
        var trigger = (met & byCause) != 0 ? cause
            : met.HasFlag(TxPoints.DataSigned) ? TransactionStartTrigger.SignedData
            : met.HasFlag(TxPoints.EnergyTransfer) ? TransactionStartTrigger.EnergyTransfer
            : cause;
        ChargingState? state = !stepped.Plugged ? null : trigger == TransactionStartTrigger.EnergyTransfer ? ChargingState.Charging : ChargingState.EVConnected;
        var start = new SessionStart(stepped.Connector.EvseId, stepped.Token?.IdTag ?? "", trigger, stepped.RemoteStartId)
        {
            Stepped = true,
            IdTokenType = stepped.Token?.IdTokenType,
            GroupId = authorized ? stepped.GroupId : null,
            IsAuthorized = authorized,
            StartState = is16 ? ChargingState.EVConnected : state,
            StopPoints = is16 ? null : TxPointList.ParseOr(config.Get("TxStopPoint")?.Value, TxPointList.DefaultStop),
            AuthorizedAt = stepped.AuthorizedAt,
            ReservationId = authorized ? stepped.ReservationId : null,
        };
        if (start.ReservationId is { } reservationId)
        {
            foreach (var freed in _engine.Station.UseReservation(reservationId, stepped.Connector))
            {
                await messages.StatusAsync(freed, ct).ConfigureAwait(false);
            }
        }

        await RunAsync(stepped, start, messages, null, ct).ConfigureAwait(false);
        return true;
    }

    /// <summary>Runs the transaction of <paramref name="start"/> (or the one <paramref name="begun"/> before its EVSE was known) on the stepped EVSE; completes once it is registered.</summary>
    private async Task RunAsync(SteppedEvse stepped, SessionStart start, ITransactionMessages messages, EngineTransaction? begun, CancellationToken ct)
    {
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
                _engine.Log($"EVSE {start.EvseId}: transaction failed: {ex.Message}");
            }
            finally
            {
                // The authorisation ends with the transaction; the EV may stay plugged in without one.
                stepped.Token = null;
                stepped.GroupId = null;
                stepped.AuthorizedAt = null;
                stepped.RemoteStartId = null;
                stepped.ReservationId = null;
                registered.TrySetResult();
                actor.Dispose();
            }
        }, CancellationToken.None);
        if (_engine.Version == OcppVersion.V16 && !_engine.Outbox.IsOnline)
        {
            // 1.6 offline: the StartTransaction waits in the outbox for the connection (§3.7); the transaction is
            // registered once the CSMS numbered it after the reconnect.
            _engine.Log($"EVSE {start.EvseId}: offline; the StartTransaction is queued until the connection is back");
            return;
        }

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

    // A token stops the transaction (E07, C09); with 2.x TxStopPoints that end it neither at Authorized nor at
    // PowerPathClosed only the authorisation ends (StopAuthorized, E06), as a stop at the station.
    private async Task StopAsync(EngineTransaction tx, TransactionStopReason reason, string idTag, string? idTokenType, CancellationToken ct)
    {
        if (tx.StopPoints is { } stops && (stops & (TxPoints.Authorized | TxPoints.PowerPathClosed)) == 0)
        {
            await tx.PostAsync(new TransactionInput(TransactionInputKind.StopAuthorized)).WaitAsync(ct).ConfigureAwait(false);
            await AwaitEndIfStoppingAsync(tx.EvseId, tx, ct).ConfigureAwait(false);
            return;
        }

        tx.RequestStop(reason, idTag, idTokenType);
        await EndedAsync(tx, ct).ConfigureAwait(false);
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

    private sealed class SteppedEvse(StationConnector connector)
    {
        public StationConnector Connector { get; } = connector;

        public Task? Run { get; set; }

        public bool Plugged { get; set; }

        public bool Parked { get; set; }

        public (string IdTag, string? IdTokenType)? Token { get; set; }

        public string? GroupId { get; set; }

        public DateTimeOffset? AuthorizedAt { get; set; }

        // The remoteStartId of the CSMS's request the authorisation came from (2.x F02.FR.01), or null.
        public int? RemoteStartId { get; set; }

        // The reservation the authorised token uses (1.6 StartTransaction.reservationId); null for none.
        public int? ReservationId { get; set; }

        // The EV whose cable was pulled at its side while the transaction goes on (E10.FR.01): it comes back on plug-in.
        public Ev? EvAtLockedCable { get; set; }

        public ConcurrentQueue<string> RefusedTokens { get; } = new();
    }
}
