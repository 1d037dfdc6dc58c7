using System.Globalization;
using DerSim.Harness.Drivers;
using DerSim.Harness.Drivers.Csms;
using DerSim.Gherkin.Glue;
using Reqnroll;
using V2XFreqWattPointType = DerSim.Ocpp.V21.V2XFreqWattPointType;
using V2XSignalWattPointType = DerSim.Ocpp.V21.V2XSignalWattPointType;

namespace DerSim.Harness.Steps;

/// <summary>
/// OCPP 2.1 bidirectional transfer (V2G) driven by the CSMS: allowed energy-transfer modes, TxProfile periods with
/// an operationMode, setpoint and discharge limit or a frequency-watt / signal-watt curve, and AFRRSignal. Not
/// applicable on 1.6 and 2.0.1, which cannot express discharge.
/// </summary>
[Binding]
public sealed class V2gSteps(ScenarioWorld world, ScenarioContext scenario)
{
    /// <summary>The charging profile id of the V2X TxProfiles these steps send: one per EVSE, so a later one replaces the earlier.</summary>
    private const int ProfileIdBase = 200;

    /// <summary>
    /// Sends NotifyAllowedEnergyTransfer for the running transaction on the EVSE with the modes listed (comma separated);
    /// waits for the transaction first. Example: <c>When the CSMS allows energy transfer "DC_BPT, DC" for the transaction on EVSE 1</c>
    /// </summary>
    [When("the CSMS allows energy transfer {string} for the transaction on EVSE {int}")]
    public async Task AllowEnergyTransfer(string modes, int evseId)
    {
        var (station, tx) = await CsmsPerform.TransactionOnAsync(world, evseId).ConfigureAwait(false);
        var list = modes.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        await CsmsPerform.RunAsync(world, scenario, new NotifyAllowedEnergyTransferCommand(station.Id, station.Version, tx, list, evseId)).ConfigureAwait(false);
        Mark($"allowed energy transfer {modes} on EVSE {evseId}");
    }

    /// <summary>
    /// Sends a TxProfile for the transaction on the EVSE whose period asks the EV to discharge at a power: operationMode
    /// CentralSetpoint, setpoint negative in W. Example: <c>When the CSMS sets a discharge setpoint of 20 kW on EVSE 1</c>
    /// </summary>
    [When("the CSMS sets a discharge setpoint of {float} kW on EVSE {int}")]
    public Task DischargeSetpoint(float kw, int evseId) => Profile(evseId, "CentralSetpoint", setpointW: -Watts(kw));

    /// <summary>
    /// Sends a TxProfile for the transaction on the EVSE whose period asks the EV to charge at a power (CentralSetpoint,
    /// setpoint positive in W). Example: <c>When the CSMS sets a charge setpoint of 10 kW on EVSE 1</c>
    /// </summary>
    [When("the CSMS sets a charge setpoint of {float} kW on EVSE {int}")]
    public Task ChargeSetpoint(float kw, int evseId) => Profile(evseId, "CentralSetpoint", setpointW: Watts(kw));

    /// <summary>
    /// Sends a CentralSetpoint TxProfile with a discharge setpoint and a tighter discharge limit (dischargeLimit, negative W).
    /// Example: <c>When the CSMS sets a discharge setpoint of 40 kW with a discharge limit of 15 kW on EVSE 1</c>
    /// </summary>
    [When("the CSMS sets a discharge setpoint of {float} kW with a discharge limit of {float} kW on EVSE {int}")]
    public Task DischargeSetpointLimited(float kw, float limitKw, int evseId) =>
        Profile(evseId, "CentralSetpoint", setpointW: -Watts(kw), dischargeLimitW: -Watts(limitKw));

    /// <summary>
    /// Sends a TxProfile for the transaction on the EVSE whose period sets only an operationMode (Idle, ChargingOnly, …).
    /// Example: <c>When the CSMS sets operation mode "Idle" on EVSE 1</c>
    /// </summary>
    [When("the CSMS sets operation mode {string} on EVSE {int}")]
    public Task OperationMode(string mode, int evseId) => Profile(evseId, mode);

    /// <summary>
    /// Sends a TxProfile whose period sets an operationMode with a charge limit and a discharge limit (both given as
    /// positive kW; the discharge limit goes out negative), e.g. for ExternalLimits.
    /// Example: <c>When the CSMS sets operation mode "ExternalLimits" on EVSE 1 with limits of 30 kW charge and 10 kW discharge</c>
    /// </summary>
    [When("the CSMS sets operation mode {string} on EVSE {int} with limits of {float} kW charge and {float} kW discharge")]
    public Task OperationModeWithLimits(string mode, int evseId, float chargeKw, float dischargeKw) =>
        Profile(evseId, mode, limitW: Watts(chargeKw), dischargeLimitW: -Watts(dischargeKw));

    /// <summary>
    /// Sends a TxProfile for the transaction on the EVSE whose period sets an operationMode (LocalFrequency) with a
    /// frequency-watt curve from a table <c>| frequency Hz | power kW |</c> (power signed: negative discharges; sent in W).
    /// Example: <c>When the CSMS sets operation mode "LocalFrequency" on EVSE 1 with the frequency-watt curve:</c>
    /// </summary>
    [When("the CSMS sets operation mode {string} on EVSE {int} with the frequency-watt curve:")]
    public Task FrequencyCurve(string mode, int evseId, Table curve) =>
        CurveProfile(evseId, mode, freqWattCurve: V2xCurveTables.FreqWatt(curve));

    /// <summary>
    /// As the frequency-watt curve step, with a v2xBaseline added to the curve's power (signed kW: negative discharges).
    /// Example: <c>When the CSMS sets operation mode "LocalFrequency" on EVSE 1 with a baseline of -5 kW and the frequency-watt curve:</c>
    /// </summary>
    [When("the CSMS sets operation mode {string} on EVSE {int} with a baseline of {float} kW and the frequency-watt curve:")]
    public Task FrequencyCurveWithBaseline(string mode, int evseId, float baselineKw, Table curve) =>
        CurveProfile(evseId, mode, freqWattCurve: V2xCurveTables.FreqWatt(curve), baselineW: Watts(baselineKw));

    /// <summary>
    /// Sends a TxProfile for the transaction on the EVSE whose period sets an operationMode (CentralFrequency) with a
    /// signal-watt curve from a table <c>| signal | power kW |</c>; the port follows it once the CSMS sends AFRRSignal.
    /// Example: <c>When the CSMS sets operation mode "CentralFrequency" on EVSE 1 with the signal-watt curve:</c>
    /// </summary>
    [When("the CSMS sets operation mode {string} on EVSE {int} with the signal-watt curve:")]
    public Task SignalCurve(string mode, int evseId, Table curve) =>
        CurveProfile(evseId, mode, signalWattCurve: V2xCurveTables.SignalWatt(curve));

    /// <summary>
    /// As the signal-watt curve step, with a v2xBaseline added to the curve's power (signed kW: negative discharges).
    /// Example: <c>When the CSMS sets operation mode "CentralFrequency" on EVSE 1 with a baseline of -5 kW and the signal-watt curve:</c>
    /// </summary>
    [When("the CSMS sets operation mode {string} on EVSE {int} with a baseline of {float} kW and the signal-watt curve:")]
    public Task SignalCurveWithBaseline(string mode, int evseId, float baselineKw, Table curve) =>
        CurveProfile(evseId, mode, signalWattCurve: V2xCurveTables.SignalWatt(curve), baselineW: Watts(baselineKw));

    /// <summary>
    /// Sends AFRRSignal with a signal value timestamped now on the scenario's clock, so it applies at once; a
    /// CentralFrequency period follows it through its signal-watt curve. Example: <c>When the CSMS sends the aFRR signal -50</c>
    /// </summary>
    [When("the CSMS sends the aFRR signal {int}")]
    public Task AfrrSignal(int signal) => Afrr(signal, TimeSpan.Zero);

    /// <summary>
    /// Sends AFRRSignal timestamped some simulated minutes ahead: the station accepts it at once but the port keeps
    /// its power until then. Example: <c>When the CSMS sends the aFRR signal -50 applying in 5 minutes</c>
    /// </summary>
    [When("the CSMS sends the aFRR signal {int} applying in {int} minute(s)")]
    public Task AfrrSignalLater(int signal, int minutes) => Afrr(signal, TimeSpan.FromMinutes(minutes));

    private static decimal Watts(float kw) => V2xCurveTables.Watts((decimal)kw);

    private async Task Afrr(int signal, TimeSpan ahead)
    {
        var station = world.Simulator.Station();
        var at = world.Simulator.Clock.Now + ahead;
        await CsmsPerform.RunAsync(world, scenario, new AfrrSignalCommand(station.Id, station.Version, at, signal)).ConfigureAwait(false);
        Mark(string.Create(CultureInfo.InvariantCulture, $"aFRR signal {signal}"));
    }

    private async Task CurveProfile(int evseId, string mode, IReadOnlyList<V2XFreqWattPointType>? freqWattCurve = null, IReadOnlyList<V2XSignalWattPointType>? signalWattCurve = null, decimal? baselineW = null)
    {
        var (station, tx) = await CsmsPerform.TransactionOnAsync(world, evseId).ConfigureAwait(false);
        var command = new SetV2xCurveProfileCommand(station.Id, station.Version, evseId, tx, mode, freqWattCurve, signalWattCurve, baselineW, ProfileIdBase + evseId);
        await CsmsPerform.RunAsync(world, scenario, command).ConfigureAwait(false);
        Mark(string.Create(CultureInfo.InvariantCulture, $"operationMode {mode} on EVSE {evseId}"));
    }

    private async Task Profile(int evseId, string mode, decimal? setpointW = null, decimal? limitW = null, decimal? dischargeLimitW = null)
    {
        var (station, tx) = await CsmsPerform.TransactionOnAsync(world, evseId).ConfigureAwait(false);
        var command = new SetV2xProfileCommand(station.Id, station.Version, evseId, tx, mode, setpointW, limitW, dischargeLimitW, ProfileIdBase + evseId);
        await CsmsPerform.RunAsync(world, scenario, command).ConfigureAwait(false);
        Mark(string.Create(CultureInfo.InvariantCulture, $"operationMode {mode} on EVSE {evseId}"));
    }

    private void Mark(string what) => ChangeMark.Set(scenario, world.Simulator.Clock.Now, what);
}
