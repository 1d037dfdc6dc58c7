using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DerSim.Sim.Adapters;
using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;
using DerSim.Sim.Physics;

namespace DerSim.Sim.Engine;

/// <summary>Transactions in OCPP 1.6J: Authorize, StartTransaction (the CSMS assigns the id), MeterValues, StatusNotification per charging state, StopTransaction.</summary>
public sealed class V16TransactionMessages(TransactionOutbox outbox, IVersionAdapter adapter, ChargingStation station, TimeProvider time) : ITransactionMessages
{
    /// <inheritdoc />
    public async Task<bool> AuthorizeAsync(string idTag, string? idTokenType, CancellationToken ct)
    {
        var answer = await outbox.CallAsync("Authorize", MeterJson.Element(new JsonObject { ["idTag"] = idTag }), OutboxDelivery.Request, ct).ConfigureAwait(false);
        return answer is { } a && IsAccepted(a);
    }

    /// <inheritdoc />
    public Task StatusAsync(StationConnector connector, CancellationToken ct) =>
        outbox.ReportAsync("StatusNotification", peer => adapter.SendStatusAsync(peer, station, connector, ct));

    /// <inheritdoc />
    public async Task<(string TransactionId, bool Accepted)> StartAsync(EngineTransaction tx, MeterSample sample, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(sample);
        var answer = (await outbox.CallAsync("StartTransaction", MeterJson.Element(new JsonObject
        {
            ["connectorId"] = tx.Connector.StationConnectorId,
            ["idTag"] = tx.IdTag,
            ["meterStart"] = MeterJson.RegisterWh(sample),
            ["timestamp"] = MeterJson.Timestamp(sample.Timestamp),
        }), OutboxDelivery.TransactionAwaitingAnswer, ct).ConfigureAwait(false))!.Value;
        var id = answer.GetProperty("transactionId").GetInt32();
        return (id.ToString(CultureInfo.InvariantCulture), IsAccepted(answer));
    }

    /// <inheritdoc />
    public Task SampleAsync(EngineTransaction tx, MeterSample sample, bool triggered, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(sample);
        return outbox.CallAsync("MeterValues", MeterJson.Element(new JsonObject
        {
            ["connectorId"] = tx.Connector.StationConnectorId,
            ["transactionId"] = TransactionNumber(tx),
            ["meterValue"] = MeterJson.MeterValues(sample, triggered ? "Trigger" : "Sample.Periodic", v16: true),
        }), OutboxDelivery.Transaction, ct);
    }

    /// <inheritdoc />
    public Task ChargingStateAsync(EngineTransaction tx, ChargingState state, MeterSample sample, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tx);
        var status = state switch
        {
            ChargingState.Charging => "Charging",
            ChargingState.SuspendedEV => "SuspendedEV",
            ChargingState.SuspendedEVSE => "SuspendedEVSE",
            _ => "Preparing",
        };
        return Status(tx.Connector, status, ct);
    }

    /// <inheritdoc />
    public Task MeterValuesAsync(int evseId, MeterSample sample, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var payload = new JsonObject
        {
            ["connectorId"] = station.ConnectorsOf(evseId).First().StationConnectorId,
            ["meterValue"] = MeterJson.MeterValues(sample, "Trigger", v16: true),
        };
        return outbox.CallAsync("MeterValues", MeterJson.Element(payload), OutboxDelivery.Status, ct);
    }

    /// <inheritdoc />
    public async Task StopAsync(EngineTransaction tx, MeterSample sample, TransactionStopReason reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(sample);
        var last = tx.LastSample ?? sample;
        await outbox.CallAsync("StopTransaction", MeterJson.Element(new JsonObject
        {
            ["meterStop"] = MeterJson.RegisterWh(sample),
            ["timestamp"] = MeterJson.Timestamp(sample.Timestamp),
            ["transactionId"] = TransactionNumber(tx),
            ["idTag"] = tx.IdTag,
            ["reason"] = reason switch
            {
                TransactionStopReason.Remote => "Remote",
                TransactionStopReason.HardReset => "HardReset",
                TransactionStopReason.SoftReset => "SoftReset",
                TransactionStopReason.DeAuthorized => "DeAuthorized",
                TransactionStopReason.Local => "Local",
                _ => "EVDisconnected",
            },
            ["transactionData"] = new JsonArray(MeterJson.MeterValue(last, "Sample.Periodic", v16: true), MeterJson.MeterValue(sample, "Transaction.End", v16: true)),
        }), OutboxDelivery.Transaction, ct).ConfigureAwait(false);

        // 1.6 §4.9: Finishing until the EV is gone; the engine reports Available once it left.
        await Status(tx.Connector, "Finishing", ct).ConfigureAwait(false);
    }

    private static int TransactionNumber(EngineTransaction tx) => int.Parse(tx.TransactionId!, CultureInfo.InvariantCulture);

    private static bool IsAccepted(JsonElement answer) =>
        answer.TryGetProperty("idTagInfo", out var info) && info.GetProperty("status").GetString() == "Accepted";

    private Task Status(StationConnector connector, string status, CancellationToken ct) =>
        outbox.CallAsync("StatusNotification", MeterJson.Element(new JsonObject
        {
            ["connectorId"] = connector.StationConnectorId,
            ["errorCode"] = "NoError",
            ["status"] = status,
            ["timestamp"] = MeterJson.Timestamp(time.GetUtcNow()),
        }), OutboxDelivery.Status, ct);
}
