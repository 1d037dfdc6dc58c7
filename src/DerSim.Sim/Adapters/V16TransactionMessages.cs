using System.Globalization;
using System.Text.Json;
using DerSim.Ocpp;
using DerSim.Ocpp.Json;
using DerSim.Ocpp.V16;
using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;
using DerSim.Sim.Physics;
using DerSim.Sim.Engine;

namespace DerSim.Sim.Adapters;

/// <summary>Transactions in OCPP 1.6J: Authorize, StartTransaction (the CSMS assigns the id), MeterValues, StatusNotification per charging state, StopTransaction.</summary>
public sealed class V16TransactionMessages(TransactionOutbox outbox, IVersionAdapter adapter, ChargingStation station, TimeProvider time) : ITransactionMessages
{
    /// <inheritdoc />
    public async Task<bool> AuthorizeAsync(string idTag, string? idTokenType, CancellationToken ct) =>
        (await AuthorizeTokenAsync(idTag, idTokenType, ct).ConfigureAwait(false)).IsAccepted;

    /// <inheritdoc />
    public async Task<TokenVerdict> AuthorizeTokenAsync(string idTag, string? idTokenType, CancellationToken ct)
    {
        var answer = await outbox.CallAsync("Authorize", Payload(new AuthorizeRequest(idTag)), OutboxDelivery.Request, ct).ConfigureAwait(false);
        return answer is { } a ? Learn(idTag, a) : TokenVerdict.Refused;
    }

    /// <inheritdoc />
    public Task StatusAsync(StationConnector connector, CancellationToken ct) =>
        outbox.ReportAsync("StatusNotification", peer => adapter.SendStatusAsync(peer, station, connector, ct));

    /// <inheritdoc />
    public async Task<(string TransactionId, bool Accepted)> StartAsync(EngineTransaction tx, MeterSample sample, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(sample);
        var request = Payload(new StartTransactionRequest(tx.Connector.StationConnectorId, tx.IdTag, MeterPayloads.RegisterWh(sample), sample.Timestamp) { ReservationId = tx.ReservationId });
        JsonElement answer;
        if (!outbox.IsOnline)
        {
            // 1.6 §3.7 / §4.8: offline, a transaction the station let in (LocalAuthorizeOffline, the cache,
            // AllowOfflineTxForUnknownId) runs under a provisional id of the station's own; its StartTransaction,
            // MeterValues and StopTransaction are queued in order and delivered after the reconnect, the CSMS's
            // transactionId taking the provisional one's place in the messages behind the StartTransaction.
            var provisional = outbox.NextProvisionalNumber();
            var late = await outbox.CallAsync("StartTransaction", request, OutboxDelivery.Transaction, null, a => StartedLate(tx, provisional, a), provisional.ToString(CultureInfo.InvariantCulture), ct).ConfigureAwait(false);
            if (late is not { } raced)
            {
                return (provisional.ToString(CultureInfo.InvariantCulture), true);
            }

            answer = raced;
        }
        else
        {
            answer = (await outbox.CallAsync("StartTransaction", request, OutboxDelivery.TransactionAwaitingAnswer, ct).ConfigureAwait(false))!.Value;
        }

        var id = answer.GetProperty("transactionId").GetInt32();
        tx.GroupId = Learn(tx.IdTag, answer).GroupId ?? tx.GroupId;
        return (id.ToString(CultureInfo.InvariantCulture), IsAccepted(answer));
    }

    /// <inheritdoc />
    public Task SampleAsync(EngineTransaction tx, MeterSample sample, bool triggered, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(sample);
        return outbox.CallAsync(
            "MeterValues",
            Payload(new MeterValuesRequest(tx.Connector.StationConnectorId, [MeterPayloads.V16MeterValue(sample, triggered ? "Trigger" : "Sample.Periodic")]) { TransactionId = TransactionNumber(tx) }),
            OutboxDelivery.Transaction, ct);
    }

    /// <inheritdoc />
    public Task ChargingStateAsync(EngineTransaction tx, ChargingState state, MeterSample sample, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tx);
        var status = state switch
        {
            ChargingState.Charging => StatusNotificationStatus.Charging,
            ChargingState.SuspendedEV => StatusNotificationStatus.SuspendedEV,
            ChargingState.SuspendedEVSE => StatusNotificationStatus.SuspendedEVSE,
            _ => StatusNotificationStatus.Preparing,
        };
        return Status(tx.Connector, status, ct);
    }

    /// <inheritdoc />
    public Task MeterValuesAsync(int evseId, MeterSample sample, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var payload = new MeterValuesRequest(station.ConnectorsOf(evseId).First().StationConnectorId, [MeterPayloads.V16MeterValue(sample, "Trigger")]);
        return outbox.CallAsync("MeterValues", Payload(payload), OutboxDelivery.Status, ct);
    }

    /// <inheritdoc />
    public Task ClockAlignedAsync(int evseId, MeterSample sample, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(sample);

        // OCPP 1.6 §3.16.2: clock-aligned data (ClockAlignedDataInterval, MeterValuesAlignedData) in MeterValues, context Sample.Clock.
        var payload = new MeterValuesRequest(station.ConnectorsOf(evseId).First().StationConnectorId, [MeterPayloads.V16MeterValue(sample, "Sample.Clock")]);
        return outbox.CallAsync("MeterValues", Payload(payload), OutboxDelivery.Status, ct);
    }

    /// <inheritdoc />
    public Task ClockAlignedAsync(EngineTransaction tx, MeterSample sample, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(sample);
        return outbox.CallAsync(
            "MeterValues",
            Payload(new MeterValuesRequest(tx.Connector.StationConnectorId, [MeterPayloads.V16MeterValue(sample, "Sample.Clock")]) { TransactionId = TransactionNumber(tx) }),
            OutboxDelivery.Transaction, ct);
    }

    /// <inheritdoc />
    public async Task StopAsync(EngineTransaction tx, MeterSample sample, TransactionStopReason reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(sample);
        var last = tx.LastSample ?? sample;
        var stop = new StopTransactionRequest(MeterPayloads.RegisterWh(sample), sample.Timestamp, TransactionNumber(tx))
        {
            IdTag = tx.IdTag,
            Reason = V16Reason(reason),
            TransactionData = [MeterPayloads.V16TransactionData(last, "Sample.Periodic"), MeterPayloads.V16TransactionData(sample, "Transaction.End")],
        };
        await outbox.CallAsync("StopTransaction", Payload(stop), OutboxDelivery.Transaction, ct).ConfigureAwait(false);

        // 1.6 §4.9: Finishing until the EV is gone; the engine reports Available once it left.
        await Status(tx.Connector, StatusNotificationStatus.Finishing, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The 1.6 Reason of <paramref name="reason"/>: by name, except the 2.x stop points' reasons, which a 1.6 transaction
    /// (no TxStopPoint) never has; they map to their nearest 1.6 value.
    /// </summary>
    internal static Reason V16Reason(TransactionStopReason reason) => reason switch
    {
        TransactionStopReason.EnergyTransferEnded or TransactionStopReason.EVDeparted => Reason.Local,
        TransactionStopReason.StoppedByEV => Reason.EVDisconnected,
        TransactionStopReason.Timeout => Reason.Other,
        TransactionStopReason.EnergyLimitReached or TransactionStopReason.TimeLimitReached or TransactionStopReason.CostLimitReached => Reason.Other,
        TransactionStopReason.NotResumed => Reason.PowerLoss,
        _ => Enum.Parse<Reason>(reason.ToString()),
    };

    /// <summary>
    /// The CSMS answered the StartTransaction of a transaction started offline under <paramref name="provisional"/>:
    /// the station learns the token's verdict, takes the CSMS's transactionId for the transaction, puts it in the queued
    /// MeterValues and StopTransaction that still carry the provisional id (before the next of them goes), and, when the
    /// CSMS refused the token, stops the transaction if it still runs and StopTransactionOnInvalidId says so (1.6 §9.1).
    /// </summary>
    private void StartedLate(EngineTransaction tx, int provisional, JsonElement answer)
    {
        var verdict = Learn(tx.IdTag, answer);
        if (answer.TryGetProperty("transactionId", out var assigned) && assigned.TryGetInt32(out var id))
        {
            _assigned[provisional] = id;
            if (tx.TransactionId == provisional.ToString(CultureInfo.InvariantCulture))
            {
                tx.TransactionId = id.ToString(CultureInfo.InvariantCulture);
            }

            outbox.RewriteQueued((action, payload) => WithTransactionId(action, payload, provisional, id));
        }

        if (!verdict.IsAccepted && !tx.StopRequested.HasValue
            && station.Configuration.Get(StationConfiguration.StopTxOnInvalidIdKey)?.Value != "false")
        {
            tx.RequestStop(TransactionStopReason.DeAuthorized);
        }
    }

    /// <summary>
    /// Makes <paramref name="outbox"/> put the CSMS's transactionId into the queued messages of a provisional
    /// transaction whose StartTransaction was restored from the state file (its maker went with the previous run):
    /// set before the outbox first goes online, so the first delivery is covered.
    /// </summary>
    public static void TakeRestoredStarts(TransactionOutbox outbox)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        outbox.RestoredProvisionalDelivered = (provisional, answer) =>
        {
            if (int.TryParse(provisional, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
                && answer.TryGetProperty("transactionId", out var assigned) && assigned.TryGetInt32(out var id))
            {
                outbox.RewriteQueued((action, payload) => WithTransactionId(action, payload, number, id));
            }
        };
    }

    /// <summary>A copy of a queued MeterValues or StopTransaction of the provisional transaction with the CSMS's id, or null.</summary>
    internal static JsonElement? WithTransactionId(string action, JsonElement payload, int provisional, int id)
    {
        if (action is not ("MeterValues" or "StopTransaction")
            || !payload.TryGetProperty("transactionId", out var current) || !current.TryGetInt32(out var number) || number != provisional)
        {
            return null;
        }

        var node = System.Text.Json.Nodes.JsonNode.Parse(payload.GetRawText())!.AsObject();
        node["transactionId"] = id;
        return JsonSerializer.SerializeToElement(node);
    }

    private int TransactionNumber(EngineTransaction tx)
    {
        var number = int.Parse(tx.TransactionId!, CultureInfo.InvariantCulture);
        return _assigned.TryGetValue(number, out var id) ? id : number;
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, int> _assigned = new(concurrencyLevel: 1, capacity: 2);

    // 1.6 §3.5: the station keeps the idTagInfo of Authorize.conf and StartTransaction.conf in its authorization cache
    // (AuthorizationCacheEnabled), the parentIdTag as the token's group.
    private TokenVerdict Learn(string idTag, JsonElement answer)
    {
        var info = answer.GetProperty("idTagInfo");
        var status = info.GetProperty("status").GetString() ?? "Invalid";
        var group = info.TryGetProperty("parentIdTag", out var parent) ? parent.GetString() : null;
        station.AuthorizationCache.Store(idTag, status, group, time.GetUtcNow());
        return new TokenVerdict(status, group);
    }

    private static bool IsAccepted(JsonElement answer) =>
        answer.TryGetProperty("idTagInfo", out var info) && info.GetProperty("status").GetString() == "Accepted";

    private Task Status(StationConnector connector, StatusNotificationStatus status, CancellationToken ct) =>
        outbox.CallAsync(
            "StatusNotification",
            Payload(new StatusNotificationRequest(connector.StationConnectorId, ErrorCode.NoError, status) { Timestamp = time.GetUtcNow() }),
            OutboxDelivery.Status,
            ct);

    private static JsonElement Payload<T>(T request)
        where T : notnull =>
        OcppJson.SerializeToElement(request, typeof(T), OcppActionTables.For(OcppVersion.V16));
}
