using System.Globalization;
using DerSim.Harness.Drivers;
using DerSim.Gherkin.Glue;
using Reqnroll;
using DerSim.Harness.Traffic;
using DerSim.Ocpp;
using DerSim.Ocpp.Rpc;

namespace DerSim.Harness.Steps;

/// <summary>Assertions on the sessions the recorded traffic shows: charging states, meter values, stop reasons, order and timing.</summary>
[Binding]
public sealed class SessionAssertionSteps(ScenarioWorld world, ScenarioContext scenario)
{
    private static readonly string[] ChargingStates = ["Charging", "SuspendedEV", "SuspendedEVSE"];

    /// <summary>
    /// Checks the sequence of charging states the station reported for an EVSE (repeats collapsed): 2.x the
    /// TransactionEvent transactionInfo.chargingState, 1.6 the StatusNotification Charging / SuspendedEV / SuspendedEVSE.
    /// Example: <c>Then the charging states on EVSE 1 were "Charging, SuspendedEV"</c>
    /// </summary>
    [Then("the charging states on EVSE {int} were {string}")]
    public void ChargingStatesWere(int evseId, string expected)
    {
        var station = world.Simulator.Station();
        var all = world.Recorder.Query();
        List<(RecordedFrame Frame, string State)> reported;
        if (station.Version == OcppVersion.V16)
        {
            var connectorIds = station.Runner?.Station.ConnectorsOf(evseId).Select(c => c.StationConnectorId).ToHashSet() ?? [evseId];
            reported = [.. all.Station(station.Id).Sent().Calls().Action("StatusNotification").Frames
                .Where(f => f.EvseId is { } c && connectorIds.Contains(c))
                .Select(f => (f, SessionTraffic.Text(f.Payload, "status") ?? ""))];
        }
        else
        {
            reported = [.. SessionTraffic.On(all, station, evseId).SelectMany(t => t.Frames).OrderBy(f => f.Sequence)
                .Select(f => (f, SessionTraffic.Text(f.Payload, "transactionInfo.chargingState") ?? ""))];
        }

        var states = new List<string>();
        foreach (var (_, state) in reported.Where(r => ChargingStates.Contains(r.State)))
        {
            if (states.Count == 0 || states[^1] != state)
            {
                states.Add(state);
            }
        }

        var wanted = expected.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (!states.SequenceEqual(wanted, StringComparer.Ordinal))
        {
            throw new TrafficAssertionException(
                $"expected the charging states on EVSE {evseId} to be {string.Join(", ", wanted)}, were {(states.Count == 0 ? "none" : string.Join(", ", states))}",
                [.. reported.Select(r => r.Frame)]);
        }
    }

    /// <summary>
    /// Checks that the EV's state of charge (measurand SoC, in the profile's meter values) on an EVSE never fell and
    /// ended higher than it began. Example: <c>Then the state of charge on EVSE 1 rose</c>
    /// </summary>
    [Then("the state of charge on EVSE {int} rose")]
    public void SocRose(int evseId) => Rising(evseId, "SoC", strictly: true);

    /// <summary>
    /// Checks that the energy register (Energy.Active.Import.Register) reported for the transactions on an EVSE never
    /// went down and counted some energy. Example: <c>Then the energy register on EVSE 1 never went down</c>
    /// </summary>
    [Then("the energy register on EVSE {int} never went down")]
    public void EnergyMonotonic(int evseId) => Rising(evseId, "Energy.Active.Import.Register", strictly: true);

    /// <summary>
    /// Checks the reason the last transaction on an EVSE ended with: 1.6 StopTransaction reason, 2.x the TransactionEvent
    /// Ended stoppedReason (absent means Local in both). Example: <c>Then the transaction on EVSE 1 ended with reason "EVDisconnected"</c>
    /// </summary>
    [Then("the transaction on EVSE {int} ended with reason {string}")]
    public void EndedWith(int evseId, string reason)
    {
        var station = world.Simulator.Station();
        var txs = SessionTraffic.On(world.Recorder.Query(), station, evseId);
        var tx = (txs.Count > 0 ? txs[^1] : null)
            ?? throw new TrafficAssertionException($"no transaction ran on EVSE {evseId}", world.Recorder.Query().Station(station.Id).Sent().Calls().Frames);
        var end = tx.Frames.LastOrDefault(f => f.Action == "StopTransaction" || SessionTraffic.Text(f.Payload, "eventType") == "Ended")
            ?? throw new TrafficAssertionException($"the transaction {tx.Id} on EVSE {evseId} did not end", tx.Frames);
        var actual = SessionTraffic.Text(end.Payload, station.Version == OcppVersion.V16 ? "reason" : "transactionInfo.stoppedReason") ?? "Local";
        if (actual != reason)
        {
            throw new TrafficAssertionException($"expected the transaction on EVSE {evseId} to end with {reason}, it ended with {actual}", [end]);
        }
    }

    /// <summary>
    /// Checks that no transaction started on an EVSE and no energy was reported there.
    /// Example: <c>Then no transaction started on EVSE 1</c>
    /// </summary>
    [Then("no transaction started on EVSE {int}")]
    public void NoTransaction(int evseId)
    {
        var station = world.Simulator.Station();
        var all = world.Recorder.Query();
        var txs = SessionTraffic.On(all, station, evseId);
        var starts = all.Station(station.Id).Sent().Calls().Action("StartTransaction").Frames;
        if (txs.Count > 0 || starts.Count > 0)
        {
            throw new TrafficAssertionException($"expected no transaction on EVSE {evseId}, found {Math.Max(txs.Count, starts.Count)}", [.. txs.SelectMany(t => t.Frames), .. starts]);
        }
    }

    /// <summary>
    /// Checks that the CSMS answered the Authorize of a token with a status other than Accepted (Invalid, Blocked, …).
    /// Example: <c>Then the CSMS refused token "STOLEN-1"</c>
    /// </summary>
    [Then("the CSMS refused token {string}")]
    public void Refused(string token) => RefusedAs(token, null);

    /// <summary>
    /// Checks that the CSMS refused a token of the target declaration by its role (any status but Accepted).
    /// Example: <c>Then the CSMS refused the blocked token</c>
    /// </summary>
    [Then("the CSMS refused {tokenRole}")]
    public void RefusedRole(Target.TokenRole role) => RefusedAs(TargetSteps.Token(world, scenario, role).IdToken, null);

    /// <summary>
    /// Checks that the CSMS refused a token of the target declaration with a particular status (1.6 IdTagInfo, 2.x
    /// AuthorizationStatus: Invalid, Blocked, Expired, Unknown, …).
    /// Example: <c>Then the CSMS refused the blocked token with "Blocked"</c>
    /// </summary>
    [Then("the CSMS refused {tokenRole} with {string}")]
    public void RefusedRoleWith(Target.TokenRole role, string status) => RefusedAs(TargetSteps.Token(world, scenario, role).IdToken, status);

    private void RefusedAs(string token, string? status)
    {
        var station = world.Simulator.Station();
        var frames = world.Recorder.Query().Station(station.Id);
        var asks = frames.Sent().Calls().Action("Authorize").Frames
            .Where(f => (SessionTraffic.Text(f.Payload, "idTag") ?? SessionTraffic.Text(f.Payload, "idToken.idToken")) == token).ToList();
        if (asks.Count == 0)
        {
            throw new TrafficAssertionException($"the station never sent Authorize for {token}", frames.Sent().Calls().Frames);
        }

        var answers = frames.Received().Action("Authorize").OfType(OcppMessageType.CallResult).Frames.Where(a => asks.Any(q => q.MessageId == a.MessageId)).ToList();
        var statuses = answers.Select(a => SessionTraffic.Text(a.Payload, "idTagInfo.status") ?? SessionTraffic.Text(a.Payload, "idTokenInfo.status")).ToList();
        if (statuses.Count == 0 || statuses.Any(s => s is null or "Accepted" || (status is not null && s != status)))
        {
            throw new TrafficAssertionException($"expected the CSMS to refuse {token}{(status is null ? "" : $" with {status}")}; it answered {(statuses.Count == 0 ? "nothing" : string.Join(", ", statuses))}", [.. asks, .. answers]);
        }
    }

    /// <summary>
    /// Checks that the first CALL of one action the station sent came before the first of another.
    /// Example: <c>Then "StartTransaction" came before "MeterValues"</c>
    /// </summary>
    [Then("{string} came before {string}")]
    public void CameBefore(string first, string second)
    {
        var calls = world.Recorder.Query().Sent().Calls();
        var a = calls.Action(first).ShouldExist();
        var b = calls.Action(second).ShouldExist();
        if (a.Sequence > b.Sequence)
        {
            throw new TrafficAssertionException($"expected {first} before {second}; the first {second} came first", [b, a]);
        }
    }

    /// <summary>
    /// Checks that every answer the CSMS sent to the station's CALLs arrived within the bound (real time) and that there
    /// was at least one. Example: <c>Then every answer from the CSMS arrived within 2000 ms</c>
    /// </summary>
    [Then("every answer from the CSMS arrived within {int} ms")]
    public void AnswersWithin(int milliseconds)
    {
        var answers = world.Recorder.Query().Received().Where(f => f.MessageType is OcppMessageType.CallResult or OcppMessageType.CallError, "answer").Frames;
        if (answers.Count == 0)
        {
            throw new TrafficAssertionException("the CSMS answered nothing", world.Recorder.Frames);
        }

        var slow = answers.Where(a => a.Latency is not { } l || l > TimeSpan.FromMilliseconds(milliseconds)).ToList();
        if (slow.Count > 0)
        {
            throw new TrafficAssertionException(
                string.Create(CultureInfo.InvariantCulture, $"{slow.Count} of {answers.Count} answers took longer than {milliseconds} ms (slowest {slow.Max(a => a.Latency ?? TimeSpan.MaxValue).TotalMilliseconds:0} ms)"), slow);
        }
    }

    /// <summary>
    /// Checks, for OCPP 2.x, the TransactionEvents of every transaction of the station: seqNo starts at 0 and strictly
    /// increases, one Started comes first, Updated in between, and at most one Ended last. Not applicable to 1.6.
    /// Example: <c>Then the TransactionEvents of every transaction are in order</c>
    /// </summary>
    [Then("the TransactionEvents of every transaction are in order")]
    public void EventsInOrder()
    {
        var station = world.Simulator.Station();
        if (station.Version == OcppVersion.V16)
        {
            scenario.NotApplicable("OCPP 1.6 has no TransactionEvent");
        }

        var txs = SessionTraffic.Transactions(world.Recorder.Query(), station);
        if (txs.Count == 0)
        {
            throw new TrafficAssertionException("no transaction ran", world.Recorder.Query().Sent().Calls().Frames);
        }

        foreach (var tx in txs)
        {
            var seqNos = tx.Frames.Select(f => int.Parse(SessionTraffic.Text(f.Payload, "seqNo") ?? "-1", CultureInfo.InvariantCulture)).ToList();
            var types = tx.Frames.Select(f => SessionTraffic.Text(f.Payload, "eventType")).ToList();
            var problem = seqNos[0] != 0 ? "its first seqNo is not 0"
                : seqNos.Zip(seqNos.Skip(1)).Any(p => p.Second <= p.First) ? "its seqNo does not strictly increase"
                : types[0] != "Started" || types.Count(t => t == "Started") != 1 ? "it does not begin with its only Started"
                : types.Count(t => t == "Ended") > 1 || (types.Contains("Ended") && types[^1] != "Ended") ? "something follows its Ended"
                : null;
            if (problem is not null)
            {
                throw new TrafficAssertionException($"transaction {tx.Id} on EVSE {tx.EvseId}: {problem} (seqNo {string.Join(", ", seqNos)})", tx.Frames);
            }
        }
    }

    /// <summary>
    /// Checks that transactions on two EVSEs ran at the same time: each started before the other ended.
    /// Example: <c>Then the transactions on EVSE 1 and EVSE 2 overlapped</c>
    /// </summary>
    [Then("the transactions on EVSE {int} and EVSE {int} overlapped")]
    public void Overlapped(int first, int second)
    {
        var station = world.Simulator.Station();
        var all = world.Recorder.Query();
        var a = Last(SessionTraffic.On(all, station, first)) ?? throw new TrafficAssertionException($"no transaction on EVSE {first}", []);
        var b = Last(SessionTraffic.On(all, station, second)) ?? throw new TrafficAssertionException($"no transaction on EVSE {second}", []);
        if (a.Frames[0].Sequence > b.Frames[^1].Sequence || b.Frames[0].Sequence > a.Frames[^1].Sequence)
        {
            throw new TrafficAssertionException($"the transactions on EVSE {first} and EVSE {second} did not overlap", [.. a.Frames, .. b.Frames]);
        }
    }

    /// <summary>
    /// Checks that a measurand (in kW) summed over two EVSEs at each sampling instant never exceeded a bound — a shared
    /// supply split between ports — and that both EVSEs reported it while sharing.
    /// Example: <c>Then "Power.Active.Import" on EVSE 1 and EVSE 2 together stayed at most 7.4 kW</c>
    /// </summary>
    [Then("{string} on EVSE {int} and EVSE {int} together stayed at most {float} kW")]
    public void TogetherAtMost(string measurand, int first, int second, float kw)
    {
        var station = world.Simulator.Station();
        var all = world.Recorder.Query();
        var a = SessionTraffic.Samples(SessionTraffic.On(all, station, first), measurand);
        var b = SessionTraffic.Samples(SessionTraffic.On(all, station, second), measurand);
        var shared = a.Join(b, x => x.At, y => y.At, (x, y) => (x.At, Sum: x.Value + y.Value, Frames: new[] { x.Frame, y.Frame })).ToList();
        if (shared.Count == 0)
        {
            throw new TrafficAssertionException($"EVSE {first} and EVSE {second} never reported {measurand} at the same instant", [.. a.Select(s => s.Frame), .. b.Select(s => s.Frame)]);
        }

        // A thousandth of a kW for the rounding of the reported values.
        var limit = (decimal)kw * 1000 + 1;
        var over = shared.Where(s => s.Sum > limit).ToList();
        if (over.Count > 0)
        {
            throw new TrafficAssertionException(
                string.Create(CultureInfo.InvariantCulture, $"{over.Count} of {shared.Count} instants had {measurand} of EVSE {first} + EVSE {second} above {kw} kW (highest {over.Max(o => o.Sum) / 1000} kW)"),
                [.. over.SelectMany(o => o.Frames).Distinct()]);
        }
    }

    /// <summary>
    /// Checks that at least so many samples of a measurand were reported for the transactions on an EVSE.
    /// Example: <c>Then at least 100 "Power.Offered" samples were reported on EVSE 2</c>
    /// </summary>
    [Then("at least {int} {string} samples were reported on EVSE {int}")]
    public void AtLeastSamples(int count, string measurand, int evseId)
    {
        var station = world.Simulator.Station();
        var samples = SessionTraffic.Samples(SessionTraffic.On(world.Recorder.Query(), station, evseId), measurand);
        if (samples.Count < count)
        {
            throw new TrafficAssertionException($"expected at least {count} {measurand} samples on EVSE {evseId}, found {samples.Count}", [.. samples.Select(s => s.Frame).Distinct()]);
        }
    }

    private static TrafficTransaction? Last(IReadOnlyList<TrafficTransaction> txs) => txs.Count > 0 ? txs[^1] : null;

    private void Rising(int evseId, string measurand, bool strictly)
    {
        var station = world.Simulator.Station();
        var samples = SessionTraffic.Samples(SessionTraffic.On(world.Recorder.Query(), station, evseId), measurand);
        if (samples.Count < 2)
        {
            throw new TrafficAssertionException(
                $"expected {measurand} samples on EVSE {evseId} to compare, found {samples.Count}{(station.Profile.MeterValues.Measurands.Contains(measurand) ? "" : $" (profile {station.Profile.Name} does not measure {measurand})")}",
                [.. samples.Select(s => s.Frame)]);
        }

        for (var i = 1; i < samples.Count; i++)
        {
            if (samples[i].Value < samples[i - 1].Value)
            {
                throw new TrafficAssertionException(
                    string.Create(CultureInfo.InvariantCulture, $"{measurand} on EVSE {evseId} went down from {samples[i - 1].Value} to {samples[i].Value}"),
                    [samples[i - 1].Frame, samples[i].Frame]);
            }
        }

        if (strictly && samples[^1].Value <= samples[0].Value)
        {
            throw new TrafficAssertionException(string.Create(CultureInfo.InvariantCulture, $"{measurand} on EVSE {evseId} did not rise (stayed at {samples[0].Value})"), [samples[0].Frame, samples[^1].Frame]);
        }
    }
}
