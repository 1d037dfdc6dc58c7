using System.Text.Json;
using System.Text.Json.Nodes;
using DerSim.Sim.Adapters;
using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;
using DerSim.Ocpp;
using DerSim.Ocpp.Json;
using DerSim.Sim.Physics;
using DerSim.Sim.SmartCharging;

namespace DerSim.Sim.Engine;

/// <summary>
/// Transactions in OCPP 2.0.1 and 2.1 (the same shapes for what is sent here): Authorize, TransactionEvent
/// Started / Updated / Ended with a station-made transaction id and seqNo from 0. On 2.1 also the bidirectional part:
/// NotifyEVChargingNeeds and transactionInfo.operationMode (Started, and Updated with OperationModeChanged).
/// </summary>
public sealed class Ocpp2TransactionMessages(TransactionOutbox outbox, IVersionAdapter adapter, ChargingStation station) : ITransactionMessages
{
    /// <inheritdoc />
    public async Task<bool> AuthorizeAsync(string idTag, string? idTokenType, CancellationToken ct)
    {
        var answer = await outbox.CallAsync("Authorize", MeterJson.Element(new JsonObject { ["idToken"] = IdToken(idTag, idTokenType) }), OutboxDelivery.Request, ct).ConfigureAwait(false);
        return answer is { } a && (IsAccepted(a) ?? false);
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
        var remote = tx.Trigger == TransactionStartTrigger.RemoteStart;
        var info = Info(tx, ChargingState.EVConnected);
        if (ExpressesDischarge && tx.ReportedOperationMode is { } mode)
        {
            info["operationMode"] = Ocpp2SmartCharging.ToOcpp2(mode).ToString();
        }

        if (tx.RemoteStartId is { } remoteStartId)
        {
            info["remoteStartId"] = remoteStartId;
        }

        var payload = Event(tx, "Started", remote ? "RemoteStart" : "Authorized", sample, info, "Transaction.Begin");
        payload["idToken"] = IdToken(tx.IdTag, tx.IdTokenType);
        payload["evse"] = new JsonObject { ["id"] = tx.EvseId, ["connectorId"] = tx.Connector.ConnectorId };
        var answer = await outbox.CallAsync("TransactionEvent", MeterJson.Element(payload), OutboxDelivery.Transaction, ct).ConfigureAwait(false);

        // Queued offline: the station started it on its own authority; the CSMS's verdict comes with the delivery.
        return (tx.TransactionId, answer is not { } a || (IsAccepted(a) ?? true));
    }

    /// <inheritdoc />
    public Task SampleAsync(EngineTransaction tx, MeterSample sample, bool triggered, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tx);
        var payload = Event(tx, "Updated", triggered ? "Trigger" : "MeterValuePeriodic", sample, Info(tx, null), triggered ? "Trigger" : "Sample.Periodic");
        return outbox.CallAsync("TransactionEvent", MeterJson.Element(payload), OutboxDelivery.Transaction, ct);
    }

    /// <inheritdoc />
    public Task ChargingStateAsync(EngineTransaction tx, ChargingState state, MeterSample sample, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tx);
        var payload = Event(tx, "Updated", "ChargingStateChanged", null, Info(tx, state), null);
        return outbox.CallAsync("TransactionEvent", MeterJson.Element(payload), OutboxDelivery.Transaction, ct);
    }

    /// <inheritdoc />
    public Task MeterValuesAsync(int evseId, MeterSample sample, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(sample);
        return outbox.CallAsync("MeterValues", MeterJson.Element(new JsonObject
        {
            ["evseId"] = evseId,
            ["meterValue"] = MeterJson.MeterValues(sample, "Trigger", v16: false),
        }), OutboxDelivery.Status, ct);
    }

    /// <inheritdoc />
    public Task StopAsync(EngineTransaction tx, MeterSample sample, TransactionStopReason reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tx);
        var (trigger, stopped) = reason switch
        {
            TransactionStopReason.Remote => ("RemoteStop", "Remote"),
            TransactionStopReason.HardReset or TransactionStopReason.SoftReset => ("ResetCommand", "ImmediateReset"),
            TransactionStopReason.DeAuthorized => ("Deauthorized", "DeAuthorized"),

            // Stopped at the station, not by a token or the CSMS: the closest trigger is a local stop request.
            TransactionStopReason.Local => ("StopAuthorized", "Local"),
            _ => ("EVCommunicationLost", "EVDisconnected"),
        };
        var info = Info(tx, ChargingState.Idle);
        info["stoppedReason"] = stopped;
        var payload = Event(tx, "Ended", trigger, sample, info, "Transaction.End");
        return outbox.CallAsync("TransactionEvent", MeterJson.Element(payload), OutboxDelivery.Transaction, ct);
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

        var info = Info(tx, null);
        info["operationMode"] = Ocpp2SmartCharging.ToOcpp2(mode).ToString();
        var payload = Event(tx, "Updated", "OperationModeChanged", null, info, null);
        return outbox.CallAsync("TransactionEvent", MeterJson.Element(payload), OutboxDelivery.Transaction, ct);
    }

    private JsonObject Event(EngineTransaction tx, string eventType, string trigger, MeterSample? sample, JsonObject info, string? context)
    {
        var payload = new JsonObject
        {
            ["eventType"] = eventType,
            ["timestamp"] = MeterJson.Timestamp(sample?.Timestamp ?? tx.LastSample?.Timestamp ?? tx.StartedAt),
            ["triggerReason"] = trigger,
            ["seqNo"] = tx.NextSeqNo(),
            ["transactionInfo"] = info,
        };
        if (!outbox.IsOnline)
        {
            // Made while the connection is down: it goes out later, queued, and says so.
            payload["offline"] = true;
        }

        if (sample is not null && context is not null)
        {
            payload["meterValue"] = MeterJson.MeterValues(sample, context, v16: false);
        }

        return payload;
    }

    private static JsonObject Info(EngineTransaction tx, ChargingState? state)
    {
        var info = new JsonObject { ["transactionId"] = tx.TransactionId };
        if (state is { } s)
        {
            info["chargingState"] = s.ToString();
        }

        return info;
    }

    // The type given (a remote start keeps the one the CSMS sent: OCPP 2.0.1 F01, the transaction is for its idToken), else the type the
    // text fits: ISO14443 only for a card UID.
    private static JsonObject IdToken(string idTag, string? type) =>
        new() { ["idToken"] = idTag, ["type"] = type ?? IdTokenTypes.Fitting(idTag) };

    private static bool? IsAccepted(JsonElement answer) =>
        answer.TryGetProperty("idTokenInfo", out var info) ? info.GetProperty("status").GetString() == "Accepted" : null;
}
