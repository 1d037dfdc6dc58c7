using System.Globalization;
using System.Text.Json;
using DerSim.Harness.Drivers;
using DerSim.Gherkin.Glue;
using DerSim.Harness.Drivers.Csms;
using DerSim.Harness.Target;
using DerSim.Harness.Traffic;
using DerSim.Ocpp;
using DerSim.Ocpp.Rpc;
using DerSim.Sim.Adapters;
using Reqnroll;

namespace DerSim.Harness.Steps;

/// <summary>
/// The OCA 1.6 LocalAuthListManagement and Reservation cases (TC_042–TC_053): the CSMS sends a local authorization
/// list, asks for its version, reserves a connector or the charge point and cancels a reservation; the checks are on
/// what it sent (versions it numbers, the reservation it cancels) and on how it answered the station's flow.
/// </summary>
[Binding]
public sealed class V16ReservationCaseSteps(ScenarioWorld world, ScenarioContext scenario)
{
    /// <summary>How long a reservation the CSMS is asked for lasts unless a step says otherwise.</summary>
    public const int DefaultReservationMinutes = 60;

    /// <summary>
    /// Sends GetLocalListVersion (1.6 §5.10). Example: <c>When the CSMS asks for the local authorization list version</c>
    /// </summary>
    [When("the CSMS asks for the local authorization list version")]
    public Task GetLocalListVersion()
    {
        var station = world.Simulator.Station();
        return CsmsPerform.RunAsync(world, scenario, new GetLocalListVersionCommand(station.Id, station.Version));
    }

    /// <summary>
    /// Sends SendLocalList with updateType Full holding the token (idTagInfo.status Accepted): a new list replacing
    /// whatever the station held (1.6 §5.15). The CSMS numbers the version itself.
    /// Example: <c>When the CSMS sends a full local authorization list with the valid token</c>
    /// </summary>
    [When("the CSMS sends a full local authorization list with {tokenRole}")]
    public Task SendFull(TokenRole role) => SendList("Full", role);

    /// <summary>
    /// Sends SendLocalList with updateType Differential adding the token (idTagInfo.status Accepted) to the list the
    /// station holds, under a version above it (1.6 §5.15). Example:
    /// <c>When the CSMS sends a differential local authorization list update adding a second valid token</c>
    /// </summary>
    [When("the CSMS sends a differential local authorization list update adding {tokenRole}")]
    public Task SendDifferential(TokenRole role) => SendList("Differential", role);

    /// <summary>
    /// Sends ReserveNow for the EVSE's connector (1.6 numbers connectors across the charge point) and the token, expiring
    /// in an hour by the CSMS's clock. Example: <c>When the CSMS reserves EVSE 1 for the valid token</c>
    /// </summary>
    [When("the CSMS reserves EVSE {int} for {tokenRole}")]
    public Task Reserve(int evseId, TokenRole role) => ReserveAsync(evseId, role, DefaultReservationMinutes, withGroup: false);

    /// <summary>
    /// As the step above, expiring after that many minutes. Example: <c>When the CSMS reserves EVSE 1 for the valid token for 5 minutes</c>
    /// </summary>
    [When("the CSMS reserves EVSE {int} for {tokenRole} for {int} minute(s)")]
    public Task ReserveFor(int evseId, TokenRole role, int minutes) => ReserveAsync(evseId, role, minutes, withGroup: false);

    /// <summary>
    /// Sends ReserveNow for the charge point as a whole (connectorId 0, 1.6 §5.13) and the token.
    /// Example: <c>When the CSMS reserves the charge point for the valid token</c>
    /// </summary>
    [When("the CSMS reserves the charge point for {tokenRole}")]
    public Task ReserveStation(TokenRole role) => ReserveAsync(0, role, DefaultReservationMinutes, withGroup: false);

    /// <summary>
    /// Sends ReserveNow for the EVSE's connector and the token with the token's group as parentIdTag, so that any
    /// token of the group may use it (1.6 §5.13). Not applicable when the target declares no group for the token.
    /// Example: <c>When the CSMS reserves EVSE 1 for the valid token and its group</c>
    /// </summary>
    [When("the CSMS reserves EVSE {int} for {tokenRole} and its group")]
    public Task ReserveWithGroup(int evseId, TokenRole role) => ReserveAsync(evseId, role, DefaultReservationMinutes, withGroup: true);

    /// <summary>
    /// Sends CancelReservation for the reservation the CSMS made last (its reservationId in its latest ReserveNow).
    /// Example: <c>When the CSMS cancels its last reservation</c>
    /// </summary>
    [When("the CSMS cancels its last reservation")]
    public Task Cancel()
    {
        var station = world.Simulator.Station();
        var reserve = CsmsPerform.Latest(world, "ReserveNow").Call;
        var id = reserve.Payload is { } p && FrameFields.At(p, "reservationId") is { ValueKind: JsonValueKind.Number } n ? n.GetInt32()
            : throw new TrafficAssertionException("the CSMS's ReserveNow has no numeric reservationId to cancel", [reserve]);
        return CsmsPerform.RunAsync(world, scenario, new CancelReservationCommand(station.Id, station.Version, id));
    }

    /// <summary>
    /// Lets simulated time pass until a second after the expiryDate of the CSMS's latest ReserveNow: an unused
    /// reservation ends. Example: <c>When the reservation's expiry date passes</c>
    /// </summary>
    [When("the reservation's expiry date passes")]
    public async Task ExpiryPasses()
    {
        var reserve = CsmsPerform.Latest(world, "ReserveNow").Call;
        var expiry = ExpiryOf(reserve)
            ?? throw new TrafficAssertionException("the CSMS's ReserveNow has no expiryDate", [reserve]);
        var wait = expiry - world.Simulator.Clock.Now + TimeSpan.FromSeconds(1);
        if (wait > TimeSpan.Zero)
        {
            await world.Simulator.AdvanceAsync(wait).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The driver of the token charges on the EVSE, as state EnergyTransferStarted reaches it (EV plugged in, token
    /// Authorized, transaction started, each answered by the CSMS), after something the CSMS did: e.g. on a reserved
    /// connector. Example: <c>When EVSE 1 charges with the valid token</c>
    /// </summary>
    [When("EVSE {int} charges with {tokenRole}")]
    public async Task Charges(int evseId, TokenRole role)
    {
        try
        {
            await new StateSteps(world, scenario).EnergyTransferStarted(evseId, role).ConfigureAwait(false);
        }
        catch (TrafficAssertionException) when (ParentNotAnswered(role) is { } failure)
        {
            throw failure;
        }
    }

    /// <summary>
    /// Memory state Faulted: on site, the booted station's EVSE develops a fault; the station reports each idle
    /// connector Faulted (StatusNotification) and the CSMS answers the reports. Example: <c>Given EVSE 1 is Faulted</c>
    /// </summary>
    [Given("EVSE {int} is Faulted")]
    public async Task Faulted(int evseId)
    {
        var station = world.Simulator.Station();
        var engine = station.Runner?.Engine ?? throw new InvalidOperationException($"EVSE {evseId} faults on a running station: start with Given the station is Booted");
        var targets = engine.Station.ConnectorsOf(evseId).ToList();
        if (targets.Count == 0)
        {
            throw new ArgumentException($"station {station.Id} has no EVSE {evseId}");
        }

        var mark = world.Recorder.Query().Frames.Count;
        try
        {
            await StationFaults.FaultAsync(engine, targets, CancellationToken.None).ConfigureAwait(false);
        }
        catch (OcppCallErrorException)
        {
            // The CSMS's CALLERROR is in the traffic; the wait below names it.
        }

        await world.Simulator.WaitForAsync(
            q => q.Station(station.Id).Sent().Calls().Action("StatusNotification").Frames.Where(f => f.Sequence > mark).All(c => q.AnswerTo(c) is not null),
            $"the CSMS's answers to {station.Id}'s reports of EVSE {evseId} Faulted").ConfigureAwait(false);
    }

    /// <summary>
    /// Checks that a field of the CSMS's latest CALL of one action has the value the same field had in its latest CALL
    /// of another: e.g. the reservation a CancelReservation cancels is the one the CSMS made (OCA TC_051). Fails quoting
    /// both CALLs. Example: <c>Then the CSMS's last "CancelReservation" has the "reservationId" of its last "ReserveNow"</c>
    /// </summary>
    [Then("the CSMS's last {string} has the {string} of its last {string}")]
    public void LastHasTheOf(string action, string path, string earlier)
    {
        var call = CsmsPerform.Latest(world, action).Call;
        var before = CsmsPerform.Latest(world, earlier).Call;
        var expected = before.Payload is { } b ? FrameFields.At(b, path) : null;
        var actual = call.Payload is { } p ? FrameFields.At(p, path) : null;
        if (expected is not { } e || actual is not { } a || !FrameFields.Matches(a, FrameFields.Text(e)))
        {
            throw new TrafficAssertionException(
                $"rule: the CSMS's {call.Action} names the {path} of its {before.Action}; it sent {Text(actual)}, its {before.Action} had {Text(expected)}",
                [before, call]);
        }
    }

    /// <summary>
    /// Checks that the CSMS's latest CALLs of an action (as many as given) have a number at a JSON path that grows from
    /// each to the next: e.g. a differential local list update numbered above the list it changes (OCA TC_043_5).
    /// Fails quoting the CALLs. Example: <c>Then the CSMS's last 2 "SendLocalList" have increasing "listVersion"</c>
    /// </summary>
    [Then("the CSMS's last {int} {string} have increasing {string}")]
    public void LastHaveIncreasing(int count, string action, string path)
    {
        var calls = world.CsmsExchanges.Where(e => e.Call.Action == action || e.Kind?.ToString() == action).Select(e => e.Call).TakeLast(count).ToList();
        if (calls.Count < count)
        {
            throw new TrafficAssertionException($"the CSMS sent {calls.Count} {action} in this scenario, the case asks for {count}", calls);
        }

        var values = calls.Select(c => c.Payload is { } p && FrameFields.At(p, path) is { ValueKind: JsonValueKind.Number } v ? v.GetDecimal() : (decimal?)null).ToList();
        for (var i = 1; i < values.Count; i++)
        {
            if (values[i - 1] is not { } previous || values[i] is not { } next || next <= previous)
            {
                throw new TrafficAssertionException(
                    $"rule: each {action} of the CSMS has a {path} above the one before; it sent {string.Join(", ", values.Select(v => v?.ToString(CultureInfo.InvariantCulture) ?? "(none)"))}",
                    calls);
            }
        }
    }

    /// <summary>
    /// Checks that the array at a JSON path of the CSMS's latest CALL of an action has at least one item and that every
    /// item carries a field: e.g. every entry of a local authorization list with its idTagInfo (OCA TC_043_4). Fails
    /// naming the first item without it, quoting the CALL.
    /// Example: <c>Then every "localAuthorizationList" item of the CSMS's last "SendLocalList" carries "idTagInfo.status"</c>
    /// </summary>
    [Then("every {string} item of the CSMS's last {string} carries {string}")]
    public void EveryItemCarries(string arrayPath, string action, string field)
    {
        var call = CsmsPerform.Latest(world, action).Call;
        if (call.Payload is not { } payload || FrameFields.At(payload, arrayPath) is not { ValueKind: JsonValueKind.Array } items || items.GetArrayLength() == 0)
        {
            throw new TrafficAssertionException($"rule: the CSMS's {call.Action} carries {arrayPath} with at least one item; it has none", [call]);
        }

        var i = 0;
        foreach (var item in items.EnumerateArray())
        {
            if (FrameFields.At(item, field) is null)
            {
                throw new TrafficAssertionException($"rule: every {arrayPath} item of the CSMS's {call.Action} carries {field}; item {i} has none", [call]);
            }

            i++;
        }
    }

    /// <summary>
    /// Checks that a date-time field of the CSMS's latest CALL of an action lies after the moment the CALL arrived (by
    /// the scenario's clock, which follows the CSMS's): e.g. a reservation's expiryDate (OCA TC_047). Fails quoting the CALL.
    /// Example: <c>Then the CSMS's last "ReserveNow" has an "expiryDate" in the future</c>
    /// </summary>
    [Then("the CSMS's last {string} has a/an {string} in the future")]
    public void LastHasFuture(string action, string path)
    {
        var call = CsmsPerform.Latest(world, action).Call;
        var field = call.Payload is { } p ? FrameFields.At(p, path) : null;
        if (field is not { ValueKind: JsonValueKind.String } text || !DateTimeOffset.TryParse(text.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) || at <= call.VirtualTime)
        {
            throw new TrafficAssertionException($"rule: the CSMS's {call.Action} has a {path} after the moment it was sent ({call.VirtualTime:yyyy-MM-dd'T'HH:mm:ss'Z'}); it has {Text(field)}", [call]);
        }
    }

    /// <summary>
    /// Checks that the station sent a CALL of an action whose field has the value the same field had in the CSMS's latest
    /// CALL of another action (waiting up to the step timeout for it), and that the CSMS answered it with a CALLRESULT
    /// carrying the value at the answer path: e.g. the StartTransaction of a reservation accepted (OCA TC_046).
    /// Fails quoting the CALL and the answer.
    /// Example: <c>Then the CSMS answered the "StartTransaction" whose "reservationId" is that of its last "ReserveNow" with "idTagInfo.status" = "Accepted"</c>
    /// </summary>
    [Then("the CSMS answered the {string} whose {string} is that of its last {string} with {string} = {string}")]
    public async Task AnsweredWhoseIsThatOf(string action, string path, string earlier, string answerPath, string expected)
    {
        var before = CsmsPerform.Latest(world, earlier).Call;
        if (before.Payload is not { } b || FrameFields.At(b, path) is not { } value)
        {
            throw new TrafficAssertionException($"the CSMS's {before.Action} has no {path}", [before]);
        }

        var text = FrameFields.Text(value);
        var station = world.Simulator.Station();
        var query = await world.Simulator.WaitForAsync(
            q => q.Station(station.Id).Sent().Calls().Action(action).With(path, text).Frames.Any(c => q.AnswerTo(c) is not null),
            $"{station.Id}'s {action} with {path} {text}, answered by the CSMS").ConfigureAwait(false);
        var call = query.Station(station.Id).Sent().Calls().Action(action).With(path, text).Frames.First(c => query.AnswerTo(c) is not null);
        var answer = query.AnswerTo(call)!;
        var field = answer.MessageType == OcppMessageType.CallResult && answer.Payload is { } a ? FrameFields.At(a, answerPath) : null;
        if (field is not { } actual || !FrameFields.Matches(actual, expected))
        {
            throw new TrafficAssertionException(
                $"rule: the CSMS answers the {action} whose {path} is {text} with {answerPath} = {expected}; it answered {(answer.MessageType == OcppMessageType.CallResult ? Text(field) : $"with a {answer.ErrorCode ?? answer.MessageType.ToString()}")}",
                [before, call, answer]);
        }
    }

    private async Task SendList(string updateType, TokenRole role)
    {
        var station = world.Simulator.Station();
        var token = TargetSteps.Token(world, scenario, role);
        var previous = world.CsmsExchanges.LastOrDefault(e => e.Call.Action == "SendLocalList")?.Call;
        var version = previous?.Payload is { } p && FrameFields.At(p, "listVersion") is { ValueKind: JsonValueKind.Number } v ? v.GetInt32() + 1 : 1;
        await CsmsPerform.RunAsync(world, scenario, new SendLocalListCommand(station.Id, station.Version, version, updateType, [new LocalListItem(token.IdToken, "Accepted")])).ConfigureAwait(false);
    }

    private async Task ReserveAsync(int connectorId, TokenRole role, int minutes, bool withGroup)
    {
        var station = world.Simulator.Station();
        var token = TargetSteps.Token(world, scenario, role);
        if (withGroup && token.GroupId is null)
        {
            scenario.NotApplicable($"the scenario needs the group of {role.Describe()} as the reservation's parentIdTag but the target declares no groupId for it");
        }

        var previous = world.CsmsExchanges.LastOrDefault(e => e.Call.Action == "ReserveNow")?.Call;
        var id = previous?.Payload is { } p && FrameFields.At(p, "reservationId") is { ValueKind: JsonValueKind.Number } v ? v.GetInt32() + 1 : 1;
        var expiry = world.Simulator.Clock.Now.AddMinutes(minutes);
        await CsmsPerform.RunAsync(world, scenario, new ReserveNowCommand(station.Id, station.Version, connectorId, expiry, token.IdToken, id, withGroup ? token.GroupId : null)).ConfigureAwait(false);
    }

    // 1.6 §5.13: a token other than the reservation's enters the reserved connector only when its parentIdTag is the
    // reservation's; the station learns it from the CSMS's Authorize answer. The CSMS's fault when it left it out.
    private TrafficAssertionException? ParentNotAnswered(TokenRole role)
    {
        if (world.CsmsExchanges.LastOrDefault(e => e.Call.Action == "ReserveNow")?.Call is not { } reserve
            || reserve.Payload is not { } r || FrameFields.At(r, "parentIdTag") is not { } parent)
        {
            return null;
        }

        var token = TargetSteps.Token(world, scenario, role);
        var query = world.Recorder.Query();
        var authorizes = query.Station(world.Simulator.Station().Id).Sent().Calls().Action("Authorize").With("idTag", token.IdToken).Frames;
        var authorize = authorizes.Count > 0 ? authorizes[^1] : null;
        var answer = authorize is null ? null : query.AnswerTo(authorize);
        var given = answer?.Payload is { } a ? FrameFields.At(a, "idTagInfo.parentIdTag") : null;
        return authorize is null || answer is null || (given is { } g && FrameFields.Matches(g, FrameFields.Text(parent)))
            ? null
            : new TrafficAssertionException(
                $"rule: the CSMS answers the Authorize of {role.Describe()} ({token.IdToken}) with idTagInfo.parentIdTag = {FrameFields.Text(parent)}, the reservation's parentIdTag, so the station lets it use the reservation (1.6 §5.13); it answered {Text(given)}",
                [reserve, authorize, answer]);
    }

    private static DateTimeOffset? ExpiryOf(RecordedFrame reserve) =>
        reserve.Payload is { } p && FrameFields.At(p, "expiryDate") is { ValueKind: JsonValueKind.String } e
        && DateTimeOffset.TryParse(e.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : null;

    private static string Text(JsonElement? value) => value is { } v ? FrameFields.Text(v) : "nothing";
}
