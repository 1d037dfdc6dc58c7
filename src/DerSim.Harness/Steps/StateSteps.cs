using DerSim.Harness.Drivers;
using DerSim.Harness.Drivers.Csms;
using DerSim.Harness.Target;
using DerSim.Harness.Traffic;
using DerSim.Ocpp;
using DerSim.Ocpp.Rpc;
using DerSim.Sim.Engine;
using Reqnroll;

namespace DerSim.Harness.Steps;

/// <summary>
/// The reusable states the OCA test cases start from (Booted, EVConnected, Authorized, EnergyTransferStarted), one step
/// each, so a case reads as its description does. Each state is reached through the CSMS: a step completes once the
/// CSMS answered what the station sent on the way, and fails (the CSMS's fault, quoting the frames) when it did not
/// answer or refused what a conforming CSMS accepts.
/// </summary>
[Binding]
public sealed class StateSteps(ScenarioWorld world, ScenarioContext scenario)
{
    /// <summary>The state of charge the EV of the EVConnected state arrives with; it wants <see cref="EvSteps.DefaultTargetSocPercent"/>.</summary>
    public const int ArrivalSocPercent = 20;

    /// <summary>
    /// Fixes one of the station's own settings before it connects, as its installer would: a 2.x device-model variable
    /// as "Component.Variable" (or "Component.Variable.Instance"), or a 1.6 configuration key. The CSMS reads the value
    /// like any other. Example: <c>Given the station's setting "TxCtrlr.EVConnectionTimeOut" is "30"</c>
    /// </summary>
    [Given("the station's setting {string} is {string}")]
    public void Setting(string name, string value)
    {
        var station = world.Simulator.Station();
        if (station.Runner is not null)
        {
            throw new InvalidOperationException($"the station's setting \"{name}\" is fixed before it connects: put this step before \"the station is Booted\" or \"the station connects to the CSMS\"");
        }

        // Checked now against a fresh station's settings, so a misspelt name fails at this line.
        var fresh = new DerSim.Sim.StationModel.ChargingStation(station.Id, station.Profile).Configuration;
        SimulatorDriver.CheckSetting(station.Id, fresh, name, value);
        station.Settings[name] = value;
    }

    /// <summary>
    /// State Booted: the station connects, the CSMS accepts its BootNotification and answers the StatusNotification of
    /// every connector (Available). Example: <c>Given the station is Booted</c>
    /// </summary>
    [Given("the station is Booted")]
    public async Task Booted()
    {
        var station = world.Simulator.Station();
        if (station.Runner is null)
        {
            await world.Simulator.StartAsync(station).ConfigureAwait(false);
        }

        var steps = new StationSteps(world, scenario);
        await steps.BootAnswered("Accepted").ConfigureAwait(false);
        await steps.EveryConnector("Available").ConfigureAwait(false);
    }

    /// <summary>
    /// State EVConnected: the profile's default EV (at 20%, wanting 80%) plugs into the EVSE of the booted station, and
    /// the CSMS answered the station's report of it (2.x StatusNotification Occupied, 1.6 Preparing), and, when the
    /// station starts its transaction on the plug-in, that TransactionEvent too.
    /// Example: <c>Given EVSE 1 is EVConnected</c>
    /// </summary>
    [Given("EVSE {int} is EVConnected")]
    public async Task EvConnected(int evseId)
    {
        var station = world.Simulator.Station();
        var mark = world.Recorder.Query().Frames.Count;
        await world.Simulator.PlugInAsync(station, evseId, new EvArrival(null, ArrivalSocPercent, EvSteps.DefaultTargetSocPercent)).ConfigureAwait(false);
        var status = station.Version == OcppVersion.V16 ? "Preparing" : "Occupied";
        await world.Simulator.WaitForAsync(
            q => AnsweredSince(q, station.Id, mark, "StatusNotification", f => Reports(f, evseId, status)),
            $"{station.Id}'s StatusNotification {status} for EVSE {evseId}, answered by the CSMS").ConfigureAwait(false);
        await AllAnsweredAsync(station, mark).ConfigureAwait(false);
    }

    /// <summary>
    /// State Authorized: the driver presents a token of the target declaration on the EVSE and the CSMS accepts it
    /// (Authorize answered with idTokenInfo.status Accepted; in 1.6 idTagInfo.status). Fails when the CSMS refused it.
    /// Example: <c>Given EVSE 1 is Authorized with the valid token</c>
    /// </summary>
    [Given("EVSE {int} is Authorized with {tokenRole}")]
    public async Task Authorized(int evseId, TokenRole role)
    {
        var station = world.Simulator.Station();
        var token = TargetSteps.Token(world, scenario, role);
        var mark = world.Recorder.Query().Frames.Count;
        await world.Simulator.PresentTokenAsync(station, evseId, token.IdToken, token.EffectiveType).ConfigureAwait(false);
        var statusPath = station.Version == OcppVersion.V16 ? "idTagInfo.status" : "idTokenInfo.status";
        var query = await world.Simulator.WaitForAsync(
            q => AnsweredSince(q, station.Id, mark, "Authorize", _ => true),
            $"the CSMS's answer to {station.Id}'s Authorize of {role.Describe()}").ConfigureAwait(false);
        var answer = query.Station(station.Id).Received().Action("Authorize").Frames.Last(f => f.Sequence > mark);
        var status = SessionTraffic.Text(answer.Payload, statusPath);
        if (answer.MessageType != OcppMessageType.CallResult || status != "Accepted")
        {
            throw new TrafficAssertionException($"expected the CSMS to accept {role.Describe()} ({statusPath} Accepted), got {status ?? answer.MessageType.ToString()}", [answer]);
        }

        await AllAnsweredAsync(station, mark).ConfigureAwait(false);
    }

    /// <summary>
    /// State EnergyTransferStarted: the EVSE is EVConnected (unless it already is), Authorized with the token, the
    /// transaction started and the CSMS answered its start (2.x TransactionEvent Started, 1.6 StartTransaction with a
    /// transaction id) and the station reported energy flowing (2.x chargingState Charging).
    /// Example: <c>Given EVSE 1 is EnergyTransferStarted with the valid token</c>
    /// </summary>
    [Given("EVSE {int} is EnergyTransferStarted with {tokenRole}")]
    public async Task EnergyTransferStarted(int evseId, TokenRole role)
    {
        var station = world.Simulator.Station();
        var plugged = world.Recorder.Query().Station(station.Id).Sent().Calls().Action("StatusNotification").Frames
            .Any(f => Reports(f, evseId, station.Version == OcppVersion.V16 ? "Preparing" : "Occupied"));
        if (!plugged)
        {
            await EvConnected(evseId).ConfigureAwait(false);
        }

        var mark = world.Recorder.Query().Frames.Count;
        await Authorized(evseId, role).ConfigureAwait(false);
        await world.Simulator.WaitForAsync(
            q => CsmsTraffic.AnsweredStarts(q, station.Id, station.Version).Count > 0
                && (station.Version == OcppVersion.V16 || q.Station(station.Id).Sent().Calls().Action("TransactionEvent")
                    .Frames.Any(f => f.Sequence > mark && SessionTraffic.Text(f.Payload, "transactionInfo.chargingState") == "Charging")),
            $"a transaction of {station.Id} on EVSE {evseId} started, answered by the CSMS, with energy flowing").ConfigureAwait(false);
        await AllAnsweredAsync(station, mark).ConfigureAwait(false);
    }

    private Task AllAnsweredAsync(StationUnderTest station, int mark) =>
        world.Simulator.WaitForAsync(
            q => q.Station(station.Id).Sent().Calls().Frames.Where(f => f.Sequence > mark)
                .All(c => q.AnswerTo(c) is not null),
            $"the CSMS's answers to every CALL {station.Id} sent on the way");

    private static bool AnsweredSince(TrafficQuery query, string stationId, int mark, string action, Func<RecordedFrame, bool> which)
    {
        var frames = query.Station(stationId);
        return frames.Sent().Calls().Action(action).Frames.Where(f => f.Sequence > mark && which(f))
            .Any(c => frames.AnswerTo(c) is not null);
    }

    private static bool Reports(RecordedFrame frame, int evseId, string status) =>
        frame.Payload is { } p
        && (FrameFields.At(p, "connectorStatus") ?? FrameFields.At(p, "status")) is { } s && FrameFields.Text(s) == status
        && (frame.EvseId is null || frame.EvseId == evseId);
}
