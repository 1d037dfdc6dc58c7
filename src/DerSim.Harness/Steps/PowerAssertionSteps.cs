using System.Globalization;
using DerSim.Harness.Drivers;
using DerSim.Gherkin.Glue;
using Reqnroll;
using DerSim.Harness.Traffic;

namespace DerSim.Harness.Steps;

/// <summary>
/// Power bounds after something changed (a grid step, a DER control, a set point): the latest sample, and every
/// sample since the last change. Values in kW; the sample's unit is honoured.
/// </summary>
[Binding]
public sealed class PowerAssertionSteps(ScenarioWorld world, ScenarioContext scenario)
{
    /// <summary>
    /// Checks the latest total sample of a measurand reported for the EVSE against an upper bound.
    /// Example: <c>Then the latest "Power.Active.Import" on EVSE 1 is at most 100 kW</c>
    /// </summary>
    [Then("the latest {string} on EVSE {int} is at most {float} kW")]
    public void LatestAtMost(string measurand, int evseId, float kw) => Latest(measurand, evseId, v => v <= Bound(kw) + Tolerance, $"at most {Kw(kw)}");

    /// <summary>
    /// Checks the latest total sample of a measurand reported for the EVSE against a lower bound.
    /// Example: <c>Then the latest "Power.Active.Export" on EVSE 1 is at least 19 kW</c>
    /// </summary>
    [Then("the latest {string} on EVSE {int} is at least {float} kW")]
    public void LatestAtLeast(string measurand, int evseId, float kw) => Latest(measurand, evseId, v => v >= Bound(kw) - Tolerance, $"at least {Kw(kw)}");

    /// <summary>
    /// Checks the latest total sample of a measurand reported for the EVSE lies within a range (inclusive).
    /// Example: <c>Then the latest "Power.Active.Export" on EVSE 1 is between 24 and 26 kW</c>
    /// </summary>
    [Then("the latest {string} on EVSE {int} is between {float} and {float} kW")]
    public void LatestBetween(string measurand, int evseId, float low, float high) =>
        Latest(measurand, evseId, v => v >= Bound(low) - Tolerance && v <= Bound(high) + Tolerance, $"between {Kw(low)} and {Kw(high)}");

    /// <summary>
    /// Checks every total sample of a measurand on the EVSE reported after the last grid, DER or set-point change
    /// against an upper bound; the first sample after the change is skipped (it may straddle it), and at least one
    /// must remain. Example: <c>Then every "Power.Active.Import" on EVSE 2 since the last change is at most 200 kW</c>
    /// </summary>
    [Then("every {string} on EVSE {int} since the last change is at most {float} kW")]
    public void SinceAtMost(string measurand, int evseId, float kw) => Since(measurand, evseId, v => v <= Bound(kw) + Tolerance, $"at most {Kw(kw)}");

    /// <summary>
    /// Checks every total sample of a measurand on the EVSE after the last change (first one skipped) against a lower bound.
    /// Example: <c>Then every "Power.Active.Export" on EVSE 1 since the last change is at least 19 kW</c>
    /// </summary>
    [Then("every {string} on EVSE {int} since the last change is at least {float} kW")]
    public void SinceAtLeast(string measurand, int evseId, float kw) => Since(measurand, evseId, v => v >= Bound(kw) - Tolerance, $"at least {Kw(kw)}");

    // Reported values are rounded; a watt either way is not a violation.
    private const decimal Tolerance = 1;

    private static decimal Bound(float kw) => (decimal)kw * 1000;

    private static string Kw(float kw) => string.Create(CultureInfo.InvariantCulture, $"{kw} kW");

    private void Latest(string measurand, int evseId, Func<decimal, bool> ok, string expectation)
    {
        var samples = world.Recorder.Query().Samples(measurand, evseId);
        if (samples.Count == 0)
        {
            throw new TrafficAssertionException($"no {measurand} sample on EVSE {evseId} was reported", world.Recorder.Query().Sent().Calls().Frames);
        }

        var last = samples[^1];
        if (!ok(last.Value))
        {
            throw new TrafficAssertionException(
                string.Create(CultureInfo.InvariantCulture, $"expected the latest {measurand} on EVSE {evseId} to be {expectation}; it was {last.Value / 1000} kW at {last.At:HH:mm:ss}"),
                [last.Frame]);
        }
    }

    private void Since(string measurand, int evseId, Func<decimal, bool> ok, string expectation)
    {
        var mark = ChangeMark.Latest(scenario)
            ?? throw new InvalidOperationException("no grid, DER or set-point change happened in this scenario yet: add one before this step");
        var samples = world.Recorder.Query().Samples(measurand, evseId).Where(s => s.At > mark.At).Skip(1).ToList();
        if (samples.Count == 0)
        {
            throw new TrafficAssertionException($"no {measurand} sample on EVSE {evseId} was reported after the {mark.What} (the first one after it does not count): let time pass first", []);
        }

        var bad = samples.Where(s => !ok(s.Value)).ToList();
        if (bad.Count > 0)
        {
            throw new TrafficAssertionException(
                string.Create(CultureInfo.InvariantCulture, $"{bad.Count} of {samples.Count} {measurand} samples on EVSE {evseId} after the {mark.What} were not {expectation} (e.g. {bad[0].Value / 1000} kW at {bad[0].At:HH:mm:ss})"),
                [.. bad.Select(s => s.Frame).Distinct()]);
        }
    }
}
