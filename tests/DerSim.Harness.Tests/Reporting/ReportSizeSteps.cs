using System.Globalization;
using System.Text.Json;
using DerSim.Harness.Drivers;
using DerSim.Gherkin.Glue;
using Reqnroll;
using DerSim.Harness.Traffic;
using DerSim.Ocpp;
using DerSim.Ocpp.Rpc;

namespace DerSim.Harness.Tests.Reporting;

/// <summary>
/// Bindings of the report-size suite (<see cref="ReportSizeFeatures"/>): stations from the bundled profiles whose OCPP
/// 2.0.1 traffic is recorded as the simulator would send it (same frames, same sizes) without a CSMS, so 600 scenarios
/// run in seconds; the checks are real checks over that traffic and fail the way real ones do.
/// </summary>
[Binding]
public sealed class ReportSizeSteps(ScenarioWorld world)
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly List<RecordedFrame> _afterLimit = [];
    private string _station = "";
    private int _messages;
    private int _seqNo;
    private TimeSpan _elapsed;
    private decimal _energyWh;
    private decimal _soc;
    private decimal _offeredW;
    private string _transaction = "";
    private bool _limited;

    private DateTimeOffset Now => Start + _elapsed;

    private string Timestamp => Now.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    [Given("a size-suite station {string} with profile {string} on OCPP 2.0.1")]
    public void AStation(string id, string profile)
    {
        world.Simulator.AddStation(id, profile, OcppVersion.V201);
        _station = id;
        _offeredW = (decimal)world.Simulator.Station(id).Profile.Evses.Max(e => e.MaxKw) * 1000m;
    }

    [When("the size-suite station boots and reports its {int} connectors")]
    public void Boots(int connectors)
    {
        var station = world.Simulator.Station(_station);
        Exchange("BootNotification", $$$"""{"chargingStation":{"model":"{{{station.Profile.Name}}}","vendorName":"DerSim","serialNumber":"DERSIM-{{{_station}}}","firmwareVersion":"0.1.0"},"reason":"PowerUp"}""", $$$"""{"currentTime":"{{{Timestamp}}}","interval":300,"status":"Accepted"}""");
        for (var evse = 1; evse <= connectors; evse++)
        {
            Exchange("StatusNotification", $$$"""{"timestamp":"{{{Timestamp}}}","connectorStatus":"Available","evseId":{{{evse}}},"connectorId":1}""", "{}");
        }
    }

    [When("a size-suite EV {string} at {int}% plugs into EVSE {int}")]
    public void PlugsIn(string ev, int soc, int evse)
    {
        _ = ev;
        _soc = soc;
        Exchange("StatusNotification", $$$"""{"timestamp":"{{{Timestamp}}}","connectorStatus":"Occupied","evseId":{{{evse}}},"connectorId":1}""", "{}");
    }

    [When("the size-suite driver presents the valid token on EVSE {int}")]
    public void PresentsToken(int evse)
    {
        _transaction = Guid.NewGuid().ToString("N");
        Exchange("Authorize", """{"idToken":{"idToken":"04A1B2C3","type":"ISO14443"}}""", """{"idTokenInfo":{"status":"Accepted"}}""");
        Exchange("TransactionEvent", TransactionEvent("Started", "Authorized", "EVConnected", evse, 0, "Transaction.Begin"), """{"idTokenInfo":{"status":"Accepted"}}""");
    }

    [When("size-suite EVSE {int} charges at {int} kW for {int} meter samples")]
    public void Charges(int evse, int kw, int samples)
    {
        for (var i = 0; i < samples; i++)
        {
            _elapsed += TimeSpan.FromMinutes(1);
            _energyWh += kw * 1000m / 60;
            _soc = Math.Min(100, _soc + 0.4m);
            var call = Exchange("TransactionEvent", TransactionEvent("Updated", "MeterValuePeriodic", "Charging", evse, kw * 1000m, "Sample.Periodic"), "{}");
            if (_limited)
            {
                _afterLimit.Add(call);
            }
        }
    }

    [When("the size-suite CSMS limits EVSE {int} to {int} kW with a TxProfile")]
    public void Limits(int evse, int kw)
    {
        _offeredW = kw * 1000m;
        _limited = true;
        Exchange("SetChargingProfile", $$$"""{"evseId":{{{evse}}},"chargingProfile":{"id":7,"stackLevel":1,"chargingProfilePurpose":"TxProfile","chargingProfileKind":"Absolute","transactionId":"{{{_transaction}}}","chargingSchedule":[{"id":1,"chargingRateUnit":"W","chargingSchedulePeriod":[{"startPeriod":0,"limit":{{{kw * 1000}}}}]}]}}""", """{"status":"Accepted"}""", fromCsms: true);
    }

    [When("the size-suite CSMS sets {int} configuration variables, of which {int} rejected")]
    public void SetsVariables(int count, int rejected)
    {
        for (var i = 0; i < count; i++)
        {
            var status = i < rejected ? "Rejected" : "Accepted";
            Exchange("SetVariables", $$$"""{"setVariableData":[{"attributeValue":"{{{300 + i}}}","component":{"name":"OCPPCommCtrlr"},"variable":{"name":"HeartbeatInterval{{{i}}}"}}]}""", $$$"""{"setVariableResult":[{"attributeStatus":"{{{status}}}","component":{"name":"OCPPCommCtrlr"},"variable":{"name":"HeartbeatInterval{{{i}}}"}}]}""", fromCsms: true);
        }
    }

    [When("the size-suite CSMS reads {int} configuration variables")]
    public void ReadsVariables(int count)
    {
        for (var i = 0; i < count; i++)
        {
            Exchange("GetVariables", $$$"""{"getVariableData":[{"component":{"name":"OCPPCommCtrlr"},"variable":{"name":"HeartbeatInterval{{{i}}}"}}]}""", $$$"""{"getVariableResult":[{"attributeStatus":"Accepted","attributeValue":"{{{300 + i}}}","component":{"name":"OCPPCommCtrlr"},"variable":{"name":"HeartbeatInterval{{{i}}}"}}]}""", fromCsms: true);
        }
    }

    [When("the size-suite EV unplugs from EVSE {int}")]
    public void Unplugs(int evse)
    {
        Exchange("TransactionEvent", TransactionEvent("Ended", "EVCommunicationLost", "Idle", evse, 0, "Transaction.End"), "{}");
        Exchange("StatusNotification", $$$"""{"timestamp":"{{{Timestamp}}}","connectorStatus":"Available","evseId":{{{evse}}},"connectorId":1}""", "{}");
    }

    [When("the size-suite rig breaks down")]
    public static void Breaks() => throw new InvalidOperationException("the report-size rig broke on purpose");

    [Then("the size-suite station answered {string} with {string}")]
    public void Answered(string action, string status) => Check(action, f => f.Raw.Contains($"\"status\":\"{status}\"", StringComparison.Ordinal), $"every {action} answered {status}");

    [Then("the size-suite station accepted every SetVariables")]
    public void AcceptedEverySet() => Check("SetVariables", f => !f.Raw.Contains("Rejected", StringComparison.Ordinal), "every SetVariables accepted");

    [Then("the size-suite station answered every GetVariables")]
    public void AnsweredEveryGet() => Check("GetVariables", f => f.Raw.Contains("Accepted", StringComparison.Ordinal), "every GetVariables answered");

    [Then("every size-suite meter sample on EVSE {int} after the limit is at most {int} kW")]
    public void AtMost(int evse, int kw)
    {
        var over = _afterLimit.Where(f => PowerOf(f) > kw * 1000m).ToList();
        if (over.Count > 0)
        {
            throw new TrafficAssertionException($"expected every Power.Active.Import on EVSE {evse} after the limit to be at most {kw} kW, but {over.Count} of {_afterLimit.Count} samples were above it", over);
        }
    }

    [Then("the size-suite transaction on EVSE {int} ended")]
    public void Ended(int evse) => Check("TransactionEvent", f => true, $"a transaction on EVSE {evse}");

    [Then("every size-suite frame is valid against the OCPP schema")]
    public void Valid()
    {
        var invalid = world.Recorder.Frames.Where(f => f.Violations.Count > 0).ToList();
        if (invalid.Count > 0)
        {
            throw new TrafficAssertionException($"{invalid.Count} frames broke the schema", invalid);
        }
    }

    [Then("the size-suite CSMS answered no call with an error")]
    public void NoErrors()
    {
        var errors = world.Recorder.Frames.Where(f => f.ErrorCode is not null).ToList();
        if (errors.Count > 0)
        {
            throw new TrafficAssertionException($"{errors.Count} calls were answered with an error", errors);
        }
    }

    private static decimal PowerOf(RecordedFrame frame) =>
        frame.Payload is { } payload && payload.TryGetProperty("meterValue", out var values)
            ? values.EnumerateArray().SelectMany(v => v.GetProperty("sampledValue").EnumerateArray())
                .Where(s => s.GetProperty("measurand").GetString() == "Power.Active.Import").Select(s => s.GetProperty("value").GetDecimal()).DefaultIfEmpty(0).Max()
            : 0;

    private void Check(string action, Func<RecordedFrame, bool> good, string expectation)
    {
        var answers = world.Recorder.Frames.Where(f => f.Action == action && f.MessageType == OcppMessageType.CallResult).ToList();
        var bad = answers.Where(f => !good(f)).ToList();
        if (answers.Count == 0 || bad.Count > 0)
        {
            throw new TrafficAssertionException($"expected {expectation}, but {(answers.Count == 0 ? "there was none" : $"{bad.Count} of {answers.Count} were not")}", bad);
        }
    }

    private string TransactionEvent(string eventType, string trigger, string state, int evse, decimal powerW, string context)
    {
        var sampled = string.Join(",", new[]
        {
            Sample(Math.Round(_energyWh), context, "Energy.Active.Import.Register", "Outlet", "Wh"),
            Sample(powerW, context, "Power.Active.Import", "Outlet", "W"),
            Sample(_offeredW, context, "Power.Offered", "Outlet", "W"),
            Sample(Math.Round(powerW / 230m, 1), context, "Current.Import", "Outlet", "A", "L1"),
            Sample(230, context, "Voltage", "Outlet", "V", "L1-N"),
            Sample(Math.Round(_soc, 1), context, "SoC", "EV", "Percent"),
        });
        return $$$"""{"eventType":"{{{eventType}}}","timestamp":"{{{Timestamp}}}","triggerReason":"{{{trigger}}}","seqNo":{{{_seqNo++}}},"transactionInfo":{"transactionId":"{{{_transaction}}}","chargingState":"{{{state}}}"},"meterValue":[{"timestamp":"{{{Timestamp}}}","sampledValue":[{{{sampled}}}]}],"evse":{"id":{{{evse}}},"connectorId":1}}""";
    }

    private static string Sample(decimal value, string context, string measurand, string location, string unit, string? phase = null) =>
        $$$"""{"value":{{{value.ToString(CultureInfo.InvariantCulture)}}},"context":"{{{context}}}","measurand":"{{{measurand}}}",{{{(phase is null ? "" : $"\"phase\":\"{phase}\",")}}}"location":"{{{location}}}","unitOfMeasure":{"unit":"{{{unit}}}"}}""";

    /// <summary>Records a CALL and its CALLRESULT as the station saw them; returns the CALL.</summary>
    private RecordedFrame Exchange(string action, string request, string response, bool fromCsms = false)
    {
        var id = $"{_station.GetHashCode(StringComparison.Ordinal):x8}-{++_messages}";
        var call = Record(fromCsms ? FrameDirection.Inbound : FrameDirection.Outbound, $"[2,\"{id}\",\"{action}\",{request}]", OcppMessageType.Call, id, action, null);
        Record(fromCsms ? FrameDirection.Outbound : FrameDirection.Inbound, $"[3,\"{id}\",{response}]", OcppMessageType.CallResult, id, action, TimeSpan.FromMilliseconds(3));
        return call;
    }

    private RecordedFrame Record(FrameDirection direction, string raw, OcppMessageType type, string id, string action, TimeSpan? latency)
    {
        using (JsonDocument.Parse(raw))
        {
            // Every synthetic frame is JSON, as on the wire.
        }

        return world.Recorder.Record(_station, new OcppFrameEvent(direction, Now, raw, type, id, action, [], latency, null), Now);
    }
}
