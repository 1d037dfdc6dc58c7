using System.Text.Json;
using DerSim.Ocpp.Dialects;
using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;
using DerSim.Ocpp;
using DerSim.Ocpp.Json;
using DerSim.Sim.Physics;
using DerSim.Sim.SmartCharging;
using DerSim.Sim.Engine;
using Ocpp2 = DerSim.Ocpp.V21;

namespace DerSim.Sim.Adapters;

/// <summary>
/// Transactions in OCPP 2.0.1 and 2.1 (the same shapes for what is sent here): Authorize, TransactionEvent
/// Started / Updated / Ended with a station-made transaction id and seqNo from 0. On 2.1 also the bidirectional part:
/// NotifyEVChargingNeeds and transactionInfo.operationMode (Started, and Updated with OperationModeChanged).
/// </summary>
public sealed class Ocpp2TransactionMessages(TransactionOutbox outbox, IVersionAdapter adapter, ChargingStation station, TimeProvider time) : ITransactionMessages
{
    /// <inheritdoc />
    public async Task<bool> AuthorizeAsync(string idTag, string? idTokenType, CancellationToken ct) =>
        (await AuthorizeTokenAsync(idTag, idTokenType, ct).ConfigureAwait(false)).IsAccepted;

    /// <inheritdoc />
    public async Task<TokenVerdict> AuthorizeTokenAsync(string idTag, string? idTokenType, CancellationToken ct)
    {
        var answer = await outbox.CallAsync("Authorize", Payload(new Ocpp2.AuthorizeRequest(IdToken(idTag, idTokenType))), OutboxDelivery.Request, ct).ConfigureAwait(false);
        return answer is { } a ? Learn(idTag, a) ?? TokenVerdict.Refused : TokenVerdict.Refused;
    }

    /// <inheritdoc />
    public Task StatusAsync(StationConnector connector, CancellationToken ct) =>
        outbox.ReportAsync("StatusNotification", peer => adapter.SendStatusAsync(peer, station, connector, ct));

    /// <inheritdoc />
    public async Task<(string TransactionId, bool Accepted)> StartAsync(EngineTransaction tx, MeterSample sample, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(sample);

        // Unique per station and at most 36 characters (the schema's limit).
        tx.TransactionId = Guid.NewGuid().ToString("N");

        // Started on authorization before any EV plugged in: no EVSE and no meter to read yet (EvseKnownAsync follows).
        var known = tx.EvseKnown;
        var info = Info(tx, known ? tx.StartState : ChargingState.Idle) with
        {
            OperationMode = ExpressesDischarge && tx.ReportedOperationMode is { } mode ? Ocpp2SmartCharging.ToOcpp2(mode) : null,
            RemoteStartId = tx.RemoteStartId,

            // 2.1 I-block: the tariff that prices the transaction.
            TariffId = tx.Tariff?.TariffId,
        };

        // The trigger names the start point that was met (OCPP 2.0.1 E01.FR.01–.06); the idToken is sent once the driver
        // is authorised (E03.FR.02), so a transaction started by the EV alone carries none. With TxStartPoint DataSigned
        // (E01.FR.04) SampledDataCtrlr.SignReadings is true, so the Transaction.Begin values go signed (J02.FR.21).
        var trigger = tx.Trigger switch
        {
            TransactionStartTrigger.RemoteStart => Ocpp2.TriggerReasonEnumType.RemoteStart,
            TransactionStartTrigger.CablePluggedIn => Ocpp2.TriggerReasonEnumType.CablePluggedIn,
            TransactionStartTrigger.EVDetected => Ocpp2.TriggerReasonEnumType.EVDetected,
            TransactionStartTrigger.EnergyTransfer => Ocpp2.TriggerReasonEnumType.ChargingStateChanged,
            TransactionStartTrigger.SignedData => Ocpp2.TriggerReasonEnumType.SignedDataReceived,
            _ => Ocpp2.TriggerReasonEnumType.Authorized,
        };
        var payload = Event(tx, Ocpp2.TransactionEventEnumType.Started, trigger, known ? sample : null, info, Metering.Begin) with
        {
            IdToken = tx.IsAuthorized ? IdToken(tx.IdTag, tx.IdTokenType) : null,
            Evse = known ? new Ocpp2.EVSEType(tx.EvseId) { ConnectorId = tx.Connector.ConnectorId } : null,
        };
        var answer = await outbox.CallAsync("TransactionEvent", Payload(payload), OutboxDelivery.Transaction, late => Refused(tx, late), ct).ConfigureAwait(false);

        // Queued offline: the station started it on its own authority; the CSMS's verdict comes with the delivery.
        // Online, the answer says whether the token is still valid (2.0.1 C12: a start from the cache learns it here).
        var verdict = answer is { } a && tx.IsAuthorized ? Learn(tx.IdTag, a) : null;
        tx.GroupId = verdict?.GroupId ?? tx.GroupId;
        return (tx.TransactionId, verdict?.IsAccepted ?? true);
    }

    /// <inheritdoc />
    public Task SampleAsync(EngineTransaction tx, MeterSample sample, bool triggered, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tx);
        var payload = Event(tx, Ocpp2.TransactionEventEnumType.Updated, triggered ? Ocpp2.TriggerReasonEnumType.Trigger : Ocpp2.TriggerReasonEnumType.MeterValuePeriodic, sample, Info(tx, null), triggered ? "Trigger" : Metering.Periodic);
        return outbox.CallAsync("TransactionEvent", Payload(payload), OutboxDelivery.Transaction, ct);
    }

    /// <inheritdoc />
    public Task ChargingStateAsync(EngineTransaction tx, ChargingState state, MeterSample sample, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tx);
        var payload = Event(tx, Ocpp2.TransactionEventEnumType.Updated, Ocpp2.TriggerReasonEnumType.ChargingStateChanged, null, Info(tx, state), null);
        return outbox.CallAsync("TransactionEvent", Payload(payload), OutboxDelivery.Transaction, ct);
    }

    /// <inheritdoc />
    public Task MeterValuesAsync(int evseId, MeterSample sample, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(sample);
        return outbox.CallAsync("MeterValues", Payload(new Ocpp2.MeterValuesRequest(evseId, [MeterPayloads.Ocpp2MeterValue(sample, "Trigger", adapter.Version)])), OutboxDelivery.Status, ct);
    }

    /// <inheritdoc />
    public async Task StopAsync(EngineTransaction tx, MeterSample sample, TransactionStopReason reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tx);
        var (trigger, stopped) = reason switch
        {
            // 2.0.1 C16: a Master Pass holder's stop says so.
            TransactionStopReason.Local when tx.StoppedByMasterPass => (Ocpp2.TriggerReasonEnumType.StopAuthorized, Ocpp2.ReasonEnumType.MasterPass),
            TransactionStopReason.Remote => (Ocpp2.TriggerReasonEnumType.RemoteStop, Ocpp2.ReasonEnumType.Remote),
            TransactionStopReason.HardReset or TransactionStopReason.SoftReset => (Ocpp2.TriggerReasonEnumType.ResetCommand, Ocpp2.ReasonEnumType.ImmediateReset),
            TransactionStopReason.DeAuthorized => (Ocpp2.TriggerReasonEnumType.Deauthorized, Ocpp2.ReasonEnumType.DeAuthorized),

            // Stopped at the station, not by a token or the CSMS: the closest trigger is a local stop request.
            TransactionStopReason.Local => (Ocpp2.TriggerReasonEnumType.StopAuthorized, Ocpp2.ReasonEnumType.Local),

            // The stop points' own endings (E06): energy stopped after the driver's stop or by the EV, the EV left the bay,
            // the EV never came within EVConnectionTimeOut.
            TransactionStopReason.EnergyTransferEnded => (Ocpp2.TriggerReasonEnumType.ChargingStateChanged, Ocpp2.ReasonEnumType.Local),
            TransactionStopReason.StoppedByEV => (Ocpp2.TriggerReasonEnumType.ChargingStateChanged, Ocpp2.ReasonEnumType.StoppedByEV),
            TransactionStopReason.EVDeparted => (Ocpp2.TriggerReasonEnumType.EVDeparted, Ocpp2.ReasonEnumType.Local),
            TransactionStopReason.Timeout => (Ocpp2.TriggerReasonEnumType.EVConnectTimeout, Ocpp2.ReasonEnumType.Timeout),

            // A power failure ended it; the station tells it after powering up again.
            TransactionStopReason.PowerLoss => (Ocpp2.TriggerReasonEnumType.AbnormalCondition, Ocpp2.ReasonEnumType.PowerLoss),
            // 2.1 E16: the limit set at the station was reached; E17: a transaction that could not be resumed after the boot.
            TransactionStopReason.EnergyLimitReached => (Ocpp2.TriggerReasonEnumType.EnergyLimitReached, Ocpp2.ReasonEnumType.EnergyLimitReached),
            TransactionStopReason.TimeLimitReached => (Ocpp2.TriggerReasonEnumType.TimeLimitReached, Ocpp2.ReasonEnumType.TimeLimitReached),

            // 2.1 has CostLimitReached as a trigger only; of its stop reasons LocalOutOfCredit names a cost limit the
            // station itself enforced (EnergyLimitReached, TimeLimitReached and SOCLimitReached are the other limits').
            TransactionStopReason.CostLimitReached => (Ocpp2.TriggerReasonEnumType.CostLimitReached, Ocpp2.ReasonEnumType.LocalOutOfCredit),
            TransactionStopReason.NotResumed when tx.InterruptedByPowerLoss => (Ocpp2.TriggerReasonEnumType.AbnormalCondition, Ocpp2.ReasonEnumType.PowerLoss),
            TransactionStopReason.NotResumed => (Ocpp2.TriggerReasonEnumType.ResetCommand, Ocpp2.ReasonEnumType.ImmediateReset),
            _ => (Ocpp2.TriggerReasonEnumType.EVCommunicationLost, Ocpp2.ReasonEnumType.EVDisconnected),
        };

        // The charging state at the end: the one energy stopped in (ChargingStateChanged), else Idle once the EV is gone
        // or was never there; an EV still plugged in after a local stop is EVConnected.
        ChargingState? state = reason switch
        {
            TransactionStopReason.EnergyTransferEnded => ChargingState.EVConnected,
            TransactionStopReason.StoppedByEV => ChargingState.SuspendedEV,
            TransactionStopReason.EVDeparted or TransactionStopReason.Timeout => null,
            _ => ChargingState.Idle,
        };
        var info = Info(tx, state) with { StoppedReason = stopped };
        var payload = Priced(tx, Event(tx, Ocpp2.TransactionEventEnumType.Ended, trigger, sample, info, Metering.End) with
        {
            // A token presented at the station stopped it (2.0.1 E07, C09, C16): the CSMS is told which.
            IdToken = tx.StopIdTag is { } stopper ? IdToken(stopper, tx.StopIdTokenType) : null,
        });

        // The readings collected for the end (J01 / J02 TxEndedInterval, each cut to its TxEndedMeasurands already),
        // then the final one with context Transaction.End.
        List<Ocpp2.MeterValueType> values = [.. tx.TxEndedReadings.Where(r => r.Sample.Readings.Count > 0).Select(r => MeterValue(tx, r.Sample, r.Context))];
        values.AddRange(payload.MeterValue ?? []);
        payload = payload with { MeterValue = values.Count > 0 ? values : null };
        var answer = await outbox.CallAsync("TransactionEvent", Payload(payload), OutboxDelivery.Transaction, ct).ConfigureAwait(false);
        if (answer is { } a && tx.StopIdTag is { } token)
        {
            Learn(token, a);
        }
    }

    /// <inheritdoc />
    public Task EvseKnownAsync(EngineTransaction tx, MeterSample sample, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tx);

        // J02: the Transaction.Begin values go with the first event that names the EVSE (TC_J_08: EVSE not known at the start).
        var payload = Event(tx, Ocpp2.TransactionEventEnumType.Updated, Ocpp2.TriggerReasonEnumType.CablePluggedIn, sample, Info(tx, ChargingState.EVConnected), Metering.Begin) with
        {
            Evse = new Ocpp2.EVSEType(tx.EvseId) { ConnectorId = tx.Connector.ConnectorId },
        };
        return outbox.CallAsync("TransactionEvent", Payload(payload), OutboxDelivery.Transaction, ct);
    }

    /// <inheritdoc />
    public Task ClockAlignedAsync(int evseId, MeterSample sample, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var value = MeterPayloads.Ocpp2MeterValue(sample, Metering.Clock, adapter.Version, Signing(null, Metering.Clock));
        return outbox.CallAsync("MeterValues", Payload(new Ocpp2.MeterValuesRequest(evseId, [value])), OutboxDelivery.Status, ct);
    }

    /// <inheritdoc />
    public Task ClockAlignedAsync(EngineTransaction tx, MeterSample sample, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tx);
        var payload = Event(tx, Ocpp2.TransactionEventEnumType.Updated, Ocpp2.TriggerReasonEnumType.MeterValueClock, sample, Info(tx, null), Metering.Clock);
        return outbox.CallAsync("TransactionEvent", Payload(payload), OutboxDelivery.Transaction, ct);
    }

    /// <inheritdoc />
    public Task UpdateAsync(EngineTransaction tx, TransactionUpdate update, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(update);
        var trigger = update.Trigger switch
        {
            TransactionUpdateTrigger.Authorized => Ocpp2.TriggerReasonEnumType.Authorized,
            TransactionUpdateTrigger.CablePluggedIn => Ocpp2.TriggerReasonEnumType.CablePluggedIn,
            TransactionUpdateTrigger.StopAuthorized => Ocpp2.TriggerReasonEnumType.StopAuthorized,
            TransactionUpdateTrigger.RemoteStart => Ocpp2.TriggerReasonEnumType.RemoteStart,
            TransactionUpdateTrigger.TxResumed => Ocpp2.TriggerReasonEnumType.TxResumed,
            TransactionUpdateTrigger.LimitSet => Ocpp2.TriggerReasonEnumType.LimitSet,
            TransactionUpdateTrigger.RunningCost => Ocpp2.TriggerReasonEnumType.RunningCost,
            _ => Ocpp2.TriggerReasonEnumType.EVCommunicationLost,
        };

        // F02.FR.01: the event the RequestStartTransaction caused carries its remoteStartId.
        var info = update.Trigger == TransactionUpdateTrigger.RemoteStart ? Info(tx, update.State) with { RemoteStartId = tx.RemoteStartId } : Info(tx, update.State);
        if (update.Limit is { } limit)
        {
            // 2.1 E16.FR.01: the limit the station set, in transactionInfo.transactionLimit (energy in Wh, time in s, cost
            // in the tariff's currency).
            info = info with
            {
                TransactionLimit = new Ocpp2.TransactionLimitType { MaxEnergy = limit.MaxEnergyWh is { } wh ? (decimal)wh : null, MaxTime = limit.MaxTimeSeconds, MaxCost = limit.MaxCost },
            };
        }

        var payload = Event(tx, Ocpp2.TransactionEventEnumType.Updated, trigger, null, info, null) with
        {
            IdToken = update.WithIdToken ? IdToken(tx.IdTag, tx.IdTokenType) : null,
        };
        if (update.Trigger is TransactionUpdateTrigger.TxResumed or TransactionUpdateTrigger.LimitSet or TransactionUpdateTrigger.RunningCost)
        {
            // Events of their own moment, not of the last sample: the resumption after the boot, the limit as it was set,
            // the cost as it was read.
            payload = payload with { Timestamp = time.GetUtcNow() };
        }

        if (update.Trigger is TransactionUpdateTrigger.LimitSet or TransactionUpdateTrigger.RunningCost)
        {
            payload = Priced(tx, payload);
        }

        return outbox.CallAsync("TransactionEvent", Payload(payload), OutboxDelivery.Transaction, ct);
    }

    /// <inheritdoc />
    public bool ExpressesDischarge => adapter.Version == OcppVersion.V21;

    /// <inheritdoc />
    public async Task<ChargingNeedsAnswer> ChargingNeedsAsync(EngineTransaction tx, EvChargingNeeds needs, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tx);
        if (!ExpressesDischarge)
        {
            return ChargingNeedsAnswer.NotSent;
        }

        var table = OcppActionTables.For(OcppVersion.V21);
        var request = V21EnergyTransfer.Request(needs);
        var payload = OcppJson.SerializeToElement(request, request.GetType(), table);

        // Outside the transaction queue: offline it is dropped, as the EV renegotiates when the station is back.
        var answer = await outbox.CallAsync("NotifyEVChargingNeeds", payload, OutboxDelivery.Status, ct).ConfigureAwait(false);
        if (answer is not { } a)
        {
            return ChargingNeedsAnswer.NotSent;
        }

        var response = (Ocpp.V21.NotifyEVChargingNeedsResponse)OcppJson.Deserialize(a, typeof(Ocpp.V21.NotifyEVChargingNeedsResponse), table);
        tx.RequestedEnergyTransfer = needs.Requested;
        return V21EnergyTransfer.FromV21(response.Status);
    }

    /// <inheritdoc />
    public Task OperationModeAsync(EngineTransaction tx, OperationMode mode, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tx);
        if (!ExpressesDischarge)
        {
            return Task.CompletedTask;
        }

        var info = Info(tx, null) with { OperationMode = Ocpp2SmartCharging.ToOcpp2(mode) };
        var payload = Event(tx, Ocpp2.TransactionEventEnumType.Updated, Ocpp2.TriggerReasonEnumType.OperationModeChanged, null, info, null);
        return outbox.CallAsync("TransactionEvent", Payload(payload), OutboxDelivery.Transaction, ct);
    }

    // 2.1 local cost calculation: the event carries the cost the station calculated (costDetails) and the tariff that
    // priced it; unchanged when no tariff prices the transaction.
    private static Ocpp2.TransactionEventRequest Priced(EngineTransaction tx, Ocpp2.TransactionEventRequest payload) =>
        tx is { Tariff: { } tariff, Cost: { } cost }
            ? payload with { CostDetails = V21Tariffs.ToWire(cost), TransactionInfo = payload.TransactionInfo with { TariffId = tariff.TariffId } }
            : payload;

    private Ocpp2.TransactionEventRequest Event(EngineTransaction tx, Ocpp2.TransactionEventEnumType eventType, Ocpp2.TriggerReasonEnumType trigger, MeterSample? sample, Ocpp2.TransactionType info, string? context) =>
        new(eventType, sample?.Timestamp ?? tx.LastSample?.Timestamp ?? tx.StartedAt, trigger, tx.NextSeqNo(), info)
        {
            // Made while the connection is down: it goes out later, queued, and says so.
            Offline = outbox.IsOnline ? null : true,
            MeterValue = sample is not null && context is not null && Metering.ForContext(sample, station.Configuration, context) is { Readings.Count: > 0 } cut
                ? [MeterValue(tx, cut, context)]
                : null,
            CustomData = Ocpp2CustomData.Of(station.CustomData),
        };

    // The measurands and signing of each context come from the device model (J01 AlignedDataCtrlr, J02 SampledDataCtrlr).
    private Ocpp2.MeterValueType MeterValue(EngineTransaction tx, MeterSample sample, string context) =>
        MeterPayloads.Ocpp2MeterValue(sample, context, adapter.Version, Signing(tx.TransactionId, context));

    private MeterSigning? Signing(string? transactionId, string context) =>
        Metering.Signs(station.Configuration, context) ? new MeterSigning(station.MeterSigner, station.StationId, transactionId) : null;

    private Ocpp2.TransactionType Info(EngineTransaction tx, ChargingState? state) =>
        new(tx.TransactionId!)
        {
            ChargingState = state is { } s ? OcppJson.ParseName<Ocpp2.ChargingStateEnumType>(s.ToString(), OcppActionTables.For(adapter.Version)) : null,
            CustomData = Ocpp2CustomData.Of(station.CustomData),
        };

    // The type given (a remote start keeps the one the CSMS sent: OCPP 2.0.1 F01, the transaction is for its idToken), else the type the
    // text fits: ISO14443 only for a card UID.
    private static Ocpp2.IdTokenType IdToken(string idTag, string? type) => new(idTag, type ?? IdTokenTypes.Fitting(idTag));

    private JsonElement Payload<T>(T request)
        where T : notnull =>
        OcppJson.SerializeToElement(request, typeof(T), OcppActionTables.For(adapter.Version));

    // The CSMS's late verdict on a token the station let in offline (OCPP 2.0.1 C15), once the queued Started is
    // delivered: the cache learns it (C10) and, not accepted, the transaction is deauthorised and, with
    // TxCtrlr.StopTxOnInvalidId true, stopped (E05.FR.03; Ended, triggerReason Deauthorized).
    private void Refused(EngineTransaction tx, JsonElement answer)
    {
        var verdict = tx.IsAuthorized ? Learn(tx.IdTag, answer) : null;
        if (verdict is { IsAccepted: false } && station.Configuration.Get(StationConfiguration.StopTxOnInvalidIdKey)?.Value != "false")
        {
            tx.RequestStop(TransactionStopReason.DeAuthorized);
        }
    }

    // The idTokenInfo of an AuthorizeResponse or TransactionEventResponse, stored in the authorization cache (2.0.1 C10:
    // the station keeps what every such answer says of a token); null when the answer has none.
    private TokenVerdict? Learn(string idTag, JsonElement answer)
    {
        if (!answer.TryGetProperty("idTokenInfo", out var info) || info.GetProperty("status").GetString() is not { } status)
        {
            return null;
        }

        var group = info.TryGetProperty("groupIdToken", out var g) && g.TryGetProperty("idToken", out var gid) ? gid.GetString() : null;
        station.AuthorizationCache.Store(idTag, status, group, time.GetUtcNow());
        return new TokenVerdict(status, group);
    }
}
