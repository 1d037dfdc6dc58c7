using System.Globalization;
using System.Text.Json;
using DerSim.Ocpp;

namespace DerSim.Sim.Tests.Runtime;

/// <summary>
/// What the CSMS of a <see cref="ChaosCsmsRig"/> must have seen after any number of drops: every transaction started
/// is ended, 2.x seqNo continuous from 0 and in order, the energy register never goes back, no message twice (a resend
/// with the same message id and payload counts once; the same content under another id is a duplicate), and every
/// transaction message the station put on a socket arrived.
/// </summary>
internal static class ChaosVerdict
{
    private const string Register = "Energy.Active.Import.Register";

    public sealed record Figures(int Connections, int Transactions, int Messages, int Resent, int Offline);

    public static Figures Check(ChaosCsmsRig rig)
    {
        var v16 = rig.Version == OcppVersion.V16;
        string[] actions = v16 ? ["StartTransaction", "StopTransaction", "MeterValues"] : ["TransactionEvent"];
        var received = rig.Received.Where(c => actions.Contains(c.Action)).ToList();

        // A message id names one message: every transmission of it carries the same payload.
        foreach (var same in received.GroupBy(c => c.MessageId).Where(g => g.Count() > 1))
        {
            same.Select(c => c.Payload.GetRawText()).Distinct().Count().ShouldBe(1, $"message id {same.Key} carried different payloads\n{rig.Describe()}");
        }

        // Nothing missing: every transaction message the station sent (even on a socket that then died) arrived.
        var arrived = received.Select(c => c.MessageId).ToHashSet(StringComparer.Ordinal);
        var lost = rig.SentByStation.Where(c => actions.Contains(c.Action) && !IsStatusLike(c) && !arrived.Contains(c.MessageId)).ToList();
        lost.ShouldBeEmpty($"sent by the station but never received: {string.Join(", ", lost.Select(c => c.MessageId))}\n{rig.Describe()}");

        var distinct = rig.Distinct(actions);
        var transactions = v16 ? CheckV16(rig, distinct) : CheckV2x(rig, distinct);
        var offline = v16
            ? rig.Log.Count(l => l.StartsWith("offline: ", StringComparison.Ordinal) && l.Contains(" queued (", StringComparison.Ordinal))
            : distinct.Count(c => c.Payload.TryGetProperty("offline", out var o) && o.GetBoolean());
        return new Figures(rig.Connections, transactions, distinct.Count, received.Count - distinct.Count, offline);
    }

    // 1.6 MeterValues outside a transaction (triggered) are status-like: not queued, not part of the verdict.
    private static bool IsStatusLike(ChaosCsmsRig.ReceivedCall c) => c.Action == "MeterValues" && !c.Payload.TryGetProperty("transactionId", out _);

    private static int CheckV2x(ChaosCsmsRig rig, IReadOnlyList<ChaosCsmsRig.ReceivedCall> events)
    {
        var byTx = events.GroupBy(e => e.Payload.GetProperty("transactionInfo").GetProperty("transactionId").GetString()!).ToList();
        foreach (var tx in byTx)
        {
            var list = tx.ToList();
            var seqNos = list.Select(e => e.Payload.GetProperty("seqNo").GetInt32()).ToList();

            // OCPP 2.0.1 TransactionEventRequest.seqNo counts a transaction's events (E11/E12: queued ones too) with no gap;
            // queued messages are delivered in the order they were made.
            seqNos.ShouldBe(Enumerable.Range(0, list.Count).ToList(), $"transaction {tx.Key}: seqNo not continuous or out of order\n{rig.Describe()}");
            list[0].Payload.GetProperty("eventType").GetString().ShouldBe("Started", $"transaction {tx.Key}\n{rig.Describe()}");
            list[^1].Payload.GetProperty("eventType").GetString().ShouldBe("Ended", $"transaction {tx.Key} was not ended\n{rig.Describe()}");
            list.Count(e => e.Payload.GetProperty("eventType").GetString() == "Ended").ShouldBe(1, $"transaction {tx.Key}\n{rig.Describe()}");
            Monotonic(list.SelectMany(e => Values(e.Payload, "meterValue")), $"transaction {tx.Key}", rig);
        }

        return byTx.Count;
    }

    private static int CheckV16(ChaosCsmsRig rig, IReadOnlyList<ChaosCsmsRig.ReceivedCall> calls)
    {
        var starts = calls.Where(c => c.Action == "StartTransaction").ToList();
        starts.Select(s => s.Payload.GetRawText()).Distinct().Count().ShouldBe(starts.Count, $"a StartTransaction arrived twice under different message ids\n{rig.Describe()}");
        var ids = starts.Select(s => rig.TransactionIdOf(s.Payload)).ToList();
        var stops = calls.Where(c => c.Action == "StopTransaction").ToList();
        var stopped = stops.Select(s => s.Payload.GetProperty("transactionId").GetInt32()).ToList();
        stopped.Distinct().Count().ShouldBe(stopped.Count, $"a transaction was stopped twice\n{rig.Describe()}");
        stopped.Order().ShouldBe(ids.Order(), $"started transactions {string.Join(",", ids)} vs stopped {string.Join(",", stopped)}\n{rig.Describe()}");
        foreach (var (start, id) in starts.Zip(ids))
        {
            var stop = stops.Single(s => s.Payload.GetProperty("transactionId").GetInt32() == id);
            var values = new List<decimal> { start.Payload.GetProperty("meterStart").GetInt32() };
            var samples = calls.Where(c => c.Action == "MeterValues" && c.Payload.TryGetProperty("transactionId", out var t) && t.GetInt32() == id).ToList();
            samples.Select(s => s.Payload.GetRawText()).Distinct().Count().ShouldBe(samples.Count, $"transaction {id}: a sample arrived twice\n{rig.Describe()}");
            values.AddRange(samples.SelectMany(s => Values(s.Payload, "meterValue")).Select(Wh));
            values.Add(stop.Payload.GetProperty("meterStop").GetInt32());
            Monotonic(values.Select(v => (v, "Wh")), $"transaction {id}", rig);
        }

        return starts.Count;
    }

    private static decimal Wh((decimal Value, string Unit) v) => v.Unit == "kWh" ? v.Value * 1000 : v.Value;

    private static void Monotonic(IEnumerable<(decimal Value, string Unit)> values, string what, ChaosCsmsRig rig)
    {
        var wh = values.Select(Wh).ToList();
        for (var i = 1; i < wh.Count; i++)
        {
            wh[i].ShouldBeGreaterThanOrEqualTo(wh[i - 1], $"{what}: energy register went back ({string.Join(", ", wh)})\n{rig.Describe()}");
        }
    }

    private static IEnumerable<(decimal Value, string Unit)> Values(JsonElement payload, string property)
    {
        if (!payload.TryGetProperty(property, out var meterValues))
        {
            yield break;
        }

        foreach (var sv in meterValues.EnumerateArray().SelectMany(mv => mv.GetProperty("sampledValue").EnumerateArray()))
        {
            var measurand = sv.TryGetProperty("measurand", out var m) ? m.GetString() : Register;
            if (measurand != Register || (sv.TryGetProperty("phase", out _)))
            {
                continue;
            }

            var v = sv.GetProperty("value");
            var value = v.ValueKind == JsonValueKind.String ? decimal.Parse(v.GetString()!, CultureInfo.InvariantCulture) : v.GetDecimal();
            var unit = "Wh";
            if (sv.TryGetProperty("unitOfMeasure", out var u) && u.TryGetProperty("unit", out var un))
            {
                unit = un.GetString()!;
            }
            else if (sv.TryGetProperty("unit", out var un16))
            {
                unit = un16.GetString()!;
            }

            yield return (value, unit);
        }
    }
}
