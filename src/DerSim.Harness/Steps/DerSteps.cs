using System.Globalization;
using DerSim.Harness.Drivers;
using DerSim.Harness.Drivers.Csms;
using DerSim.Gherkin.Glue;
using Reqnroll;
using DerSim.Harness.Traffic;

using DerCurvePointWire = DerSim.Ocpp.V21.DERCurvePointsType;

namespace DerSim.Harness.Steps;

/// <summary>
/// OCPP 2.1 DER control sent by the CSMS: SetDERControl (curves from a data table, or any control type from a table of
/// settings), GetDERControl and ClearDERControl. Not applicable on 1.6 and 2.0.1.
/// </summary>
[Binding]
public sealed class DerSteps(ScenarioWorld world, ScenarioContext scenario)
{
    /// <summary>
    /// Sends SetDERControl with a default curve control (priority 1) whose points come from a table with columns x and y
    /// (x: voltage %, frequency Hz or power %; y in the unit named, or seconds for trip curves).
    /// Example: <c>When the CSMS sets a default "VoltWatt" curve "vw-1" in "PctMaxW" with points:</c>
    /// </summary>
    [When("the CSMS sets a default {string} curve {string} in {string} with points:")]
    public Task DefaultCurve(string controlType, string controlId, string yUnit, Table points) =>
        Set(DerControlSpec.Curve(controlType, controlId, Points(points), yUnit, isDefault: true, priority: 1));

    /// <summary>
    /// Sends SetDERControl with a default curve control at a priority (lower number wins; a control of the same type
    /// and lower priority is superseded). Example: <c>When the CSMS sets a default "FreqWatt" curve "fw-2" with priority 0 in "PctMaxW" with points:</c>
    /// </summary>
    [When("the CSMS sets a default {string} curve {string} with priority {int} in {string} with points:")]
    public Task DefaultCurveWithPriority(string controlType, string controlId, int priority, string yUnit, Table points) =>
        Set(DerControlSpec.Curve(controlType, controlId, Points(points), yUnit, isDefault: true, priority: priority));

    /// <summary>
    /// Sends SetDERControl with a scheduled (not default) curve control that starts some simulated minutes from now and
    /// lasts some minutes. Example: <c>When the CSMS schedules a "VoltWatt" curve "vw-s" in "PctMaxW" in 2 minutes for 5 minutes with points:</c>
    /// </summary>
    [When("the CSMS schedules a {string} curve {string} in {string} in {int} minute(s) for {int} minute(s) with points:")]
    public Task ScheduledCurve(string controlType, string controlId, string yUnit, int startsIn, int minutes, Table points) =>
        Set(DerControlSpec.Curve(controlType, controlId, Points(points), yUnit, isDefault: false, priority: 1) with
        {
            StartTime = world.Simulator.Clock.Now.AddMinutes(startsIn),
            DurationSeconds = minutes * 60,
        });

    /// <summary>
    /// Sends SetDERControl with a default LimitMaxDischarge: discharge at most a percentage of the maximum discharge power.
    /// Example: <c>When the CSMS sets a default LimitMaxDischarge of 50 % as "lmd-1"</c>
    /// </summary>
    [When("the CSMS sets a default LimitMaxDischarge of {float} % as {string}")]
    public Task DefaultLimitMaxDischarge(float percent, string controlId) =>
        Set(DerControlSpec.LimitMaxDischarge(controlId, (decimal)percent));

    /// <summary>
    /// Sends SetDERControl with any control type, its settings given in a two-column table (setting | value) by their
    /// OCPP names: default, priority, startsInMinutes, durationMinutes, pctMaxDischargePower, displacement, excitation,
    /// setpoint, unit, overFreq, underFreq, overDroop, underDroop, responseTime, gradient, softGradient, highVoltage,
    /// lowVoltage, highFreq, lowFreq, delay, randomDelay, rampRate, yUnit. default is true unless set.
    /// Example: <c>When the CSMS sets DER control "droop-1" of type "FreqDroop" with:</c>
    /// </summary>
    [When("the CSMS sets DER control {string} of type {string} with:")]
    public Task WithSettings(string controlId, string controlType, Table settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!DerControlSpec.IsKnown(controlType))
        {
            throw new ArgumentException($"'{controlType}' is not a DER control type; expected one of {string.Join(", ", DerControlSpec.CurveTypes.Concat(DerControlSpec.SettingTypes))}");
        }

        var spec = new DerControlSpec { ControlType = controlType, ControlId = controlId, IsDefault = true, Priority = 1 };
        foreach (var row in settings.Rows)
        {
            spec = Apply(spec, row[0].Trim(), row[1].Trim());
        }

        return Set(spec);
    }

    /// <summary>
    /// Sends GetDERControl for every control; the station answers and then lists them in ReportDERControl.
    /// Example: <c>When the CSMS asks for the DER controls</c>
    /// </summary>
    [When("the CSMS asks for the DER controls")]
    public Task GetAll()
    {
        var station = world.Simulator.Station();
        return CsmsPerform.RunAsync(world, scenario, new GetDerControlCommand(station.Id, station.Version, RequestId: NextRequestId()));
    }

    /// <summary>
    /// Sends GetDERControl for one control id. Example: <c>When the CSMS asks for DER control "lmd-1"</c>
    /// </summary>
    [When("the CSMS asks for DER control {string}")]
    public Task GetOne(string controlId)
    {
        var station = world.Simulator.Station();
        return CsmsPerform.RunAsync(world, scenario, new GetDerControlCommand(station.Id, station.Version, ControlId: controlId, RequestId: NextRequestId()));
    }

    /// <summary>
    /// Sends ClearDERControl for one control id (isDefault as the scenario set it; true when it did not).
    /// Example: <c>When the CSMS clears DER control "lmd-1"</c>
    /// </summary>
    [When("the CSMS clears DER control {string}")]
    public async Task ClearOne(string controlId)
    {
        var station = world.Simulator.Station();
        var set = world.CsmsExchanges.LastOrDefault(e => e.Call.Action == "SetDERControl" && e.Call.Payload is { } p && SessionTraffic.Text(p, "controlId") == controlId);
        var isDefault = set?.Call.Payload is not { } payload || SessionTraffic.Text(payload, "isDefault") != "false";
        await CsmsPerform.RunAsync(world, scenario, new ClearDerControlCommand(station.Id, station.Version, isDefault, ControlId: controlId)).ConfigureAwait(false);
        Mark($"clearing of DER control {controlId}");
    }

    /// <summary>
    /// Sends ClearDERControl for the default controls of a type. Example: <c>When the CSMS clears the default DER controls of type "VoltWatt"</c>
    /// </summary>
    [When("the CSMS clears the default DER controls of type {string}")]
    public async Task ClearType(string controlType)
    {
        var station = world.Simulator.Station();
        await CsmsPerform.RunAsync(world, scenario, new ClearDerControlCommand(station.Id, station.Version, IsDefault: true, ControlType: controlType)).ConfigureAwait(false);
        Mark($"clearing of the default {controlType} controls");
    }

    /// <summary>
    /// Sends ClearDERControl with only isDefault true: every default control goes. Example: <c>When the CSMS clears every default DER control</c>
    /// </summary>
    [When("the CSMS clears every default DER control")]
    public async Task ClearDefaults()
    {
        var station = world.Simulator.Station();
        await CsmsPerform.RunAsync(world, scenario, new ClearDerControlCommand(station.Id, station.Version, IsDefault: true)).ConfigureAwait(false);
        Mark("clearing of every default DER control");
    }

    private static IReadOnlyList<DerCurvePointWire> Points(Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (!table.ContainsColumn("x") || !table.ContainsColumn("y"))
        {
            throw new ArgumentException($"the points table needs columns x and y; it has {string.Join(", ", table.Header)}");
        }

        return [.. table.Rows.Select(r => new DerCurvePointWire(Number(r["x"]), Number(r["y"])))];
    }

    private static decimal Number(string text) => decimal.Parse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static bool Bool(string text) => bool.Parse(text.Trim());

    private DerControlSpec Apply(DerControlSpec s, string name, string value) => name switch
    {
        "default" or "isDefault" => s with { IsDefault = Bool(value) },
        "priority" => s with { Priority = int.Parse(value, CultureInfo.InvariantCulture) },
        "startsInMinutes" => s with { StartTime = world.Simulator.Clock.Now.AddMinutes((double)Number(value)) },
        "durationMinutes" => s with { DurationSeconds = Number(value) * 60 },
        "duration" => s with { DurationSeconds = Number(value) },
        "pctMaxDischargePower" => s with { PctMaxDischargePower = Number(value) },
        "displacement" => s with { Displacement = Number(value) },
        "excitation" => s with { Excitation = Bool(value) },
        "setpoint" => s with { VarSetpoint = Number(value) },
        "unit" => s with { VarUnit = value },
        "yUnit" => s with { YUnit = value },
        "overFreq" => s with { OverFreq = Number(value) },
        "underFreq" => s with { UnderFreq = Number(value) },
        "overDroop" => s with { OverDroop = Number(value) },
        "underDroop" => s with { UnderDroop = Number(value) },
        "responseTime" => s with { ResponseTime = Number(value) },
        "gradient" => s with { Gradient = Number(value) },
        "softGradient" => s with { SoftGradient = Number(value) },
        "highVoltage" => s with { HighVoltage = Number(value) },
        "lowVoltage" => s with { LowVoltage = Number(value) },
        "highFreq" => s with { HighFreq = Number(value) },
        "lowFreq" => s with { LowFreq = Number(value) },
        "delay" => s with { Delay = Number(value) },
        "randomDelay" => s with { RandomDelay = Number(value) },
        "rampRate" => s with { RampRate = Number(value) },
        _ => throw new ArgumentException($"'{name}' is not a DER control setting this step knows"),
    };

    private int NextRequestId() => world.CsmsExchanges.Count + 1;

    private async Task Set(DerControlSpec spec)
    {
        var station = world.Simulator.Station();
        await CsmsPerform.RunAsync(world, scenario, new SetDerControlCommand(station.Id, station.Version, spec)).ConfigureAwait(false);
        Mark($"DER control {spec.ControlId} ({spec.ControlType})");
    }

    private void Mark(string what) => ChangeMark.Set(scenario, world.Simulator.Clock.Now, what);
}
