using System.Globalization;
using DerSim.Harness.Drivers;
using DerSim.Harness.Gherkin;
using DerSim.Harness.Traffic;

namespace DerSim.Harness.Steps;

/// <summary>Assertions on the OCPP traffic recorded in the scenario.</summary>
[Binding]
public sealed class TrafficSteps(ScenarioWorld world)
{
    /// <summary>
    /// Checks that the station sent at least one CALL of the action.
    /// Example: <c>Then the station sent a "StatusNotification"</c>
    /// </summary>
    [Then("the station sent a/an {string}")]
    public void Sent(string action) => world.Recorder.Query().Sent().Calls().Action(action).ShouldExist();

    /// <summary>
    /// Checks that the station sent no CALL of the action.
    /// Example: <c>Then the station sent no "SecurityEventNotification"</c>
    /// </summary>
    [Then("the station sent no {string}")]
    public void NotSent(string action) => world.Recorder.Query().Sent().Calls().Action(action).ShouldBeAbsent();

    /// <summary>
    /// Checks a field of a CALL the station sent, by JSON path inside the payload; some CALL of the action must have it.
    /// Example: <c>Then the station sent a "TransactionEvent" with "transactionInfo.chargingState" = "Charging"</c>
    /// </summary>
    [Then("the station sent a/an {string} with {string} = {string}")]
    public void SentWith(string action, string path, string value)
    {
        var calls = world.Recorder.Query().Sent().Calls().Action(action);
        if (calls.With(path, value).Count == 0)
        {
            throw new TrafficAssertionException($"expected a {action} with {path} = {value}; the {calls.Count} sent have other values", calls.Frames);
        }
    }

    /// <summary>
    /// Checks every sample of a measurand (the total, not per phase) that the station reported for an EVSE in
    /// MeterValues, TransactionEvent or StopTransaction against an upper bound in kW (the value's unit is honoured).
    /// Fails when there is no sample at all. Example: <c>Then every MeterValues "Power.Active.Import" on EVSE 1 is at most 50 kW</c>
    /// </summary>
    [Then("every MeterValues {string} on EVSE {int} is at most {float} kW")]
    public void EverySampleAtMost(string measurand, int evseId, float kw)
    {
        var samples = world.Recorder.Query().Samples(measurand, evseId);
        if (samples.Count == 0)
        {
            throw new TrafficAssertionException($"no {measurand} sample on EVSE {evseId} was reported", world.Recorder.Query().Sent().Calls().Frames);
        }

        var limit = (decimal)kw * 1000;
        var over = samples.Where(s => s.Value > limit).ToList();
        if (over.Count > 0)
        {
            var worst = over.Max(s => s.Value) / 1000;
            throw new TrafficAssertionException(
                string.Create(CultureInfo.InvariantCulture, $"{over.Count} of {samples.Count} {measurand} samples on EVSE {evseId} exceed {kw} kW (highest {worst} kW)"),
                [.. over.Select(s => s.Frame).Distinct()]);
        }
    }

    /// <summary>
    /// Checks that the highest sample of a measurand (the total) the station reported for an EVSE reached a level in kW:
    /// proof that energy really flowed, next to upper bounds. Example: <c>Then the highest MeterValues "Power.Active.Import" on EVSE 1 is at least 100 kW</c>
    /// </summary>
    [Then("the highest MeterValues {string} on EVSE {int} is at least {float} kW")]
    public void HighestSampleAtLeast(string measurand, int evseId, float kw)
    {
        var samples = world.Recorder.Query().Samples(measurand, evseId);
        var highest = samples.Count == 0 ? (decimal?)null : samples.Max(s => s.Value);
        if (highest is null || highest < (decimal)kw * 1000)
        {
            throw new TrafficAssertionException(
                string.Create(CultureInfo.InvariantCulture, $"expected a {measurand} sample on EVSE {evseId} of at least {kw} kW; {(highest is null ? "there was none" : $"the highest of {samples.Count} was {highest / 1000} kW")}"),
                [.. samples.Select(s => s.Frame).Distinct()]);
        }
    }

    /// <summary>
    /// Checks that every frame recorded so far, both ways, was valid against the OCPP JSON schema of its version and
    /// that no CALLERROR was exchanged. Example: <c>Then every frame is valid against the OCPP schema</c>
    /// </summary>
    [Then("every frame is valid against the OCPP schema")]
    public void AllValid()
    {
        var bad = world.Recorder.Query().Where(f => f.Violations.Count > 0 || f.ErrorCode is not null, "invalid or erroneous").Frames;
        if (bad.Count > 0)
        {
            throw new TrafficAssertionException(
                $"{bad.Count} frame(s) broke the schema or carried an error: {string.Join("; ", bad.SelectMany(f => f.Violations).Take(5))}", bad);
        }
    }
}
