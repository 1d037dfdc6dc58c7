using System.Text.Json;
using DerSim.Sim.Adapters;
using DerSim.Ocpp;
using DerSim.Sim.Engine;

namespace DerSim.Sim.Tests.Engine;

/// <summary>
/// A 1.6 transaction run wholly offline (OCA TC_039): its StartTransaction, MeterValues and StopTransaction wait in the
/// outbox in the order they were made, under the station's provisional transaction id; once the CSMS answered the
/// StartTransaction, the queued messages behind it carry the CSMS's transactionId instead (1.6 §4.8).
/// </summary>
public sealed class V16OfflineTransactionTests
{
    [Test]
    public async Task Queued_in_order_and_the_csms_transaction_id_replaces_the_provisional_one()
    {
        var path = Path.Combine(Path.GetTempPath(), $"dersim-v16-offline-{Guid.NewGuid():N}.json");
        try
        {
            var outbox = new TransactionOutbox();
            outbox.UseStateFile(path);
            await outbox.CallAsync("StartTransaction", Json("""{"connectorId":1,"idTag":"TAG","meterStart":0,"timestamp":"2026-01-01T08:00:00Z"}"""), OutboxDelivery.Transaction, null, _ => { }, null, CancellationToken.None);
            await outbox.CallAsync("MeterValues", Json("""{"connectorId":1,"transactionId":-1,"meterValue":[]}"""), OutboxDelivery.Transaction, CancellationToken.None);
            await outbox.CallAsync("MeterValues", Json("""{"connectorId":1,"transactionId":-2,"meterValue":[]}"""), OutboxDelivery.Transaction, CancellationToken.None);
            await outbox.CallAsync("StopTransaction", Json("""{"meterStop":300,"timestamp":"2026-01-01T08:02:00Z","transactionId":-1,"reason":"Local"}"""), OutboxDelivery.Transaction, CancellationToken.None);
            outbox.Queued.ShouldBe(4);
            outbox.QueuedOffline.ShouldBe(4);

            outbox.RewriteQueued((action, payload) => V16TransactionMessages.WithTransactionId(action, payload, -1, 42)).ShouldBe(2);

            var kept = new OutboxStateFile(path).Load();
            kept.Select(e => e.Action).ShouldBe(["StartTransaction", "MeterValues", "MeterValues", "StopTransaction"]);
            kept[0].Payload.TryGetProperty("transactionId", out _).ShouldBeFalse();
            kept[1].Payload.GetProperty("transactionId").GetInt32().ShouldBe(42);
            kept[2].Payload.GetProperty("transactionId").GetInt32().ShouldBe(-2, "another provisional transaction keeps its id");
            kept[3].Payload.GetProperty("transactionId").GetInt32().ShouldBe(42);
            kept[3].Payload.GetProperty("reason").GetString().ShouldBe("Local");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public async Task After_a_restart_the_restored_start_still_gives_its_transaction_id_to_the_queued_stop_and_new_ids_do_not_collide()
    {
        var path = Path.Combine(Path.GetTempPath(), $"dersim-v16-restart-{Guid.NewGuid():N}.json");
        try
        {
            // The previous run: a transaction wholly offline under its provisional id, then the process died.
            var before = new TransactionOutbox();
            before.UseStateFile(path);
            var provisional = before.NextProvisionalNumber();
            provisional.ShouldBe(-1);
            await before.CallAsync("StartTransaction", Json("""{"connectorId":1,"idTag":"TAG","meterStart":0,"timestamp":"2026-01-01T08:00:00Z"}"""), OutboxDelivery.Transaction, null, _ => { }, "-1", CancellationToken.None);
            await before.CallAsync("MeterValues", Json("""{"connectorId":1,"transactionId":-1,"meterValue":[{"timestamp":"2026-01-01T08:01:00Z","sampledValue":[{"value":"150"}]}]}"""), OutboxDelivery.Transaction, CancellationToken.None);
            await before.CallAsync("StopTransaction", Json("""{"meterStop":300,"timestamp":"2026-01-01T08:02:00Z","transactionId":-1,"reason":"Local"}"""), OutboxDelivery.Transaction, CancellationToken.None);

            // The next run delivers them to a CSMS that numbers the transaction 77.
            await using var rig = await LoopbackCsmsRig.StartAsync(
                OcppVersion.V16,
                "V16-RESTART-1",
                "EVSE-AC-22kW-1port",
                plan: new SessionPlan { Sessions = 0 },
                answers: peer => peer.OnRaw("StartTransaction", (_, _) => ValueTask.FromResult(LoopbackCsmsRig.Json("""{"transactionId":77,"idTagInfo":{"status":"Accepted"}}"""))),
                stateFile: path);
            rig.ReleaseTime();
            await rig.UntilAsync(() => rig.Calls("StopTransaction").Count == 1 && rig.Runner.Engine.Outbox.Queued == 0, "the restored messages to be delivered");

            rig.Calls("MeterValues").Single().Payload.GetProperty("transactionId").GetInt32().ShouldBe(77, rig.Describe());
            rig.Calls("StopTransaction").Single().Payload.GetProperty("transactionId").GetInt32().ShouldBe(77, rig.Describe());
            rig.Runner.Engine.Outbox.NextProvisionalNumber().ShouldBe(-2, "a new offline transaction must not take the id of one still queued from the previous run");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestCase("MeterValues", """{"connectorId":1,"transactionId":-1}""", true)]
    [TestCase("StopTransaction", """{"meterStop":1,"timestamp":"2026-01-01T08:00:00Z","transactionId":-1}""", true)]
    [TestCase("StopTransaction", """{"meterStop":1,"timestamp":"2026-01-01T08:00:00Z","transactionId":7}""", false)]
    [TestCase("MeterValues", """{"connectorId":1}""", false)]
    [TestCase("StatusNotification", """{"connectorId":1,"transactionId":-1}""", false)]
    public void Only_the_provisional_transactions_messages_change(string action, string payload, bool changes)
    {
        var swapped = V16TransactionMessages.WithTransactionId(action, Json(payload), -1, 42);
        (swapped is not null).ShouldBe(changes);
        if (swapped is { } s)
        {
            s.GetProperty("transactionId").GetInt32().ShouldBe(42);
        }
    }

    private static JsonElement Json(string text)
    {
        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }
}
