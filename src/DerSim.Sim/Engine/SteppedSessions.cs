using System.Collections.Concurrent;
using DerSim.Ocpp;
using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;
using DerSim.Sim.Physics;

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
    private readonly ConcurrentDictionary<int, SteppedEvse> _stepped = new();
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
    /// ParkingBayOccupied the transaction starts (2.x Started, triggerReason EVDetected: E01.FR.01); otherwise nothing is sent.
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
        stepped.Connector.Status = ConnectorStatus.Occupied;
        await messages.StatusAsync(stepped.Connector, ct).ConfigureAwait(false);
        _engine.Log($"EVSE {evseId}: EV {ev.Model.Name} plugged in at {ev.SocPercent:0.#}% (target {ev.TargetSocPercent:0.#}%)");
        if (Running(stepped) is { } tx)
        {
            await tx.PostAsync(new TransactionInput(TransactionInputKind.PluggedIn)).WaitAsync(ct).ConfigureAwait(false);
        }
        else
        {
            await StartIfDueAsync(stepped, TransactionStartTrigger.CablePluggedIn, messages, ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The driver presents <paramref name="idTag"/> at <paramref name="evseId"/>: Authorize, and when the CSMS accepts it
    /// the transaction starts (1.6 StartTransaction; 2.x TransactionEvent Started with the token) and charges on its
    /// own until stopped or unplugged. Completes once the start was answered (or queued, offline in 2.x).
    /// </summary>
    /// <returns>Whether the token was accepted; a refused token (or no connection to ask) leaves the EV plugged without energy.</returns>
    /// <exception cref="InvalidOperationException">A transaction with an authorised driver runs already.</exception>
    public Task<bool> PresentTokenAsync(int evseId, string idTag, CancellationToken ct) => PresentTokenAsync(evseId, idTag, null, ct);

    /// <summary>
    /// As <see cref="PresentTokenAsync(int, string, CancellationToken)"/>, with the token's 2.x type (null: the type its
    /// text fits). The driver may come before the EV (OCPP 2.0.1 E03, authorisation first): the transaction starts when
    /// the TxStartPoint is met (at once with Authorized, E01.FR.03; with PowerPathClosed once the EV plugs in within
    /// TxCtrlr.EVConnectionTimeOut, E01.FR.05). A transaction the EV started without a token is authorised by it
    /// (TransactionEvent Updated, triggerReason Authorized, with the idToken: E03.FR.02).
    /// </summary>
    public async Task<bool> PresentTokenAsync(int evseId, string idTag, string? idTokenType, CancellationToken ct)
    {
        var messages = Messages();
        var stepped = Take(evseId);
        var running = Running(stepped);
        if (running is { IsAuthorized: true } || (running is null && stepped.Run is { IsCompleted: false }))
        {
            throw new InvalidOperationException($"a transaction runs on EVSE {evseId} already");
        }

        bool accepted;
        try
        {
            accepted = await messages.AuthorizeAsync(idTag, idTokenType, ct).ConfigureAwait(false);
            _engine.OfflineAuthorization.Remember(idTag, accepted);
        }
        catch (Ocpp.Rpc.OcppConnectionClosedException)
        {
            // Offline: the station decides itself (LocalAuthorizeOffline; unknown tokens with AllowOfflineTxForUnknownId, C15).
            accepted = _engine.OfflineAuthorization.Decide(evseId, idTag, _engine.Station.Configuration, _engine.Log);
        }

        if (!accepted)
        {
            stepped.RefusedTokens.Enqueue(idTag);
            _engine.Log($"EVSE {evseId}: token {idTag} refused; no energy");
            ReleaseIfIdle(stepped);
            return false;
        }

        if (running is not null)
        {
            await running.PostAsync(new TransactionInput(TransactionInputKind.TokenAuthorized, idTag, idTokenType)).WaitAsync(ct).ConfigureAwait(false);
            return true;
        }

        stepped.Token = (idTag, idTokenType);
        stepped.AuthorizedAt = _engine.Clock.Time.GetUtcNow();
        if (!await StartIfDueAsync(stepped, TransactionStartTrigger.Authorized, messages, ct).ConfigureAwait(false))
        {
            _engine.Log($"EVSE {evseId}: token {idTag} accepted; the transaction starts when the EV plugs in");
        }

        return true;
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
    /// EVDisconnected: E06.FR.02); one that stops only at ParkingBayOccupied or Authorized goes on (Updated,
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
        if (tx is { StopPoints: null })
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
    /// The EV leaves the parking bay of <paramref name="evseId"/>: with TxStopPoint ParkingBayOccupied the transaction
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
        met |= points.HasFlag(TxPoints.ParkingBayOccupied) && stepped.Parked ? TxPoints.ParkingBayOccupied : TxPoints.None;
        met |= points.HasFlag(TxPoints.EVConnected) && stepped.Plugged ? TxPoints.EVConnected : TxPoints.None;
        met |= points.HasFlag(TxPoints.Authorized) && authorized ? TxPoints.Authorized : TxPoints.None;
        met |= points & (TxPoints.PowerPathClosed | TxPoints.DataSigned | TxPoints.EnergyTransfer) & (both ? (TxPoints)~0 : TxPoints.None);
        if (config.Get("SampledDataSignReadings")?.Value != "true")
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
            TransactionStartTrigger.EVDetected => TxPoints.ParkingBayOccupied,
            TransactionStartTrigger.CablePluggedIn => TxPoints.EVConnected | TxPoints.PowerPathClosed,
            _ => TxPoints.Authorized | TxPoints.PowerPathClosed,
        };
        var trigger = (met & byCause) != 0 ? cause
            : met.HasFlag(TxPoints.DataSigned) ? TransactionStartTrigger.SignedData
            : met.HasFlag(TxPoints.EnergyTransfer) ? TransactionStartTrigger.EnergyTransfer
            : cause;
        ChargingState? state = !stepped.Plugged ? null : trigger == TransactionStartTrigger.EnergyTransfer ? ChargingState.Charging : ChargingState.EVConnected;
        var start = new SessionStart(stepped.Connector.EvseId, stepped.Token?.IdTag ?? "", trigger, null)
        {
            Stepped = true,
            IdTokenType = stepped.Token?.IdTokenType,
            IsAuthorized = authorized,
            StartState = is16 ? ChargingState.EVConnected : state,
            StopPoints = is16 ? null : TxPointList.ParseOr(config.Get("TxStopPoint")?.Value, TxPointList.DefaultStop),
            AuthorizedAt = stepped.AuthorizedAt,
        };
        await RunAsync(stepped, start, messages, ct).ConfigureAwait(false);
        return true;
    }

    private async Task RunAsync(SteppedEvse stepped, SessionStart start, ITransactionMessages messages, CancellationToken ct)
    {
        var registered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Registered before the step returns: a discrete-event clock must not move while the transaction starts.
        var actor = _engine.Clock.RegisterActor();
        var lifetime = _lifetime;
        stepped.Run = Task.Run(async () =>
        {
            try
            {
                await _engine.RunTransactionAsync(start, stepped.Connector, messages, lifetime, () => registered.TrySetResult()).ConfigureAwait(false);
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
                stepped.AuthorizedAt = null;
                registered.TrySetResult();
                actor.Dispose();
            }
        }, CancellationToken.None);
        await registered.Task.WaitAsync(ct).ConfigureAwait(false);
    }

    private sealed class SteppedEvse(StationConnector connector)
    {
        public StationConnector Connector { get; } = connector;

        public Task? Run { get; set; }

        public bool Plugged { get; set; }

        public bool Parked { get; set; }

        public (string IdTag, string? IdTokenType)? Token { get; set; }

        public DateTimeOffset? AuthorizedAt { get; set; }

        // The EV whose cable was pulled at its side while the transaction goes on (E10.FR.01): it comes back on plug-in.
        public Ev? EvAtLockedCable { get; set; }

        public ConcurrentQueue<string> RefusedTokens { get; } = new();
    }
}
