using System.Globalization;
using DerSim.Harness.Drivers;
using DerSim.Harness.Drivers.Csms;
using DerSim.Gherkin.Glue;
using Reqnroll;
using DerSim.Harness.Traffic;
using DerSim.Ocpp;

namespace DerSim.Harness.Steps;

/// <summary>
/// Steps that make the CSMS under test send a CSMS-initiated message, through the configured CSMS driver, and check
/// the station's answer. An action the driver cannot make the CSMS perform, or one the station's version lacks, makes
/// the scenario not applicable.
/// </summary>
[Binding]
public sealed class CsmsActionSteps(ScenarioWorld world, ScenarioContext scenario)
{
    /// <summary>
    /// Sends SetChargingProfile with a TxProfile for the running transaction on the EVSE, limiting it to a power
    /// (one period from the start, unit W; 1.6 csChargingProfiles, 2.x chargingProfile). Waits for the transaction first.
    /// Example: <c>When the CSMS limits EVSE 1 to 50 kW with a TxProfile</c>
    /// </summary>
    [When("the CSMS limits EVSE {int} to {float} kW with a TxProfile")]
    public async Task LimitTxKw(int evseId, float kw)
    {
        var (station, tx) = await TransactionOn(evseId).ConfigureAwait(false);
        await Perform(new SetChargingProfileCommand(station.Id, station.Version, "TxProfile", evseId, LimitW: (decimal)kw * 1000, TransactionId: tx)).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends SetChargingProfile with a TxProfile for the running transaction on the EVSE, limiting its current (unit A).
    /// Example: <c>When the CSMS limits EVSE 1 to 16 A with a TxProfile</c>
    /// </summary>
    [When("the CSMS limits EVSE {int} to {float} A with a TxProfile")]
    public async Task LimitTxAmps(int evseId, float amps)
    {
        var (station, tx) = await TransactionOn(evseId).ConfigureAwait(false);
        await Perform(new SetChargingProfileCommand(station.Id, station.Version, "TxProfile", evseId, LimitW: null, LimitA: (decimal)amps, TransactionId: tx)).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends SetChargingProfile with a TxDefaultProfile for the whole station (EVSE 0) limiting every future
    /// transaction to a power. Example: <c>When the CSMS sets a TxDefaultProfile of 11 kW</c>
    /// </summary>
    [When("the CSMS sets a TxDefaultProfile of {float} kW")]
    public Task TxDefault(float kw) => TxDefaultOn(kw, 0);

    /// <summary>
    /// Sends SetChargingProfile with a TxDefaultProfile for one EVSE.
    /// Example: <c>When the CSMS sets a TxDefaultProfile of 7 kW on EVSE 2</c>
    /// </summary>
    [When("the CSMS sets a TxDefaultProfile of {float} kW on EVSE {int}")]
    public Task TxDefaultOn(float kw, int evseId)
    {
        var station = world.Simulator.Station();
        return Perform(new SetChargingProfileCommand(station.Id, station.Version, "TxDefaultProfile", evseId, LimitW: (decimal)kw * 1000, ProfileId: 100 + evseId));
    }

    /// <summary>
    /// Sends ClearChargingProfile without criteria: every charging profile of the station is removed.
    /// Example: <c>When the CSMS clears the charging profiles</c>
    /// </summary>
    [When("the CSMS clears the charging profiles")]
    public Task Clear()
    {
        var station = world.Simulator.Station();
        return Perform(new ClearChargingProfileCommand(station.Id, station.Version));
    }

    /// <summary>
    /// Sends GetCompositeSchedule for an EVSE over a number of seconds (unit W).
    /// Example: <c>When the CSMS asks for the composite schedule of EVSE 1 over 3600 s</c>
    /// </summary>
    [When("the CSMS asks for the composite schedule of EVSE {int} over {int} s")]
    public Task Composite(int evseId, int seconds)
    {
        var station = world.Simulator.Station();
        return Perform(new GetCompositeScheduleCommand(station.Id, station.Version, evseId, seconds));
    }

    /// <summary>
    /// Sends RemoteStartTransaction (1.6) or RequestStartTransaction (2.x) for an EVSE and token.
    /// Example: <c>When the CSMS starts a transaction remotely on EVSE 1 for token "TAG-1"</c>
    /// </summary>
    [When("the CSMS starts a transaction remotely on EVSE {int} for token {string}")]
    public Task RemoteStart(int evseId, string token)
    {
        var station = world.Simulator.Station();
        return Perform(new RemoteStartCommand(station.Id, station.Version, evseId, token));
    }

    /// <summary>
    /// Sends RemoteStartTransaction (1.6) or RequestStartTransaction (2.x) for an EVSE and a token of the target
    /// declaration by its role, with its declared type on 2.x.
    /// Example: <c>When the CSMS starts a transaction remotely on EVSE 1 for the valid token</c>
    /// </summary>
    [When("the CSMS starts a transaction remotely on EVSE {int} for {tokenRole}")]
    public Task RemoteStartRole(int evseId, Target.TokenRole role)
    {
        var station = world.Simulator.Station();
        var token = TargetSteps.Token(world, scenario, role);
        return Perform(new RemoteStartCommand(station.Id, station.Version, evseId, token.IdToken, token.EffectiveType));
    }

    /// <summary>
    /// Sends RemoteStopTransaction (1.6) or RequestStopTransaction (2.x) for the transaction running on the EVSE; waits
    /// for that transaction first. Example: <c>When the CSMS stops the transaction on EVSE 1</c>
    /// </summary>
    [When("the CSMS stops the transaction on EVSE {int}")]
    public async Task RemoteStop(int evseId)
    {
        var (station, tx) = await TransactionOn(evseId).ConfigureAwait(false);
        await Perform(new RemoteStopCommand(station.Id, station.Version, tx, evseId)).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends a soft Reset (2.x: OnIdle). Example: <c>When the CSMS resets the station</c>
    /// </summary>
    [When("the CSMS resets the station")]
    public Task Reset() => ResetOfType("Soft");

    /// <summary>
    /// Sends a Reset of a type: Soft or Hard (2.x: OnIdle or Immediate; those names work too).
    /// Example: <c>When the CSMS resets the station with a "Hard" reset</c>
    /// </summary>
    [When("the CSMS resets the station with a/an {string} reset")]
    public Task ResetOfType(string type)
    {
        var station = world.Simulator.Station();
        return Perform(new ResetCommand(station.Id, station.Version, type));
    }

    /// <summary>
    /// Sends ChangeAvailability making an EVSE Inoperative or Operative.
    /// Example: <c>When the CSMS makes EVSE 1 Inoperative</c>
    /// </summary>
    [When("the CSMS makes EVSE {int} {word}")]
    public Task Availability(int evseId, string status)
    {
        var station = world.Simulator.Station();
        return Perform(new ChangeAvailabilityCommand(station.Id, station.Version, evseId, OperationalStatus(status)));
    }

    /// <summary>
    /// Sends ChangeAvailability for the whole station. Example: <c>When the CSMS makes the station Inoperative</c>
    /// </summary>
    [When("the CSMS makes the station {word}")]
    public Task StationAvailability(string status) => Availability(0, status);

    /// <summary>
    /// Sends UnlockConnector (1.6: the EVSE's connector id). Example: <c>When the CSMS unlocks connector 1 of EVSE 1</c>
    /// </summary>
    [When("the CSMS unlocks connector {int} of EVSE {int}")]
    public Task Unlock(int connectorId, int evseId)
    {
        var station = world.Simulator.Station();
        return Perform(new UnlockConnectorCommand(station.Id, station.Version, evseId, connectorId));
    }

    /// <summary>
    /// Sends TriggerMessage asking for a message (StatusNotification, MeterValues, Heartbeat, BootNotification).
    /// Example: <c>When the CSMS triggers a "StatusNotification"</c>
    /// </summary>
    [When("the CSMS triggers a/an {string}")]
    public Task Trigger(string message)
    {
        var station = world.Simulator.Station();
        return Perform(new TriggerMessageCommand(station.Id, station.Version, message));
    }

    /// <summary>
    /// Sends TriggerMessage asking for a message about one EVSE (1.6: its connector).
    /// Example: <c>When the CSMS triggers a "MeterValues" for EVSE 1</c>
    /// </summary>
    [When("the CSMS triggers a/an {string} for EVSE {int}")]
    public Task TriggerFor(string message, int evseId)
    {
        var station = world.Simulator.Station();
        return Perform(new TriggerMessageCommand(station.Id, station.Version, message, evseId));
    }

    /// <summary>
    /// OCPP 1.6: sends ChangeConfiguration of a key. Not applicable on 2.x (use variables).
    /// Example: <c>When the CSMS sets configuration "HeartbeatInterval" to "60"</c>
    /// </summary>
    [When("the CSMS sets configuration {string} to {string}")]
    public Task ChangeConfiguration(string key, string value)
    {
        var station = world.Simulator.Station();
        return Perform(new ChangeConfigurationCommand(station.Id, station.Version, key, value));
    }

    /// <summary>
    /// OCPP 1.6: sends GetConfiguration of a key. Not applicable on 2.x.
    /// Example: <c>When the CSMS reads configuration "HeartbeatInterval"</c>
    /// </summary>
    [When("the CSMS reads configuration {string}")]
    public Task GetConfiguration(string key)
    {
        var station = world.Simulator.Station();
        return Perform(new GetConfigurationCommand(station.Id, station.Version, key));
    }

    /// <summary>
    /// OCPP 2.x: sends SetVariables of one "Component.Variable". Not applicable on 1.6.
    /// Example: <c>When the CSMS sets variable "OCPPCommCtrlr.HeartbeatInterval" to "60"</c>
    /// </summary>
    [When("the CSMS sets variable {string} to {string}")]
    public Task SetVariable(string componentVariable, string value)
    {
        var station = world.Simulator.Station();
        return Perform(new SetVariablesCommand(station.Id, station.Version, componentVariable, value));
    }

    /// <summary>
    /// OCPP 2.x: sends GetBaseReport for the full inventory; the station answers and then describes its device model in
    /// NotifyReport messages. Not applicable on 1.6. Example: <c>When the CSMS asks for the full base report</c>
    /// </summary>
    [When("the CSMS asks for the full base report")]
    public Task FullBaseReport()
    {
        var station = world.Simulator.Station();
        return Perform(new GetBaseReportCommand(station.Id, station.Version, "FullInventory"));
    }

    /// <summary>
    /// OCPP 2.x: waits for the NotifyReport messages of a base report (until one without <c>tbc</c>) and checks that the
    /// Connector component of the EVSE reports that ConnectorType (cCCS2, cType2, …).
    /// Example: <c>Then the base report gives connector type "cCCS2" on EVSE 1</c>
    /// </summary>
    [Then("the base report gives connector type {string} on EVSE {int}")]
    public async Task ReportedConnectorType(string type, int evseId)
    {
        var station = world.Simulator.Station();
        if (station.Version == OcppVersion.V16)
        {
            scenario.NotApplicable("OCPP 1.6 has no device model report");
        }

        var query = await world.Simulator.WaitForAsync(
            q => q.Station(station.Id).Sent().Calls().Action("NotifyReport").Payloads().Any(p => FrameFields.At(p, "tbc") is not { ValueKind: System.Text.Json.JsonValueKind.True }),
            $"the last NotifyReport of {station.Id}'s base report").ConfigureAwait(false);
        var reports = query.Station(station.Id).Sent().Calls().Action("NotifyReport");
        var found = reports.Payloads()
            .SelectMany(p => FrameFields.At(p, "reportData") is { ValueKind: System.Text.Json.JsonValueKind.Array } data ? data.EnumerateArray() : Enumerable.Empty<System.Text.Json.JsonElement>())
            .Where(d => FrameFields.At(d, "component.name") is { } c && FrameFields.Text(c) == "Connector"
                && FrameFields.At(d, "component.evse.id") is { } e && FrameFields.Text(e) == evseId.ToString(CultureInfo.InvariantCulture)
                && FrameFields.At(d, "variable.name") is { } v && FrameFields.Text(v) == "ConnectorType")
            .Select(d => FrameFields.At(d, "variableAttribute[0].value") is { } value ? FrameFields.Text(value) : null)
            .ToList();
        if (!found.Contains(type))
        {
            throw new TrafficAssertionException(
                $"expected ConnectorType {type} for the Connector of EVSE {evseId} in the base report; found {(found.Count == 0 ? "none" : string.Join(", ", found))}",
                reports.Frames);
        }
    }

    /// <summary>
    /// OCPP 2.x: sends GetVariables of one "Component.Variable". Not applicable on 1.6.
    /// Example: <c>When the CSMS reads variable "OCPPCommCtrlr.HeartbeatInterval"</c>
    /// </summary>
    [When("the CSMS reads variable {string}")]
    public Task GetVariable(string componentVariable)
    {
        var station = world.Simulator.Station();
        return Perform(new GetVariablesCommand(station.Id, station.Version, componentVariable));
    }

    /// <summary>
    /// Checks the station's answer to the latest CSMS action of that name: its <c>status</c> field (or, for a
    /// CALLERROR, its error code). The name is the OCPP action or the driver's version-neutral one (RemoteStart,
    /// RemoteStop). Example: <c>Then the station answered "SetChargingProfile" with "Accepted"</c>
    /// </summary>
    [Then("the station answered {string} with {string}")]
    public void Answered(string action, string status)
    {
        var exchange = Latest(action);
        if (exchange.Status != status)
        {
            throw new TrafficAssertionException($"expected the station to answer {exchange.Call.Action} with {status}, it answered {exchange.Status ?? "without a status"}", [exchange.Call, exchange.Answer]);
        }
    }

    /// <summary>
    /// Checks a field of the station's answer to the latest CSMS action of that name, by JSON path in the payload.
    /// A number matches by value ("-20000" matches -20000.0).
    /// Example: <c>Then the station answered "GetVariables" with "getVariableResult[0].attributeValue" = "60"</c>
    /// </summary>
    [Then("the station answered {string} with {string} = {string}")]
    public void AnsweredWith(string action, string path, string value)
    {
        var exchange = Latest(action);
        var field = exchange.Answer.Payload is { } p ? FrameFields.At(p, path) : null;
        if (field is not { } actual || !FrameFields.Matches(actual, value))
        {
            throw new TrafficAssertionException($"expected {path} = {value} in the answer to {exchange.Call.Action}, found {(field is { } f ? FrameFields.Text(f) : "nothing")}", [exchange.Call, exchange.Answer]);
        }
    }

    /// <summary>
    /// Checks a field of every item of the array at a JSON path of the station's answer to the latest CSMS action of
    /// that name: e.g. each variable of a SetVariables Accepted. Fails naming the first item that differs.
    /// Example: <c>Then the station answered every "setVariableResult" item of "SetVariables" with "attributeStatus" = "Accepted"</c>
    /// </summary>
    [Then("the station answered every {string} item of {string} with {string} = {string}")]
    public void AnsweredEveryItemWith(string arrayPath, string action, string path, string value)
    {
        var exchange = Latest(action);
        var items = exchange.Answer.Payload is { } p && FrameFields.At(p, arrayPath) is { ValueKind: System.Text.Json.JsonValueKind.Array } array ? array.EnumerateArray().ToList() : [];
        if (items.Count == 0)
        {
            throw new TrafficAssertionException($"expected {arrayPath} items in the answer to {exchange.Call.Action}, found none", [exchange.Call, exchange.Answer]);
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (FrameFields.At(items[i], path) is not { } actual || !FrameFields.Matches(actual, value))
            {
                var found = FrameFields.At(items[i], path) is { } f ? FrameFields.Text(f) : "nothing";
                throw new TrafficAssertionException($"expected {path} = {value} in every {arrayPath} item of the answer to {exchange.Call.Action}, item {i} has {found}", [exchange.Call, exchange.Answer]);
            }
        }
    }

    private CsmsExchange Latest(string action) => CsmsPerform.Latest(world, action);

    private Task<(StationUnderTest Station, string TransactionId)> TransactionOn(int evseId) => CsmsPerform.TransactionOnAsync(world, evseId);

    private static string OperationalStatus(string status) => status switch
    {
        "Inoperative" or "Operative" => status,
        _ => throw new ArgumentException($"'{status}' is not Operative or Inoperative"),
    };

    private Task Perform(CsmsCommand command) => CsmsPerform.RunAsync(world, scenario, command);
}
