using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;
using DerSim.Sim.Physics;
using DerSim.Sim.Timing;

namespace DerSim.Sim.Engine;

public sealed partial class StationEngine
{
    /// <summary>
    /// Runs <see cref="SessionPlan.Sessions"/> sessions one after another on every EVSE (its first connector),
    /// all EVSEs at once; completes when they are done.
    /// </summary>
    public Task RunSessionsAsync(CancellationToken ct)
    {
        if (Plan.Sessions <= 0)
        {
            return Task.CompletedTask;
        }

        // Register every actor before any waits, so a discrete-event clock cannot jump while the others start.
        var loops = Station.Profile.Evses.OrderBy(e => e.Id).Select(e => (e.Id, Actor: Clock.RegisterActor())).ToList();
        return Task.WhenAll(loops.Select(l => Task.Run(() => RunPlanAsync(l.Id, l.Actor, ct), ct)));
    }

    private async Task RunPlanAsync(int evseId, IDisposable actor, CancellationToken ct)
    {
        using (actor)
        {
            if (Plan.FirstSessionDelay > TimeSpan.Zero)
            {
                await Clock.WaitAsync(Plan.FirstSessionDelay, ct).ConfigureAwait(false);
            }

            for (var done = 0; done < Plan.Sessions && !ct.IsCancellationRequested && !_planEnded;)
            {
                if (!Station.AcceptsNewTransactions(evseId) || !_busy.TryAdd(evseId, 0))
                {
                    // A CSMS-started session has the EVSE, or it is inoperative or a reset waits; try again after an interval.
                    await Clock.WaitAsync(SampleInterval, ct).ConfigureAwait(false);
                    continue;
                }

                try
                {
                    await RunOneSessionAsync(new SessionStart(evseId, Plan.IdTag, TransactionStartTrigger.Authorized, null) { IdTokenType = Plan.IdTagType }, ct).ConfigureAwait(false);
                }
                catch (Exception ex) when (IsBadAnswer(ex))
                {
                    // A message the CSMS failed to process ends this session at most, never the plan.
                    Log($"EVSE {evseId}: session ended early, the CSMS failed to process a message: {ex.Message}");
                }
                finally
                {
                    _busy.TryRemove(evseId, out _);
                }

                done++;
                if (done < Plan.Sessions && !_planEnded)
                {
                    // The bay stays empty for an interval before the next car arrives.
                    await Clock.WaitAsync(SampleInterval, ct).ConfigureAwait(false);
                }
            }
        }
    }

    private Ev NewEv()
    {
        var model = Plan.EvPreset is { } name && EvPresets.TryGet(name, out var preset) ? preset : EvPresets.DefaultFor(Station.Profile);
        return new Ev(model, Plan.InitialSocPercent ?? model.ArrivalSocPercent, Plan.TargetSocPercent ?? Ev.DefaultTargetSocPercent);
    }

    private async Task RunOneSessionAsync(SessionStart start, CancellationToken ct)
    {
        var messages = _messages ?? throw new InvalidOperationException("The engine is not attached to a connection.");
        var connector = Station.ConnectorsOf(start.EvseId).First();

        // 1. The EV plugs in.
        lock (_physics.Gate)
        {
            Physics.Plug(start.EvseId, connector.ConnectorId, NewEv());
        }

        connector.Status = ConnectorStatus.Occupied;
        try
        {
            await messages.StatusAsync(connector, ct).ConfigureAwait(false);

            // 2. Authorize: a CSMS-started session is authorised already unless the station is told to ask (AuthorizeRemoteTxRequests).
            var ask = start.Trigger == TransactionStartTrigger.Authorized
                || Station.Configuration.Get("AuthorizeRemoteTxRequests")?.Value == "true";
            if (ask && !await AuthorizeAsync(messages, start, ct).ConfigureAwait(false))
            {
                Log($"EVSE {start.EvseId}: token {start.IdTag} refused; the EV leaves");
                return;
            }

            await RunTransactionAsync(start, connector, messages, ct).ConfigureAwait(false);
        }
        finally
        {
            // 6. The EV leaves.
            lock (_physics.Gate)
            {
                Physics.Unplug(start.EvseId);
            }

            _pendingTxProfiles.TryRemove(start.EvseId, out _);
            Station.ReleaseAfterSession(connector);
            if (!ct.IsCancellationRequested)
            {
                await messages.StatusAsync(connector, ct).ConfigureAwait(false);
            }
        }
    }

    private async Task<bool> AuthorizeAsync(ITransactionMessages messages, SessionStart start, CancellationToken ct)
    {
        try
        {
            var accepted = (await AuthorizeForStartAsync(messages, start.EvseId, start.IdTag, start.IdTokenType, ct).ConfigureAwait(false)).IsAccepted;
            OfflineAuthorization.Remember(start.IdTag, accepted);
            return accepted;
        }
        catch (Ocpp.Rpc.OcppConnectionClosedException)
        {
            return OfflineAuthorization.Decide(start, Station.Configuration, Log, Station.LocalAuthList);
        }
        catch (Exception ex) when (IsBadAnswer(ex))
        {
            // Not a transaction message, so not retried: the driver is not let in, as at a station whose CSMS does not answer.
            Log($"EVSE {start.EvseId}: Authorize of {start.IdTag} not answered: {ex.Message}");
            return false;
        }
    }

    /// <summary>
    /// The verdict on a token presented to start charging: from the authorization cache when AuthCtrlr.LocalPreAuthorize
    /// is true and the cache holds it as Accepted (2.0.1 C10/C12: no Authorize; the answer to the transaction's start tells
    /// whether it still is), else from the CSMS (Authorize).
    /// </summary>
    internal async Task<TokenVerdict> AuthorizeForStartAsync(ITransactionMessages messages, int evseId, string idTag, string? idTokenType, CancellationToken ct)
    {
        if (Station.Configuration.Get(StationConfiguration.LocalPreAuthorizeKey)?.Value == "true"
            && Station.AuthorizationCache.Lookup(idTag, Clock.Time.GetUtcNow()) is { IsAccepted: true } cached)
        {
            Log($"EVSE {evseId}: token {idTag} authorized from the authorization cache (LocalPreAuthorize)");
            return new TokenVerdict(cached.Status, cached.GroupId);
        }

        if (Station.Configuration.Get(StationConfiguration.LocalPreAuthorizeKey)?.Value == "true"
            && Station.LocalAuthList.Lookup(idTag) is { IsAccepted: true } listed)
        {
            // 1.6 §3.4 / LocalPreAuthorize: a token the local list accepts starts without asking the CSMS.
            Log($"EVSE {evseId}: token {idTag} authorized from the local authorization list (LocalPreAuthorize)");
            return new TokenVerdict(listed.Status, listed.GroupId);
        }

        return await messages.AuthorizeTokenAsync(idTag, idTokenType, ct).ConfigureAwait(false);
    }

    /// <summary>Whether <paramref name="verdict"/> makes its token a Master Pass (its group is AuthCtrlr.MasterPassGroupId, 2.0.1 C16).</summary>
    internal bool IsMasterPass(TokenVerdict verdict) =>
        verdict is { IsAccepted: true, GroupId: { Length: > 0 } group }
        && Station.Configuration.Get(StationConfiguration.MasterPassGroupIdKey)?.Value is { Length: > 0 } master
        && string.Equals(group, master, StringComparison.Ordinal);

    /// <summary>
    /// Runs one transaction on <paramref name="connector"/> from its start to its stop; <paramref name="registeredCallback"/>
    /// is called once the start was answered (or given up).
    /// </summary>
    internal async Task RunTransactionAsync(SessionStart start, StationConnector connector, ITransactionMessages messages, CancellationToken ct, Action? registeredCallback = null, EngineTransaction? begun = null)
    {
        // 3. Start: the id comes from the CSMS (1.6) or the station (2.x); energy flows from then on. A transaction
        // begun before its EVSE was known (begun) started already: the EV's plug-in names the EVSE instead.
        using var tx = begun ?? new EngineTransaction(connector, start.IdTag, start.Trigger, start.RemoteStartId)
        {
            StaysPlugged = start.Stepped,
            IdTokenType = start.IdTokenType,
            GroupId = start.GroupId,
            IsAuthorized = start.IsAuthorized,
            StartState = start.StartState,
            StopPoints = start.StopPoints,
            AuthorizedAt = start.AuthorizedAt,
            ReportedState = start.StartState ?? ChargingState.Idle,
            ReservationId = start.ReservationId,
        };
        var (first, firstSnapshot) = ReadNow(start.EvseId);
        if (begun is null)
        {
            tx.StartedAt = first.Timestamp;
        }

        tx.StartRegisterWh ??= RegisterWh(first);

        tx.EverPlugged = Physics.EvAt(start.EvseId) is not null;
        Bidirectional.Prepare(tx, messages);

        // Until it is registered, a CSMS request naming it waits (SettleStartsAsync): its answer may be just in.
        var registered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _starting[tx] = registered;
        bool accepted;
        try
        {
            if (begun is not null)
            {
                accepted = begun.StartAccepted;
                tx.Connector = connector;
                tx.EvseKnown = true;
                Price(tx, firstSnapshot);
                try
                {
                    await messages.EvseKnownAsync(tx, first, ct).ConfigureAwait(false);
                }
                catch (Exception ex) when (IsBadAnswer(ex))
                {
                    // The transaction runs on: a real station charges and tells the CSMS more with the next events.
                    Log($"EVSE {start.EvseId}: the EVSE of transaction {tx.TransactionId} not acknowledged: {ex.Message}");
                }
            }
            else
            {
                try
                {
                    // 2.1 I-block: the tariff in force now prices the transaction, and the Started event names it.
                    Price(tx, firstSnapshot);
                    (tx.TransactionId, accepted) = await messages.StartAsync(tx, first, ct).ConfigureAwait(false);
                }
                catch (Exception ex) when (IsBadAnswer(ex))
                {
                    // Given up after its last attempt (the outbox logged it): without the CSMS's id there is no transaction.
                    Log($"EVSE {start.EvseId}: transaction not started: {ex.Message}");
                    return;
                }
            }

            tx.LastSample = first;
            _transactions[start.EvseId] = tx;
            Profiles.StartTransaction(start.EvseId, tx.TransactionId!, tx.StartedAt);
            if (_planEnded)
            {
                // The plan ended while this one was starting: it ends at once, like the others did.
                tx.RequestStop(TransactionStopReason.Local);
            }
        }
        finally
        {
            _starting.TryRemove(tx, out _);
            registered.TrySetResult();
            registeredCallback?.Invoke();
        }

        try
        {
            if (_pendingTxProfiles.TryRemove(start.EvseId, out var txProfile))
            {
                var installed = Profiles.Install(start.EvseId, txProfile with { TransactionId = tx.TransactionId });
                Log($"EVSE {start.EvseId}: TxProfile of the remote start {(installed.IsAccepted ? "installed" : $"rejected: {installed.Detail}")}");
            }

            if (!accepted && Station.Configuration.Get(StationConfiguration.StopTxOnInvalidIdKey)?.Value != "false")
            {
                // 2.0.1 E05 / C12: the CSMS refused the token of a started transaction, and StopTxOnInvalidId says stop.
                tx.RequestStop(TransactionStopReason.DeAuthorized);
            }
            else if (!accepted)
            {
                // StopTxOnInvalidId false: the transaction goes on, but with no more energy than MaxEnergyOnInvalidId
                // (2.0.1 E05: 0 Wh suspends it at once); it ends when the EV leaves.
                await ChargeDeauthorizedAsync(tx, messages, ct).ConfigureAwait(false);
            }
            else
            {
                if (Physics.EvAt(start.EvseId) is not null)
                {
                    await Bidirectional.NegotiateAsync(tx, messages, ct).ConfigureAwait(false);
                }

                AllowEnergyIfReady(tx);

                // The priced time counts as charging time from the moment energy flows.
                CostNow(tx);
                await ReportStateAsync(tx, messages, ct).ConfigureAwait(false);
                await Bidirectional.ReportOperationModeAsync(tx, messages, ct).ConfigureAwait(false);
                await ChargeAsync(tx, messages, ct).ConfigureAwait(false);
            }

            // 5. Stop.
            lock (_physics.Gate)
            {
                Physics.SetEnergyAllowed(start.EvseId, false);
            }

            var (last, lastSnapshot) = ReadNow(start.EvseId);

            // The final cost goes with the Ended event (2.1 local cost calculation).
            CostAt(tx, last, lastSnapshot);
            await messages.StopAsync(tx, last, tx.StopRequested ?? TransactionStopReason.EVDisconnected, ct).ConfigureAwait(false);
        }
        finally
        {
            Profiles.EndTransaction(start.EvseId);
            _transactions.TryRemove(start.EvseId, out _);
        }
    }

    /// <summary>
    /// 4. Samples every interval until a stop is requested or the EV, at its target, leaves one interval after
    /// SuspendedEV; with SampledDataCtrlr.TxEndedInterval set, it also keeps the TxEndedMeasurands every such interval
    /// from the start for the Ended event (J02).
    /// </summary>
    private async Task ChargeAsync(EngineTransaction tx, ITransactionMessages messages, CancellationToken ct)
    {
        var leaving = false;

        // Samples fall on fixed deadlines (start + k × interval), so on a real or scaled clock the time spent
        // sending a sample does not push every later one back; a deadline already missed is not caught up in a burst.
        var start = Clock.Time.GetUtcNow();
        var nextSample = start;
        var sampleDue = true;
        var endedInterval = SampledTxEndedInterval;
        var nextEnded = endedInterval > TimeSpan.Zero ? start + endedInterval : DateTimeOffset.MaxValue;

        // One reusable wait for the whole session where the clock allows it, not a token source and a delay per sample
        // (see Sleeper); the registrations wake it for the end of the run, the end of the transaction and an input.
        using var sleeper = Clock.CreateSleeper();
        using var ending = sleeper?.WakeOn(ct) ?? default;
        using var stopping = sleeper?.WakeOn(tx.StopToken) ?? default;
        using var inputs = new WakeRegistration(sleeper);
        while (!tx.StopToken.IsCancellationRequested)
        {
            var wake = tx.WakeToken;
            inputs.Follow(wake);
            using var wait = sleeper is null ? CancellationTokenSource.CreateLinkedTokenSource(ct, tx.StopToken, wake) : null;
            var now = Clock.Time.GetUtcNow();
            if (sampleDue)
            {
                nextSample += SampleInterval;
                sampleDue = false;
            }

            // On a real or scaled clock time moves on while the loop runs: a deadline already passed is due now.
            if (nextSample < now)
            {
                nextSample = now;
            }

            // The next sample, or the next TxEnded reading (J02 TxEndedInterval) if sooner. An authorisation without an EV
            // lapses after TxCtrlr.EVConnectionTimeOut (E03: the transaction then ends, EVConnectTimeout); the loop wakes
            // at that moment rather than at the next sample.
            var due = nextEnded < nextSample ? nextEnded : nextSample;
            var deadline = due;
            if (ConnectionDeadline(tx) is { } lapse)
            {
                if (lapse <= now)
                {
                    tx.RequestStop(TransactionStopReason.Timeout);
                    return;
                }

                deadline = lapse < deadline ? lapse : deadline;
            }

            // 2.1 E16: a time limit set at the station ends the transaction at its moment, not at the next sample.
            if (tx.Limit?.MaxTimeSeconds is { } limitSeconds && tx.StartedAt + TimeSpan.FromSeconds(limitSeconds) is var timeUp)
            {
                if (timeUp <= now)
                {
                    tx.RequestStop(TransactionStopReason.TimeLimitReached);
                    return;
                }

                deadline = timeUp < deadline ? timeUp : deadline;
            }

            // 2.1 E16: a cost limit ends the transaction when the cost reaches it; the loop wakes when, growing as it does
            // now, it will, rather than at the next sample.
            switch (CostLimit(tx, now))
            {
                case (true, _):
                    tx.RequestStop(TransactionStopReason.CostLimitReached);
                    return;
                case (false, { } costUp) when costUp < deadline:
                    deadline = costUp;
                    break;
            }

            var span = deadline > now ? deadline - now : TimeSpan.Zero;
            bool elapsed;
            if (sleeper is not null)
            {
                elapsed = await sleeper.SleepAsync(span).ConfigureAwait(false);
                ct.ThrowIfCancellationRequested();
            }
            else
            {
                try
                {
                    await Clock.WaitAsync(span, wait!.Token).ConfigureAwait(false);
                    elapsed = true;
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    elapsed = false;
                }
            }

            if (!elapsed)
            {
                if (tx.StopToken.IsCancellationRequested)
                {
                    return;
                }

                if (wake.IsCancellationRequested)
                {
                    // A step of the EV or driver: report it now, and keep the sampling rhythm.
                    await HandleInputsAsync(tx, messages, ct).ConfigureAwait(false);
                }

                continue;
            }

            if (deadline < due && Clock.Time.GetUtcNow() < due)
            {
                // Woken for the connection timeout, which is checked at the top.
                continue;
            }

            var (sample, snapshot) = ReadNow(tx.EvseId);
            if (due == nextEnded)
            {
                tx.CollectForEnd(new MeterReport(Metering.Select(sample, Station.Configuration, StationModel.StationConfiguration.SampledData, "TxEndedMeasurands"), Metering.Periodic));
                endedInterval = SampledTxEndedInterval;
                nextEnded = endedInterval > TimeSpan.Zero ? nextEnded + endedInterval : DateTimeOffset.MaxValue;
            }

            if (due != nextSample)
            {
                continue;
            }

            sampleDue = true;
            if (leaving)
            {
                return;
            }

            CostAt(tx, sample, snapshot);
            if (LimitReached(tx, sample, Clock.Time.GetUtcNow()) is { } reached)
            {
                tx.RequestStop(reached);
                return;
            }

            if (tx.EnergyLimitWh is { } limit && RegisterWh(sample) >= limit)
            {
                tx.EnergyLimitWh = null;
                lock (_physics.Gate)
                {
                    Physics.SetEnergyAllowed(tx.EvseId, false);
                }

                Log($"EVSE {tx.EvseId}: MaxEnergyOnInvalidId reached; energy suspended");
            }

            try
            {
                await ReportStateAsync(tx, messages, snapshot.State, sample, ct).ConfigureAwait(false);
                await Bidirectional.ReportOperationModeAsync(tx, messages, ct).ConfigureAwait(false);
                tx.LastSample = sample;

                // Nothing to report when SampledDataCtrlr is disabled or its TxUpdatedMeasurands name nothing (J02).
                if (Metering.ForContext(sample, Station.Configuration, Metering.Periodic).Readings.Count > 0)
                {
                    await messages.SampleAsync(tx, sample, triggered: false, ct).ConfigureAwait(false);
                }

                // 2.1 local cost calculation: the running cost, at the sampling interval (TransactionEvent RunningCost).
                if (tx.Cost is not null)
                {
                    await messages.UpdateAsync(tx, new TransactionUpdate(TransactionUpdateTrigger.RunningCost, null), ct).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (IsBadAnswer(ex))
            {
                // A lost or refused sample does not end the charge: a real station keeps charging and samples again.
                Log($"EVSE {tx.EvseId}: sample not acknowledged: {ex.Message}");
            }

            leaving = !tx.StaysPlugged && snapshot.TargetReached && snapshot.State is ChargingState.SuspendedEV or ChargingState.SuspendedEVSE;
        }
    }

    // A transaction whose token the CSMS refused, kept open (StopTxOnInvalidId false): energy flows until the transaction
    // took MaxEnergyOnInvalidId Wh (ChargeAsync watches the register), then the EVSE suspends it until the stop.
    private async Task ChargeDeauthorizedAsync(EngineTransaction tx, ITransactionMessages messages, CancellationToken ct)
    {
        var budgetWh = Station.Configuration.GetInt(StationConfiguration.MaxEnergyOnInvalidIdKey, 0);
        Log($"EVSE {tx.EvseId}: token {tx.IdTag} refused by the CSMS; the transaction goes on with at most {budgetWh} Wh (StopTxOnInvalidId false)");
        if (budgetWh > 0)
        {
            var (first, _) = ReadNow(tx.EvseId);
            tx.EnergyLimitWh = RegisterWh(first) + budgetWh;
            lock (_physics.Gate)
            {
                Physics.SetEnergyAllowed(tx.EvseId, true);
            }
        }

        await ChargeAsync(tx, messages, ct).ConfigureAwait(false);
    }

    private static double RegisterWh(MeterSample sample) =>
        sample.Readings.Where(r => r.Measurand == "Energy.Active.Import.Register" && r.Phase is null).Select(r => r.Value).FirstOrDefault();

    private static bool IsBadAnswer(Exception ex) => Ocpp.Rpc.OcppCallFailure.IsBadAnswer(ex);

    // Energy flows once the driver is authorised and the EV is there (the power path closes), until the authorisation ends.
    private void AllowEnergyIfReady(EngineTransaction tx)
    {
        lock (_physics.Gate)
        {
            _physics.CatchUp();
            var ready = tx.IsAuthorized && !tx.AuthorizationEnded && Physics.EvAt(tx.EvseId) is not null;
            Physics.SetEnergyAllowed(tx.EvseId, ready);
        }
    }

    // When an authorisation given before the EV came lapses (TxCtrlr.EVConnectionTimeOut, 0: never); null when an EV is there.
    private DateTimeOffset? ConnectionDeadline(EngineTransaction tx)
    {
        if (tx.AuthorizedAt is not { } at || !tx.IsAuthorized || tx.EverPlugged || Physics.EvAt(tx.EvseId) is not null)
        {
            return null;
        }

        var seconds = Station.Configuration.GetInt("ConnectionTimeOut", 0);
        return seconds > 0 ? at + TimeSpan.FromSeconds(seconds) : null;
    }

    // The steps of the EV and driver a running step-driven transaction reports (OCPP 2.0.1 E01–E10), in the order they came.
    private async Task HandleInputsAsync(EngineTransaction tx, ITransactionMessages messages, CancellationToken ct)
    {
        while (tx.TryTakeInput(out var pending))
        {
            try
            {
                await HandleInputAsync(tx, pending.Input, messages, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (IsBadAnswer(ex))
            {
                Log($"EVSE {tx.EvseId}: {pending.Input.Kind} not acknowledged: {ex.Message}");
            }
            finally
            {
                pending.Done.TrySetResult();
            }
        }
    }

    private async Task HandleInputAsync(EngineTransaction tx, TransactionInput input, ITransactionMessages messages, CancellationToken ct)
    {
        var stops = tx.StopPoints ?? (TxPoints.EVConnected | TxPoints.Authorized);
        switch (input.Kind)
        {
            case TransactionInputKind.TokenAuthorized:
            case TransactionInputKind.RemoteStarted:
                // E03.FR.02: the idToken goes once, in the event of the authorisation. OCPP 2.0.1 F01 (cable plugin first):
                // when the CSMS's request authorised it, the event says so (triggerReason RemoteStart) with the request's
                // remoteStartId (F02.FR.01).
                tx.IdTag = input.IdTag ?? tx.IdTag;
                tx.IdTokenType = input.IdTokenType;
                tx.IsAuthorized = true;
                tx.AuthorizedAt = Clock.Time.GetUtcNow();
                var why = input.Kind == TransactionInputKind.RemoteStarted ? TransactionUpdateTrigger.RemoteStart : TransactionUpdateTrigger.Authorized;
                await messages.UpdateAsync(tx, new TransactionUpdate(why, null, WithIdToken: true), ct).ConfigureAwait(false);
                AllowEnergyIfReady(tx);
                break;
            case TransactionInputKind.PluggedIn:
                tx.EverPlugged = true;
                tx.ReportedState = ChargingState.EVConnected;
                await messages.UpdateAsync(tx, new TransactionUpdate(TransactionUpdateTrigger.CablePluggedIn, ChargingState.EVConnected), ct).ConfigureAwait(false);
                AllowEnergyIfReady(tx);
                break;
            case TransactionInputKind.StopAuthorized:
                if ((stops & (TxPoints.Authorized | TxPoints.PowerPathClosed)) != 0)
                {
                    // E06.FR.03 / .06: the end of the authorisation ends the transaction.
                    tx.RequestStop(TransactionStopReason.Local);
                    return;
                }

                tx.AuthorizationEnded = true;
                await messages.UpdateAsync(tx, new TransactionUpdate(TransactionUpdateTrigger.StopAuthorized, null), ct).ConfigureAwait(false);
                AllowEnergyIfReady(tx);
                if (stops.HasFlag(TxPoints.EnergyTransfer) && tx.EnergyFlowed)
                {
                    // E06.FR.07: the energy transfer stopped, so does the transaction.
                    tx.RequestStop(TransactionStopReason.EnergyTransferEnded);
                }

                break;
            case TransactionInputKind.Unplugged:
                if ((stops & (TxPoints.EVConnected | TxPoints.PowerPathClosed | TxPoints.EnergyTransfer)) != 0)
                {
                    // E06.FR.02 / .06 / .07: the connection to the EV is lost.
                    tx.RequestStop(TransactionStopReason.EVDisconnected);
                    return;
                }

                tx.ReportedState = ChargingState.Idle;
                await messages.UpdateAsync(tx, new TransactionUpdate(TransactionUpdateTrigger.EVCommunicationLost, ChargingState.Idle), ct).ConfigureAwait(false);
                return;
            case TransactionInputKind.EvSideDisconnected:
                if (Station.Configuration.Get("StopTransactionOnEVSideDisconnect")?.Value != "false")
                {
                    // E10.FR.02 (StopTxOnEVSideDisconnect true): the transaction stops when the cable leaves the EV.
                    tx.RequestStop(TransactionStopReason.EVDisconnected);
                    return;
                }

                // E10.FR.01: it goes on, suspended, with the connector locked until the driver returns.
                tx.ReportedState = ChargingState.Idle;
                await messages.UpdateAsync(tx, new TransactionUpdate(TransactionUpdateTrigger.EVCommunicationLost, ChargingState.Idle), ct).ConfigureAwait(false);
                return;
            case TransactionInputKind.LeftBay:
                if (stops.HasFlag(TxPoints.ParkingBayOccupancy))
                {
                    // E06.FR.01: the bay detector no longer sees the EV.
                    tx.RequestStop(TransactionStopReason.EVDeparted);
                }

                return;
            default:
                break;
        }

        if (!tx.StopToken.IsCancellationRequested)
        {
            await ReportStateAsync(tx, messages, ct).ConfigureAwait(false);
        }
    }

    private Task ReportStateAsync(EngineTransaction tx, ITransactionMessages messages, CancellationToken ct)
    {
        var (sample, snapshot) = ReadNow(tx.EvseId);
        return ReportStateAsync(tx, messages, snapshot.State, sample, ct);
    }

    private async Task ReportStateAsync(EngineTransaction tx, ITransactionMessages messages, ChargingState state, MeterSample sample, CancellationToken ct)
    {
        if (state == tx.ReportedState || state == ChargingState.Idle)
        {
            return;
        }

        if (state == ChargingState.Charging)
        {
            tx.EnergyFlowed = true;
        }
        else if (state == ChargingState.SuspendedEV && tx.EnergyFlowed && tx.StopPoints is { } stops && stops.HasFlag(TxPoints.EnergyTransfer))
        {
            // E06.FR.07: the EV stopped drawing, so the energy transfer and the transaction end (the Ended event says SuspendedEV).
            tx.ReportedState = state;
            tx.RequestStop(TransactionStopReason.StoppedByEV);
            return;
        }

        tx.ReportedState = state;
        await messages.ChargingStateAsync(tx, state, sample, ct).ConfigureAwait(false);
    }

    /// <summary>Keeps a sleeper registered on the transaction's current wake token (renewed after each input).</summary>
    private sealed class WakeRegistration(Sleeper? sleeper) : IDisposable
    {
        private CancellationTokenRegistration _registration;
        private CancellationToken _token;

        public void Follow(CancellationToken token)
        {
            if (sleeper is null || token == _token)
            {
                return;
            }

            _registration.Dispose();
            (_registration, _token) = (sleeper.WakeOn(token), token);
        }

        public void Dispose() => _registration.Dispose();
    }
}
