using System.Globalization;
using DerSim.Harness.Drivers;
using DerSim.Harness.Drivers.Csms;
using DerSim.Harness.Gherkin;

namespace DerSim.Harness.Steps;

/// <summary>
/// OCPP 2.1 bidirectional transfer (V2G) driven by the CSMS: allowed energy-transfer modes and TxProfile periods with
/// an operationMode, setpoint and discharge limit. Not applicable on 1.6 and 2.0.1, which cannot express discharge.
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
        await CsmsPerform.RunAsync(world, scenario, CsmsCommand.NotifyAllowedEnergyTransfer(station.Id, station.Version, tx, list, evseId)).ConfigureAwait(false);
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

    private static decimal Watts(float kw) => Math.Round((decimal)kw * 1000, 1);

    private async Task Profile(int evseId, string mode, decimal? setpointW = null, decimal? limitW = null, decimal? dischargeLimitW = null)
    {
        var (station, tx) = await CsmsPerform.TransactionOnAsync(world, evseId).ConfigureAwait(false);
        var command = CsmsCommand.SetV2xProfile(station.Id, station.Version, evseId, tx, mode, setpointW, limitW, dischargeLimitW, ProfileIdBase + evseId);
        await CsmsPerform.RunAsync(world, scenario, command).ConfigureAwait(false);
        Mark(string.Create(CultureInfo.InvariantCulture, $"operationMode {mode} on EVSE {evseId}"));
    }

    private void Mark(string what) => ChangeMark.Set(scenario, world.Simulator.Clock.Now, what);
}
