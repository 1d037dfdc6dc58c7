using DerSim.Harness.Drivers;
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
    /// check sees them). Fails naming the first differing field, asked and sent, quoting the CALL.
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

        var sent = exchange.Call.Payload;
        foreach (var (path, asked) in command.AskedFields())
        {
            var actual = sent is { } payload ? FrameFields.At(payload, path) : null;
            if (actual is not { } value || !FrameFields.Matches(value, FrameFields.Text(asked)))
            {
                throw new TrafficAssertionException(
                    $"the CSMS's {exchange.Call.Action} has {path} = {(actual is { } a ? FrameFields.Text(a) : "nothing")}, it was asked for {FrameFields.Text(asked)}",
                    [exchange.Call]);
            }
        }
    }
}
