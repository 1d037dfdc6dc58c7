using DerSim.Harness.Drivers;
using DerSim.Gherkin.Glue;
using Reqnroll;
using DerSim.Harness.Traffic;
using DerSim.Ocpp;
using DerSim.Ocpp.Rpc;

namespace DerSim.Harness.Steps;

/// <summary>Connection loss and reconnect, and what the station delivers afterwards.</summary>
[Binding]
public sealed class ConnectionSteps(ScenarioWorld world, ScenarioContext scenario)
{
    /// <summary>
    /// The network between the station and the CSMS fails — its TCP connection is reset, no WebSocket close — while the
    /// given simulated time passes; then it comes back and the station reconnects by its reconnect policy. Transaction
    /// messages made meanwhile are queued and delivered after the reconnect. Example: <c>When the connection drops for 2 minutes</c>
    /// </summary>
    [When("the connection drops for {int} minute(s)")]
    public async Task Drops(int minutes)
    {
        var station = world.Simulator.Station();
        if (station.Link is null && station.Runner is not null)
        {
            scenario.NotApplicable("the station connects to this CSMS over TLS directly, so the harness cannot cut its network");
        }

        await world.Simulator.DropConnectionAsync(station, TimeSpan.FromMinutes(minutes)).ConfigureAwait(false);
    }

    /// <summary>
    /// The network between the station and the CSMS fails (its TCP connection is reset) and stays down until a step
    /// restores it; meanwhile simulated time can pass and EVs come and go. Example: <c>When the connection drops</c>
    /// </summary>
    [When("the connection drops")]
    public async Task Cut()
    {
        var station = world.Simulator.Station();
        if (station.Link is null && station.Runner is not null)
        {
            scenario.NotApplicable("the station connects to this CSMS over TLS directly, so the harness cannot cut its network");
        }

        await world.Simulator.CutConnectionAsync(station).ConfigureAwait(false);
    }

    /// <summary>
    /// The network is back after <c>the connection drops</c>: the station reconnects by its reconnect policy and
    /// delivers what it queued. Example: <c>When the connection is restored</c>
    /// </summary>
    [When("the connection is restored")]
    public Task Restore() => world.Simulator.RestoreConnectionAsync(world.Simulator.Station());

    /// <summary>
    /// Checks that the station connected again after a drop and did not send BootNotification again (it did not reboot).
    /// Example: <c>Then the station reconnected without booting again</c>
    /// </summary>
    [Then("the station reconnected without booting again")]
    public void ReconnectedWithoutBoot()
    {
        var station = world.Simulator.Station();
        var runner = station.Runner ?? throw new InvalidOperationException("the station never connected");
        if (runner.Engine.Outbox.Connections < 2 || !runner.IsOnline)
        {
            throw new TrafficAssertionException($"expected {station.Id} online again after a drop; it connected {runner.Engine.Outbox.Connections} time(s) and is {(runner.IsOnline ? "online" : "offline")}", []);
        }

        world.Recorder.Query().Station(station.Id).Sent().Calls().Action("BootNotification").ShouldCount(1);
    }

    /// <summary>
    /// Checks the transaction messages the station made during the last outage: there are some, every one went out
    /// after the reconnect, in the order they were made, and was answered; in 2.x each is a TransactionEvent marked
    /// offline. Example: <c>Then the transaction messages of the outage arrived after the reconnect, in order</c>
    /// </summary>
    [Then("the transaction messages of the outage arrived after the reconnect, in order")]
    public void QueuedDelivered()
    {
        var station = world.Simulator.Station();
        if (station.Outages.Count == 0)
        {
            throw new InvalidOperationException("no outage in this scenario: add a step like When the connection drops for 2 minutes");
        }

        var (from, to) = station.Outages[^1];
        var all = world.Recorder.Query();
        var made = SessionTraffic.Transactions(all, station).SelectMany(t => t.Frames)
            .Select(f => (Frame: f, At: MadeAt(f)))
            .Where(m => m.At is { } at && at > from && at < to)
            .OrderBy(m => m.Frame.Sequence)
            .ToList();
        if (made.Count == 0)
        {
            throw new TrafficAssertionException($"no transaction message was made between {from:HH:mm:ss} and {to:HH:mm:ss} (simulated)", all.Station(station.Id).Sent().Calls().Frames);
        }

        var early = made.Where(m => m.Frame.VirtualTime < to).Select(m => m.Frame).ToList();
        if (early.Count > 0)
        {
            throw new TrafficAssertionException($"{early.Count} message(s) of the outage went out before the connection was back at {to:HH:mm:ss}", early);
        }

        for (var i = 1; i < made.Count; i++)
        {
            if (made[i].At < made[i - 1].At)
            {
                throw new TrafficAssertionException("messages of the outage went out in another order than they were made", [made[i - 1].Frame, made[i].Frame]);
            }
        }

        var answered = all.Station(station.Id).Received().OfType(OcppMessageType.CallResult).Frames.Select(f => f.MessageId).ToHashSet(StringComparer.Ordinal);
        var unanswered = made.Where(m => !answered.Contains(m.Frame.MessageId)).Select(m => m.Frame).ToList();
        if (unanswered.Count > 0)
        {
            throw new TrafficAssertionException($"{unanswered.Count} message(s) of the outage were not answered with a CALLRESULT", unanswered);
        }

        if (station.Version != OcppVersion.V16)
        {
            var unmarked = made.Where(m => SessionTraffic.Text(m.Frame.Payload, "offline") != "true").Select(m => m.Frame).ToList();
            if (unmarked.Count > 0)
            {
                throw new TrafficAssertionException($"{unmarked.Count} TransactionEvent(s) made offline lack offline=true", unmarked);
            }
        }
    }

    /// <summary>When the station made the message: its timestamp, or its first meter value's.</summary>
    private static DateTimeOffset? MadeAt(RecordedFrame frame) =>
        (SessionTraffic.Text(frame.Payload, "timestamp") ?? SessionTraffic.Text(frame.Payload, "meterValue[0].timestamp")) is { } text
            && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : null;
}
