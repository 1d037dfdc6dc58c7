using System.Globalization;
using System.Text.Json;
using DerSim.Harness.Drivers;
using DerSim.Gherkin.Glue;
using Reqnroll;
using DerSim.Harness.Traffic;
using DerSim.Ocpp;

namespace DerSim.Harness.Steps;

/// <summary>Assertions on OCPP 2.1 bidirectional transfer as the traffic shows it: charging needs, operation modes, discharge.</summary>
[Binding]
public sealed class V2gAssertionSteps(ScenarioWorld world, ScenarioContext scenario)
{
    /// <summary>
    /// Waits (in real time) until the station sent NotifyEVChargingNeeds for the EVSE whose
    /// chargingNeeds.requestedEnergyTransfer is the mode. OCPP 2.1 only.
    /// Example: <c>Then the station soon asks for energy transfer "DC_BPT" on EVSE 1</c>
    /// </summary>
    [Then("the station soon asks for energy transfer {string} on EVSE {int}")]
    public Task AsksFor(string mode, int evseId) => NeedsWith(evseId, "requestedEnergyTransfer", mode, after: null);

    /// <summary>
    /// Waits until the station sent NotifyEVChargingNeeds for the EVSE that lists the mode in
    /// chargingNeeds.availableEnergyTransfer (what the EV and the connector can both do). OCPP 2.1 only.
    /// Example: <c>Then the EV on EVSE 1 can use energy transfer "DC_BPT"</c>
    /// </summary>
    [Then("the EV on EVSE {int} can use energy transfer {string}")]
    public Task CanUse(int evseId, string mode) => NeedsWith(evseId, "availableEnergyTransfer", mode, after: null);

    /// <summary>
    /// Waits until, after the latest NotifyAllowedEnergyTransfer, the station sent a new NotifyEVChargingNeeds for the
    /// EVSE requesting the mode: the renegotiation with the EV. OCPP 2.1 only.
    /// Example: <c>Then the station soon renegotiates energy transfer "DC" on EVSE 1</c>
    /// </summary>
    [Then("the station soon renegotiates energy transfer {string} on EVSE {int}")]
    public Task Renegotiates(string mode, int evseId)
    {
        var allowed = CsmsPerform.Latest(world, "NotifyAllowedEnergyTransfer");
        return NeedsWith(evseId, "requestedEnergyTransfer", mode, after: allowed.Call.Sequence);
    }

    /// <summary>
    /// Waits until a TransactionEvent of a transaction on the EVSE reports the operation mode in
    /// transactionInfo.operationMode. OCPP 2.1 only. Example: <c>Then the station soon reports operation mode "CentralSetpoint" on EVSE 1</c>
    /// </summary>
    [Then("the station soon reports operation mode {string} on EVSE {int}")]
    public Task ReportsMode(string mode, int evseId)
    {
        var station = RequireV21("transactionInfo.operationMode");
        return world.Simulator.WaitForAsync(
            q => SessionTraffic.On(q, station, evseId).SelectMany(t => t.Frames).Any(f => SessionTraffic.Text(f.Payload, "transactionInfo.operationMode") == mode),
            $"a TransactionEvent on EVSE {evseId} with transactionInfo.operationMode = {mode}");
    }

    /// <summary>
    /// Checks that the EV's state of charge (SoC samples) on the EVSE since the last grid, DER or set-point change (or
    /// over the whole transaction without one) ended lower than it began. Example: <c>Then the state of charge on EVSE 1 fell</c>
    /// </summary>
    [Then("the state of charge on EVSE {int} fell")]
    public void SocFell(int evseId)
    {
        var samples = Since(evseId, "SoC");
        if (samples.Count < 2 || samples[^1].Value >= samples[0].Value)
        {
            throw new TrafficAssertionException(
                samples.Count < 2
                    ? $"expected SoC samples on EVSE {evseId}{SinceText()} to compare, found {samples.Count}"
                    : string.Create(CultureInfo.InvariantCulture, $"expected the SoC on EVSE {evseId}{SinceText()} to fall; it went from {samples[0].Value} to {samples[^1].Value}"),
                [.. samples.Select(s => s.Frame).Distinct()]);
        }
    }

    /// <summary>
    /// Checks that every SoC sample on the EVSE stayed at or above a percentage (the EV's minimum SoC for discharge).
    /// Example: <c>Then the state of charge on EVSE 1 stayed at least 20%</c>
    /// </summary>
    [Then("the state of charge on EVSE {int} stayed at least {int}%")]
    public void SocFloor(int evseId, int percent)
    {
        var samples = world.Recorder.Query().Samples("SoC", evseId);
        var below = samples.Where(s => s.Value < percent).ToList();
        if (samples.Count == 0 || below.Count > 0)
        {
            throw new TrafficAssertionException(
                samples.Count == 0 ? $"no SoC sample on EVSE {evseId}" : string.Create(CultureInfo.InvariantCulture, $"{below.Count} SoC samples on EVSE {evseId} fell below {percent}% (lowest {below.Min(s => s.Value)})"),
                [.. below.Select(s => s.Frame).Distinct()]);
        }
    }

    /// <summary>
    /// Checks that Energy.Active.Export.Register on the EVSE never went down and counted some exported energy.
    /// Example: <c>Then the export register on EVSE 1 rose</c>
    /// </summary>
    [Then("the export register on EVSE {int} rose")]
    public void ExportRose(int evseId)
    {
        var samples = world.Recorder.Query().Samples("Energy.Active.Export.Register", evseId);
        if (samples.Count < 2)
        {
            throw new TrafficAssertionException($"expected Energy.Active.Export.Register samples on EVSE {evseId} to compare, found {samples.Count}", [.. samples.Select(s => s.Frame)]);
        }

        for (var i = 1; i < samples.Count; i++)
        {
            if (samples[i].Value < samples[i - 1].Value)
            {
                throw new TrafficAssertionException(
                    string.Create(CultureInfo.InvariantCulture, $"Energy.Active.Export.Register on EVSE {evseId} went down from {samples[i - 1].Value} to {samples[i].Value}"),
                    [samples[i - 1].Frame, samples[i].Frame]);
            }
        }

        if (samples[^1].Value <= samples[0].Value)
        {
            throw new TrafficAssertionException(
                string.Create(CultureInfo.InvariantCulture, $"Energy.Active.Export.Register on EVSE {evseId} did not rise (stayed at {samples[0].Value} Wh)"),
                [samples[0].Frame, samples[^1].Frame]);
        }
    }

    /// <summary>
    /// Checks that the EVSE exported nothing: every Power.Active.Export sample is 0 and Energy.Active.Export.Register
    /// never rose (no samples at all also passes: the station did not measure export).
    /// Example: <c>Then EVSE 1 exported no energy</c>
    /// </summary>
    [Then("EVSE {int} exported no energy")]
    public void NoExport(int evseId)
    {
        var query = world.Recorder.Query();
        var power = query.Samples("Power.Active.Export", evseId).Where(s => s.Value > 0).ToList();
        var register = query.Samples("Energy.Active.Export.Register", evseId);
        var rose = register.Count > 1 && register[^1].Value > register[0].Value;
        if (power.Count > 0 || rose)
        {
            throw new TrafficAssertionException(
                string.Create(CultureInfo.InvariantCulture, $"expected no export on EVSE {evseId}: {power.Count} Power.Active.Export samples above 0{(rose ? $", export register rose from {register[0].Value} to {register[^1].Value} Wh" : "")}"),
                [.. power.Select(s => s.Frame), .. rose ? new[] { register[0].Frame, register[^1].Frame } : []]);
        }
    }

    /// <summary>
    /// Checks that the station's own log (not the OCPP traffic) has a line containing the text, e.g. the note that an
    /// older OCPP version cannot express discharge. Example: <c>Then the station logged a line containing "cannot express discharge"</c>
    /// </summary>
    [Then("the station logged a line containing {string}")]
    public void Logged(string text)
    {
        var station = world.Simulator.Station();
        if (!station.Log.Any(line => line.Contains(text, StringComparison.Ordinal)))
        {
            throw new TrafficAssertionException($"no line of {station.Id}'s log contains \"{text}\"; its last lines:\n{string.Join("\n", station.Log.TakeLast(10))}", []);
        }
    }

    private IReadOnlyList<(RecordedFrame Frame, DateTimeOffset At, decimal Value)> Since(int evseId, string measurand)
    {
        var samples = world.Recorder.Query().Samples(measurand, evseId);
        return ChangeMark.Latest(scenario) is { } mark ? [.. samples.Where(s => s.At >= mark.At)] : samples;
    }

    private string SinceText() => ChangeMark.Latest(scenario) is { } mark ? $" since the {mark.What}" : "";

    private StationUnderTest RequireV21(string what)
    {
        var station = world.Simulator.Station();
        if (station.Version != OcppVersion.V21)
        {
            scenario.NotApplicable($"OCPP {station.Version.DisplayName()} has no {what}");
        }

        return station;
    }

    private Task NeedsWith(int evseId, string field, string mode, long? after)
    {
        var station = RequireV21("NotifyEVChargingNeeds");
        return world.Simulator.WaitForAsync(
            q => q.Station(station.Id).Sent().Calls().Action("NotifyEVChargingNeeds").Frames
                .Any(f => f.EvseId == evseId && (after is null || f.Sequence > after) && f.Payload is { } p && Has(p, "chargingNeeds." + field, mode)),
            $"a NotifyEVChargingNeeds on EVSE {evseId} with chargingNeeds.{field} {mode}{(after is null ? "" : " after the NotifyAllowedEnergyTransfer")}");
    }

    private static bool Has(JsonElement payload, string path, string value) => FrameFields.At(payload, path) switch
    {
        { ValueKind: JsonValueKind.Array } array => array.EnumerateArray().Any(e => FrameFields.Matches(e, value)),
        { } one => FrameFields.Matches(one, value),
        null => false,
    };
}
