using System.Text.Json;
using DerSim.Harness.Drivers;
using DerSim.Gherkin.Glue;
using Reqnroll;
using DerSim.Harness.Traffic;
using DerSim.Ocpp;

namespace DerSim.Harness.Steps;

/// <summary>Assertions on OCPP 2.1 DER control as the traffic shows it: answers, reports, start/stop notifications, alarms.</summary>
[Binding]
public sealed class DerAssertionSteps(ScenarioWorld world, ScenarioContext scenario)
{
    /// <summary>
    /// Checks that the station's answer to the latest SetDERControl lists a control id in supersededIds.
    /// Example: <c>Then the SetDERControl answer superseded "fw-1"</c>
    /// </summary>
    [Then("the SetDERControl answer superseded {string}")]
    public void Superseded(string controlId)
    {
        var exchange = CsmsPerform.Latest(world, "SetDERControl");
        var ids = exchange.Answer.Payload is { } p && FrameFields.At(p, "supersededIds") is { ValueKind: JsonValueKind.Array } array
            ? array.EnumerateArray().Select(FrameFields.Text).ToList()
            : [];
        if (!ids.Contains(controlId))
        {
            throw new TrafficAssertionException(
                $"expected supersededIds to contain {controlId} in the answer to SetDERControl; it has {(ids.Count == 0 ? "none" : string.Join(", ", ids))}",
                [exchange.Call, exchange.Answer]);
        }
    }

    /// <summary>
    /// Waits until, after the latest GetDERControl, a ReportDERControl from the station lists the control id.
    /// Example: <c>Then the station soon reports DER control "lmd-1"</c>
    /// </summary>
    [Then("the station soon reports DER control {string}")]
    public Task Reports(string controlId)
    {
        var station = RequireV21();
        var get = CsmsPerform.Latest(world, "GetDERControl");
        return world.Simulator.WaitForAsync(
            q => q.Station(station.Id).Sent().Calls().Action("ReportDERControl").Frames
                .Any(f => f.Sequence > get.Call.Sequence && f.Payload is { } p && ListsId(p, controlId)),
            $"a ReportDERControl listing {controlId} after the GetDERControl");
    }

    /// <summary>
    /// Waits until the station sent NotifyDERStartStop for the control id with started true.
    /// Example: <c>Then the station soon notifies that DER control "vw-s" started</c>
    /// </summary>
    [Then("the station soon notifies that DER control {string} started")]
    public Task Started(string controlId) => StartStop(controlId, started: true);

    /// <summary>
    /// Waits until the station sent NotifyDERStartStop for the control id with started false.
    /// Example: <c>Then the station soon notifies that DER control "vw-s" stopped</c>
    /// </summary>
    [Then("the station soon notifies that DER control {string} stopped")]
    public Task Stopped(string controlId) => StartStop(controlId, started: false);

    /// <summary>
    /// Waits until the station sent NotifyDERAlarm for a control type with a gridEventFault (and no alarmEnded true).
    /// Example: <c>Then the station soon raises a DER alarm for "HVMustTrip" with fault "OverVoltage"</c>
    /// </summary>
    [Then("the station soon raises a DER alarm for {string} with fault {string}")]
    public Task Alarm(string controlType, string fault)
    {
        var station = RequireV21();
        return world.Simulator.WaitForAsync(
            q => q.Station(station.Id).Sent().Calls().Action("NotifyDERAlarm").Frames.Any(f =>
                f.Payload is { } p && SessionTraffic.Text(p, "controlType") == controlType && SessionTraffic.Text(p, "gridEventFault") == fault
                && SessionTraffic.Text(p, "alarmEnded") != "true"),
            $"a NotifyDERAlarm for {controlType} with gridEventFault {fault}");
    }

    /// <summary>
    /// Waits until the station sent NotifyDERAlarm for a control type with alarmEnded true (the grid came back).
    /// Example: <c>Then the station soon ends the DER alarm for "HVMustTrip"</c>
    /// </summary>
    [Then("the station soon ends the DER alarm for {string}")]
    public Task AlarmEnded(string controlType)
    {
        var station = RequireV21();
        return world.Simulator.WaitForAsync(
            q => q.Station(station.Id).Sent().Calls().Action("NotifyDERAlarm").Frames.Any(f =>
                f.Payload is { } p && SessionTraffic.Text(p, "controlType") == controlType && SessionTraffic.Text(p, "alarmEnded") == "true"),
            $"a NotifyDERAlarm for {controlType} with alarmEnded true");
    }

    private Task StartStop(string controlId, bool started)
    {
        var station = RequireV21();
        var flag = started ? "true" : "false";
        return world.Simulator.WaitForAsync(
            q => q.Station(station.Id).Sent().Calls().Action("NotifyDERStartStop").With("controlId", controlId).With("started", flag).Count > 0,
            $"a NotifyDERStartStop for {controlId} with started {flag}");
    }

    private StationUnderTest RequireV21()
    {
        var station = world.Simulator.Station();
        if (station.Version != OcppVersion.V21)
        {
            scenario.NotApplicable($"OCPP {station.Version.DisplayName()} has no DER control");
        }

        return station;
    }

    // ReportDERControl nests each control (curve, enterService, fixedPFAbsorb, …) as an array of items with an id.
    private static bool ListsId(JsonElement element, string id) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().Any(p => (p.Name == "id" && p.Value.ValueKind == JsonValueKind.String && p.Value.GetString() == id) || ListsId(p.Value, id)),
        JsonValueKind.Array => element.EnumerateArray().Any(e => ListsId(e, id)),
        _ => false,
    };
}
