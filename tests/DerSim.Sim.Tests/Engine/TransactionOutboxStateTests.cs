using System.Collections.Concurrent;
using System.Text.Json;
using DerSim.Sim.Cli;
using DerSim.Sim.Engine;

namespace DerSim.Sim.Tests.Engine;

/// <summary>The offline queue's bound and its file (<c>./sim --state_dir</c>).</summary>
[Parallelizable(ParallelScope.All)]
public sealed class TransactionOutboxStateTests
{
    [Test]
    public async Task When_full_the_oldest_periodic_sample_is_dropped_never_a_start_or_an_end()
    {
        var log = new ConcurrentQueue<string>();
        var outbox = new TransactionOutbox(log.Enqueue) { Capacity = 5 };
        await outbox.CallAsync("TransactionEvent", Event("Started", "Authorized", 0), OutboxDelivery.Transaction, CancellationToken.None);
        for (var seq = 1; seq <= 6; seq++)
        {
            await outbox.CallAsync("TransactionEvent", Event("Updated", "MeterValuePeriodic", seq), OutboxDelivery.Transaction, CancellationToken.None);
        }

        await outbox.CallAsync("TransactionEvent", Event("Ended", "EVCommunicationLost", 7), OutboxDelivery.Transaction, CancellationToken.None);

        outbox.Queued.ShouldBe(5);
        outbox.Dropped.ShouldBe(3);
        log.Count(l => l.StartsWith("outbox full: dropped the oldest periodic meter sample", StringComparison.Ordinal)).ShouldBe(3);
        log.ShouldContain("offline: TransactionEvent queued (1 waiting)");
    }

    [Test]
    public async Task The_queue_survives_a_restart_in_its_state_file_with_its_message_ids_and_a_corrupt_file_is_named()
    {
        var dir = Directory.CreateTempSubdirectory("dersim-outbox-");
        try
        {
            var path = Path.Combine(dir.FullName, "CS-1.outbox.json");
            var first = new TransactionOutbox();
            first.UseStateFile(path).ShouldBe(0);
            for (var seq = 0; seq < 3; seq++)
            {
                await first.CallAsync("TransactionEvent", Event(seq == 0 ? "Started" : "Updated", "MeterValuePeriodic", seq), OutboxDelivery.Transaction, CancellationToken.None);
            }

            using var saved = JsonDocument.Parse(await File.ReadAllTextAsync(path));
            saved.RootElement.GetProperty("version").GetInt32().ShouldBe(1);
            var ids = saved.RootElement.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("messageId").GetString()).ToList();
            ids.Count.ShouldBe(3);

            // A restart: the next process finds the three, in order, under the same ids.
            var second = new TransactionOutbox();
            second.UseStateFile(path).ShouldBe(3);
            second.Queued.ShouldBe(3);
            using var again = JsonDocument.Parse(await File.ReadAllTextAsync(path));
            again.RootElement.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("messageId").GetString()).ShouldBe(ids);
            again.RootElement.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("payload").GetProperty("seqNo").GetInt32()).ShouldBe([0, 1, 2]);

            await File.WriteAllTextAsync(path, "{\"version\":1,\"messages\":[{\"action\":");
            Should.Throw<OutboxStateException>(() => new TransactionOutbox().UseStateFile(path)).Message.ShouldContain(path);

            // ./sim: one line naming the file, exit 2, before any connection.
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            var exit = await SimProgram.RunAsync(["--ocpp_enable", "yes", "--ocpp_csid", "CS-1", "--ocpp_csms_url", "ws://127.0.0.1:9/ocpp", "--state_dir", dir.FullName], stdout, stderr, TimeProvider.System);
            exit.ShouldBe(2);
            var lines = stderr.ToString().Trim().Split('\n');
            lines.ShouldHaveSingleItem().ShouldContain(path);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static JsonElement Event(string type, string trigger, int seqNo) =>
        LoopbackCsmsRig.Json($$$"""{"eventType":"{{{type}}}","timestamp":"2026-01-01T08:00:00Z","triggerReason":"{{{trigger}}}","seqNo":{{{seqNo}}},"transactionInfo":{"transactionId":"T1"}}""");
}
