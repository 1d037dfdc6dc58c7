using System.Text.Json;
using DerSim.Harness.Drivers;
using DerSim.Harness.Traffic;
using DerSim.Ocpp;
using DerSim.Ocpp.Rpc;

namespace DerSim.Harness.Steps;

/// <summary>
/// Transactions as the recorded traffic shows them, per EVSE. A 2.x TransactionEvent names its EVSE only in the
/// Started event and a 1.6 MeterValues/StopTransaction only the CSMS's transaction id, so the EVSE of a transaction is
/// found from its start (1.6: the StartTransaction's connector and the id in its answer).
/// </summary>
internal static class SessionTraffic
{
    /// <summary>Every transaction of <paramref name="station"/> in the order they started, with its station CALLs in wire order.</summary>
    public static IReadOnlyList<TrafficTransaction> Transactions(TrafficQuery all, StationUnderTest station)
    {
        var sent = all.Station(station.Id).Sent().Calls();
        return station.Version == OcppVersion.V16 ? V16(all.Station(station.Id), sent, station) : Ocpp2(sent);
    }

    /// <summary>The transactions on <paramref name="evseId"/>.</summary>
    public static IReadOnlyList<TrafficTransaction> On(TrafficQuery all, StationUnderTest station, int evseId) =>
        [.. Transactions(all, station).Where(t => t.EvseId == evseId)];

    /// <summary>Every total (unphased) sample of <paramref name="measurand"/> in <paramref name="transactions"/>, in wire order.</summary>
    public static IReadOnlyList<(RecordedFrame Frame, DateTimeOffset At, decimal Value)> Samples(IEnumerable<TrafficTransaction> transactions, string measurand) =>
        [.. transactions.SelectMany(t => t.Frames).OrderBy(f => f.Sequence)
            .SelectMany(f => FrameFields.Samples(f.Action!, f.Payload!.Value)
                .Where(s => FrameFields.MeasurandOf(s.Sample) == measurand && FrameFields.PhaseOf(s.Sample) is null)
                .Select(s => (f, s.At, FrameFields.BaseValueOf(s.Sample))))];

    private static List<TrafficTransaction> Ocpp2(TrafficQuery sent)
    {
        var found = new List<TrafficTransaction>();
        foreach (var frame in sent.Action("TransactionEvent").Frames)
        {
            var id = Text(frame.Payload, "transactionInfo.transactionId");
            if (id is null)
            {
                continue;
            }

            var tx = found.FirstOrDefault(t => t.Id == id);
            if (tx is null)
            {
                tx = new TrafficTransaction(id, frame.EvseId ?? 0);
                found.Add(tx);
            }

            if (tx.EvseId == 0 && frame.EvseId is { } evse)
            {
                tx = tx with { EvseId = evse };
                found[found.FindIndex(t => t.Id == id)] = tx;
            }

            tx.Frames.Add(frame);
        }

        return found;
    }

    private static List<TrafficTransaction> V16(TrafficQuery stationFrames, TrafficQuery sent, StationUnderTest station)
    {
        var answers = stationFrames.Received().Action("StartTransaction").OfType(OcppMessageType.CallResult).Frames;
        var found = new List<TrafficTransaction>();
        foreach (var start in sent.Action("StartTransaction").Frames)
        {
            var answer = answers.FirstOrDefault(a => a.MessageId == start.MessageId);
            if (answer is null || Text(answer.Payload, "transactionId") is not { } id)
            {
                continue;
            }

            var connector = start.EvseId ?? 0;
            var evse = station.Runner?.Station.ByStationConnectorId(connector)?.EvseId ?? connector;
            var tx = new TrafficTransaction(id, evse);
            tx.Frames.Add(start);
            found.Add(tx);
        }

        foreach (var frame in sent.Frames.Where(f => f.Action is "MeterValues" or "StopTransaction"))
        {
            if (Text(frame.Payload, "transactionId") is { } id && found.FirstOrDefault(t => t.Id == id) is { } tx)
            {
                tx.Frames.Add(frame);
            }
        }

        return found;
    }

    /// <summary>The text at <paramref name="path"/> of <paramref name="payload"/>, or null.</summary>
    public static string? Text(JsonElement? payload, string path) =>
        payload is { } p && FrameFields.At(p, path) is { } v ? FrameFields.Text(v) : null;
}
