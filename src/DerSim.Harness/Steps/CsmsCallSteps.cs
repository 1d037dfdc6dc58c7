using DerSim.Harness.Drivers;
using DerSim.Harness.Drivers.Csms;
using DerSim.Harness.Traffic;
using Reqnroll;

namespace DerSim.Harness.Steps;

/// <summary>
/// Conformance checks on the CALLs the CSMS under test sent when a scenario asked it to act (through the CSMS driver):
/// that it sent what it was asked, field by field. What the station answered and how the CSMS reacted are other steps.
/// </summary>
[Binding]
public sealed class CsmsCallSteps(ScenarioWorld world)
{
    /// <summary>
    /// Checks the CSMS's latest CALL of that action (OCPP name, or the driver's version-neutral one) against what the
    /// scenario asked for: every field of the asked request has the same value in the CALL (numbers by value), except
    /// those the CSMS chooses itself (ids it numbers, timestamps); fields the CSMS adds are its own business (the schema
    /// check sees them), and so is the order of a list whose order means nothing (the variables of one SetVariables).
    /// Fails naming the first differing field, asked and sent, quoting the CALL.
    /// Example: <c>Then the CSMS sent the "ChangeAvailability" as asked</c>
    /// </summary>
    [Then("the CSMS sent the {string} as asked")]
    public void SentAsAsked(string action)
    {
        var exchange = CsmsPerform.Latest(world, action);
        if (exchange.Command is not { } command)
        {
            throw new TrafficAssertionException($"no record of what the CSMS was asked for its {exchange.Call.Action}", [exchange.Call]);
        }

        if (CsmsCommandFields.NotAsAsked(command, exchange.Call.Payload) is { } difference)
        {
            throw new TrafficAssertionException($"the CSMS's {exchange.Call.Action} has {difference}", [exchange.Call]);
        }
    }

    /// <summary>
    /// Checks a field of the CSMS's latest CALL of an action (OCPP or version-neutral name): present with that value
    /// (numbers by value). Example: <c>Then the CSMS's last "RequestStartTransaction" has "chargingProfile.chargingProfilePurpose" = "TxProfile"</c>
    /// </summary>
    [Then("the CSMS's last {string} has {string} = {string}")]
    public void LastHas(string action, string path, string value)
    {
        var call = CsmsPerform.Latest(world, action).Call;
        var field = call.Payload is { } p ? FrameFields.At(p, path) : null;
        if (field is not { } actual || !FrameFields.Matches(actual, value))
        {
            throw new TrafficAssertionException($"the case asks the CSMS's {call.Action} for {path} = {value}; it has {(field is { } f ? FrameFields.Text(f) : "nothing")}", [call]);
        }
    }

    /// <summary>
    /// Checks that the CSMS's latest CALL of an action carries a field (JSON path), whatever its value: e.g. the
    /// validity and schedule start a case asks the CSMS to stamp itself. Fails quoting the CALL.
    /// Example: <c>Then the CSMS's last "SetChargingProfile" carries "chargingProfile.validFrom"</c>
    /// </summary>
    [Then("the CSMS's last {string} carries {string}")]
    public void LastCarries(string action, string path)
    {
        var call = CsmsPerform.Latest(world, action).Call;
        if (call.Payload is not { } payload || FrameFields.At(payload, path) is null)
        {
            throw new TrafficAssertionException($"the case asks the CSMS to send {path} in its {call.Action}; it left it out", [call]);
        }
    }

    /// <summary>
    /// Checks that the CSMS's latest CALL of an action leaves a field (JSON path) out: the evseId of a Reset of the whole
    /// station, the transactionId of a remote start's TxProfile (2.0.1 F01.FR.11), the criteria a GetChargingProfiles
    /// case does not ask for (K09), the certificateType of a request for every type. Fails quoting the CALL.
    /// Example: <c>Then the CSMS's last "ClearChargingProfile" has no "chargingProfileCriteria"</c>
    /// </summary>
    [Then("the CSMS's last {string} has no {string}")]
    public void LastHasNo(string action, string path)
    {
        var call = CsmsPerform.Latest(world, action).Call;
        if (call.Payload is { } payload && FrameFields.At(payload, path) is { } value)
        {
            throw new TrafficAssertionException($"the case asks the CSMS to leave {path} out of its {call.Action}; it sent {path} = {FrameFields.Text(value)}", [call]);
        }
    }

    /// <summary>
    /// Checks that the CSMS's latest CALL of an action has no field at the JSON path or one of the values
    /// (comma-separated): e.g. a GetVariables for the actual value, with attributeType absent or Actual (OCPP 2.0.1
    /// B06.FR.11). Fails quoting the CALL.
    /// Example: <c>Then the CSMS's last "SetVariables" has "setVariableData[0].attributeType" absent or one of "Actual"</c>
    /// </summary>
    [Then("the CSMS's last {string} has {string} absent or one of {string}")]
    public void LastHasAbsentOrOneOf(string action, string path, string values)
    {
        var call = CsmsPerform.Latest(world, action).Call;
        var allowed = values.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (call.Payload is { } payload && FrameFields.At(payload, path) is { } value && !allowed.Any(a => FrameFields.Matches(value, a)))
        {
            throw new TrafficAssertionException($"the case asks the CSMS's {call.Action} for {path} absent or one of {string.Join(", ", allowed)}; it sent {path} = {FrameFields.Text(value)}", [call]);
        }
    }

    /// <summary>
    /// Checks that every item of the array at a JSON path of the CSMS's latest CALL of an action has no field at the
    /// item's path or one of the values (comma-separated): e.g. the variables of one SetVariables, each for the actual
    /// value (OCPP 2.0.1 B05.FR.12). Fails naming the first item that differs, quoting the CALL.
    /// Example: <c>Then every "setVariableData" item of the CSMS's last "SetVariables" has "attributeType" absent or one of "Actual"</c>
    /// </summary>
    [Then("every {string} item of the CSMS's last {string} has {string} absent or one of {string}")]
    public void EveryItemHasAbsentOrOneOf(string arrayPath, string action, string path, string values)
    {
        var call = CsmsPerform.Latest(world, action).Call;
        var allowed = values.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var items = call.Payload is { } payload && FrameFields.At(payload, arrayPath) is { ValueKind: System.Text.Json.JsonValueKind.Array } array ? array.EnumerateArray().ToList() : [];
        for (var i = 0; i < items.Count; i++)
        {
            if (FrameFields.At(items[i], path) is { } value && !allowed.Any(a => FrameFields.Matches(value, a)))
            {
                throw new TrafficAssertionException($"the case asks every {arrayPath} item of the CSMS's {call.Action} for {path} absent or one of {string.Join(", ", allowed)}; item {i} has {path} = {FrameFields.Text(value)}", [call]);
            }
        }
    }

    /// <summary>
    /// Checks that the CSMS's latest CALLs of an action (as many as given) all have the same value at a JSON path: e.g. a
    /// profile replaced by its chargingProfile.id (2.0.1 K01.FR.05). Fails quoting the CALLs.
    /// Example: <c>Then the CSMS's last 2 "SetChargingProfile" have the same "chargingProfile.id"</c>
    /// </summary>
    [Then("the CSMS's last {int} {string} have the same {string}")]
    public void LastHaveSame(int count, string action, string path)
    {
        var (calls, values) = LastValues(count, action, path);
        if (values.Distinct(StringComparer.Ordinal).Count() != 1)
        {
            throw new TrafficAssertionException($"the case asks the CSMS to send the same {path} in its last {count} {action}; it sent {string.Join(", ", values)}", calls);
        }
    }

    /// <summary>
    /// Checks that the CSMS's latest CALLs of an action (as many as given) all have different values at a JSON path: a
    /// new request has its own requestId (a second UpdateFirmware or GetLog that replaces the first: the station's
    /// notifications about each must be told apart), two profiles that must not replace each other their own id.
    /// Fails quoting the CALLs. Example: <c>Then the CSMS's last 2 "UpdateFirmware" have different "requestId"</c>
    /// </summary>
    [Then("the CSMS's last {int} {string} have different {string}")]
    public void LastHaveDifferent(int count, string action, string path)
    {
        var (calls, values) = LastValues(count, action, path);
        if (values.Distinct(StringComparer.Ordinal).Count() != values.Count)
        {
            throw new TrafficAssertionException($"the case asks the CSMS for a different {path} in each of its last {count} {action}; it sent {string.Join(", ", values)}", calls);
        }
    }

    private (IReadOnlyList<RecordedFrame> Calls, IReadOnlyList<string> Values) LastValues(int count, string action, string path)
    {
        var calls = world.CsmsExchanges.Where(e => e.Call.Action == action || e.Kind?.ToString() == action).Select(e => e.Call).TakeLast(count).ToList();
        if (calls.Count < count)
        {
            throw new TrafficAssertionException($"the CSMS sent {calls.Count} {action} in this scenario, the case asks for {count}", calls);
        }

        return (calls, [.. calls.Select(c => c.Payload is { } p && FrameFields.At(p, path) is { } v ? FrameFields.Text(v) : "(none)")]);
    }
}
