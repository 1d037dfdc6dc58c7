using System.Globalization;
using DerSim.Gherkin.Glue;
using DerSim.Harness.Drivers;
using DerSim.Harness.Drivers.Csms;
using DerSim.Harness.Traffic;
using DerSim.Ocpp;
using DerSim.Ocpp.Json;
using DerSim.Ocpp.Rpc;
using DerSim.Sim.Adapters;
using DerSim.Sim.Engine;
using DerSim.Sim.Profiles;
using Reqnroll;

namespace DerSim.Harness.Steps;

/// <summary>
/// The OCPP 2.1 bidirectional-power-transfer cases (block Q, B_116, K_101): Dynamic V2X profiles the CSMS updates
/// (UpdateDynamicSchedule) or the station pulls (PullDynamicScheduleUpdate), an EV renegotiating the energy transfer,
/// and the checks of the CSMS's answers to the station's messages of those flows.
/// </summary>
[Binding]
public sealed class V21BidirectionalCaseSteps(ScenarioWorld world, ScenarioContext scenario)
{
    /// <summary>The charging profile id the Dynamic profiles of these steps ask for: one per EVSE (the CSMS may number its own).</summary>
    private const int DynamicProfileIdBase = 300;

    /// <summary>
    /// Makes the CSMS send a Dynamic TxProfile for the transaction on the EVSE: one period, operationMode CentralSetpoint,
    /// a negative setpoint (discharge) in W, no dynUpdateInterval, so the CSMS pushes new values itself.
    /// Example: <c>When the CSMS sets a dynamic discharge setpoint of 10 kW on EVSE 1</c>
    /// </summary>
    [When("the CSMS sets a dynamic discharge setpoint of {float} kW on EVSE {int}")]
    public Task DynamicSetpoint(float kw, int evseId) => Dynamic(kw, evseId, pullEverySeconds: null);

    /// <summary>
    /// As the step above, with dynUpdateInterval: the station asks the CSMS for new values (PullDynamicScheduleUpdate)
    /// every that many seconds of simulated time. Example: <c>When the CSMS sets a dynamic discharge setpoint of 10 kW on EVSE 1 pulled every 60 s</c>
    /// </summary>
    [When("the CSMS sets a dynamic discharge setpoint of {float} kW on EVSE {int} pulled every {int} s")]
    public Task DynamicSetpointPulled(float kw, int evseId, int seconds) => Dynamic(kw, evseId, seconds);

    /// <summary>
    /// Makes the CSMS push a new discharge setpoint (UpdateDynamicSchedule, setpoint negative in W) for the Dynamic
    /// profile it last sent for the EVSE, by the id it gave that profile.
    /// Example: <c>When the CSMS updates the dynamic setpoint on EVSE 1 to a discharge of 20 kW</c>
    /// </summary>
    [When("the CSMS updates the dynamic setpoint on EVSE {int} to a discharge of {float} kW")]
    public async Task UpdateDynamic(int evseId, float kw)
    {
        var station = world.Simulator.Station();
        var set = world.CsmsExchanges.LastOrDefault(e => e.Command is SetV2xDynamicProfileCommand c && c.EvseId == evseId)
            ?? throw new TrafficAssertionException($"the CSMS sent no Dynamic charging profile for EVSE {evseId} in this scenario to update", []);
        var id = set.Call.Payload is { } p && FrameFields.At(p, "chargingProfile.id") is { } v && int.TryParse(FrameFields.Text(v), NumberStyles.Integer, CultureInfo.InvariantCulture, out var chosen)
            ? chosen
            : ((SetV2xDynamicProfileCommand)set.Command!).ProfileId;
        await CsmsPerform.RunAsync(world, scenario, new UpdateDynamicScheduleCommand(station.Id, station.Version, id, SetpointW: -Watts(kw))).ConfigureAwait(false);
        Mark(string.Create(CultureInfo.InvariantCulture, $"dynamic setpoint -{kw} kW on EVSE {evseId}"));
    }

    /// <summary>
    /// The EV on the EVSE renegotiates during its transaction (ISO 15118-20) asking for an energy transfer mode: the
    /// station sends its new needs (NotifyEVChargingNeeds) and waits for the CSMS's answer; a refused request leaves the
    /// EV in the mode it had. Example: <c>When the EV on EVSE 1 asks again for energy transfer "DC_BPT"</c>
    /// </summary>
    [When("the EV on EVSE {int} asks again for energy transfer {string}")]
    public async Task EvAsksAgain(int evseId, string mode)
    {
        await CsmsPerform.TransactionOnAsync(world, evseId).ConfigureAwait(false);
        var engine = world.Simulator.Station().Runner?.Engine ?? throw new InvalidOperationException("the station is not running: start with Given the station is Booted");
        EnergyTransferMode wanted;
        try
        {
            wanted = V21EnergyTransfer.FromV21(OcppJson.ParseName<Ocpp.V21.EnergyTransferModeEnumType>(mode, OcppActionTables.For(OcppVersion.V21)));
        }
        catch (System.Text.Json.JsonException)
        {
            throw new ArgumentException($"\"{mode}\" is not an OCPP 2.1 energy transfer mode");
        }

        await engine.Bidirectional.EvRenegotiatesAsync(evseId, wanted, CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>
    /// Checks the CSMS's answers to every CALL of the action the station sent: each a CALLRESULT whose field at the JSON
    /// path has one of the comma-separated values. Fails when the station sent none, or one was not answered, answered
    /// with an error or with another value, quoting the CALL and the answer.
    /// Example: <c>Then the CSMS answered every "PullDynamicScheduleUpdate" with "status" one of "Accepted"</c>
    /// </summary>
    [Then("the CSMS answered every {string} with {string} one of {string}")]
    public async Task EveryAnsweredOneOf(string action, string path, string values)
    {
        var expected = Values(values);
        var (query, calls) = await CallsAsync(action, null, null).ConfigureAwait(false);
        foreach (var call in calls)
        {
            var answer = Answer(query, call, $"the CSMS's answer to a {action}", path, expected);
            var value = SessionTraffic.Text(answer.Payload, path);
            if (value is null || !expected.Contains(value, StringComparer.Ordinal))
            {
                throw new TrafficAssertionException($"the CSMS's answer to a {action}: expected {path} {Describe(expected)}, got {value ?? "none"}", [call, answer]);
            }
        }
    }

    /// <summary>
    /// Checks that the CSMS's answer to every CALL of the action the station sent is a CALLRESULT that has the field at
    /// the JSON path (e.g. the new values of a Dynamic profile in its PullDynamicScheduleUpdate answers).
    /// Example: <c>Then the CSMS's answer to every "PullDynamicScheduleUpdate" carries "scheduleUpdate"</c>
    /// </summary>
    [Then("the CSMS's answer to every {string} carries {string}")]
    public async Task EveryAnswerCarries(string action, string path)
    {
        var (query, calls) = await CallsAsync(action, null, null).ConfigureAwait(false);
        foreach (var call in calls)
        {
            var answer = Answer(query, call, $"the CSMS's answer to a {action}", path, null);
            if (answer.Payload is not { } payload || FrameFields.At(payload, path) is null)
            {
                throw new TrafficAssertionException($"the CSMS's answer to a {action} must carry {path}; it has none", [call, answer]);
            }
        }
    }

    /// <summary>
    /// Checks the CSMS's answer to the station's last CALL of the action whose field at the first JSON path has a value
    /// (e.g. charging needs asking for DC_BPT): a CALLRESULT whose field at the second path has one of the
    /// comma-separated values. Fails when there is no such CALL, it was not answered, answered with an error, or with
    /// another value. Example: <c>Then the CSMS answered the last "NotifyEVChargingNeeds" whose "chargingNeeds.requestedEnergyTransfer" is "DC_BPT" with "status" one of "Rejected, NoChargingProfile"</c>
    /// </summary>
    [Then("the CSMS answered the last {string} whose {string} is {string} with {string} one of {string}")]
    public async Task LastWhoseAnsweredOneOf(string action, string wherePath, string whereValue, string path, string values)
    {
        var expected = Values(values);
        var (query, calls) = await CallsAsync(action, wherePath, whereValue).ConfigureAwait(false);
        var call = calls[^1];
        var answer = Answer(query, call, $"the CSMS's answer to the last {action} with {wherePath} {whereValue}", path, expected);
        var value = SessionTraffic.Text(answer.Payload, path);
        if (value is null || !expected.Contains(value, StringComparer.Ordinal))
        {
            throw new TrafficAssertionException($"the CSMS's answer to the last {action} with {wherePath} {whereValue}: expected {path} {Describe(expected)}, got {value ?? "none"}", [call, answer]);
        }
    }

    private static RecordedFrame Answer(TrafficQuery query, RecordedFrame call, string what, string path, IReadOnlyList<string>? expected)
    {
        var answer = query.AnswerTo(call) ?? throw new TrafficAssertionException($"{what}: the CSMS did not answer it (OCPP-J: every CALL is answered)", [call]);
        if (answer.MessageType != OcppMessageType.CallResult)
        {
            throw new TrafficAssertionException($"{what}: the CSMS answered with {answer.ErrorCode ?? answer.MessageType.ToString()}, expected a CALLRESULT with {path}{(expected is null ? "" : " " + Describe(expected))}", [call, answer]);
        }

        return answer;
    }

    private async Task<(TrafficQuery Query, IReadOnlyList<RecordedFrame> Calls)> CallsAsync(string action, string? wherePath, string? whereValue)
    {
        bool Picked(RecordedFrame call) => wherePath is null || (call.Payload is { } p && SessionTraffic.Text(p, wherePath) == whereValue);
        TrafficQuery query;
        try
        {
            // A CALL the station just sent may still wait for its answer: wait (up to the step timeout) until each has one.
            query = await world.Simulator.WaitForAsync(
                q => q.Sent().Calls().Action(action).Frames.Where(Picked).ToList() is { Count: > 0 } sent && sent.All(c => q.AnswerTo(c) is not null),
                $"the CSMS's answers to every {action}").ConfigureAwait(false);
        }
        catch (TrafficAssertionException)
        {
            query = world.Recorder.Query();
        }

        var calls = query.Sent().Calls().Action(action).Frames.Where(Picked).ToList();
        if (calls.Count == 0)
        {
            throw new TrafficAssertionException($"expected a {action}{(wherePath is null ? "" : $" with {wherePath} {whereValue}")} of the station for the CSMS to answer; it sent none", query.Sent().Calls().Action(action).Frames);
        }

        return (query, calls);
    }

    private async Task Dynamic(float kw, int evseId, int? pullEverySeconds)
    {
        var (station, tx) = await CsmsPerform.TransactionOnAsync(world, evseId).ConfigureAwait(false);
        var command = new SetV2xDynamicProfileCommand(station.Id, station.Version, evseId, tx, "CentralSetpoint", SetpointW: -Watts(kw), DynUpdateIntervalS: pullEverySeconds, ProfileId: DynamicProfileIdBase + evseId);
        await CsmsPerform.RunAsync(world, scenario, command).ConfigureAwait(false);
        Mark(string.Create(CultureInfo.InvariantCulture, $"dynamic setpoint -{kw} kW on EVSE {evseId}"));
    }

    private static decimal Watts(float kw) => V2xCurveTables.Watts((decimal)kw);

    private static string Describe(IReadOnlyList<string> values) => values.Count == 1 ? values[0] : "one of " + string.Join(", ", values);

    private static List<string> Values(string values) =>
        [.. values.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    private void Mark(string what) => ChangeMark.Set(scenario, world.Simulator.Clock.Now, what);
}
