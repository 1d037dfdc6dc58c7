using DerSim.Harness.Drivers;
using DerSim.Gherkin.Glue;
using Reqnroll;
using DerSim.Sim.Engine;

namespace DerSim.Harness.Steps;

/// <summary>EVs and drivers at the station, step by step: plugging in and out, presenting tokens, stopping at the station.</summary>
[Binding]
public sealed class EvSteps(ScenarioWorld world, ScenarioContext scenario)
{
    /// <summary>The state of charge an EV plugged in by a step aims at when the step does not say.</summary>
    public const int DefaultTargetSocPercent = 80;

    /// <summary>
    /// An EV of a preset (compact-ac, sedan-75, truck-350, v2g-50, phev-ac) at a state of charge plugs into an EVSE of
    /// the booted station and stays there until it unplugs; it wants 80%. Nothing flows until a token is presented.
    /// Example: <c>When an EV "sedan-75" at 20% plugs into EVSE 1</c>
    /// </summary>
    [When("an EV {string} at {int}% plugs into EVSE {int}")]
    public Task PlugIn(string preset, int soc, int evseId) => PlugInWanting(preset, soc, DefaultTargetSocPercent, evseId);

    /// <summary>
    /// An EV plugs in as above, with the state of charge at which it is full and stops drawing power (SuspendedEV).
    /// Example: <c>When an EV "compact-ac" at 70% that wants 75% plugs into EVSE 1</c>
    /// </summary>
    [When("an EV {string} at {int}% that wants {int}% plugs into EVSE {int}")]
    public Task PlugInWanting(string preset, int soc, int targetSoc, int evseId) =>
        world.Simulator.PlugInAsync(world.Simulator.Station(), evseId, new EvArrival(preset, soc, targetSoc));

    /// <summary>
    /// The driver presents an id token at an EVSE with an EV plugged in: the station sends Authorize and, when the CSMS
    /// accepts the token, starts the transaction (1.6 StartTransaction; 2.x TransactionEvent Started with the token).
    /// A refused token leaves the EV plugged in without energy. Example: <c>When the driver presents token "TAG-1" on EVSE 1</c>
    /// </summary>
    [When("the driver presents token {string} on EVSE {int}")]
    public Task PresentToken(string token, int evseId) => world.Simulator.PresentTokenAsync(world.Simulator.Station(), evseId, token);

    /// <summary>
    /// The driver presents a token of the target declaration, by its role (the valid token, a second valid token, the
    /// unknown, blocked or expired token), with its declared type on 2.x; otherwise as the step above.
    /// Example: <c>When the driver presents the valid token on EVSE 1</c>
    /// </summary>
    [When("the driver presents {tokenRole} on EVSE {int}")]
    public Task PresentRole(Target.TokenRole role, int evseId)
    {
        var token = TargetSteps.Token(world, scenario, role);
        return world.Simulator.PresentTokenAsync(world.Simulator.Station(), evseId, token.IdToken, token.EffectiveType);
    }

    /// <summary>
    /// The driver stops the transaction at the station (reason Local); the EV stays plugged in.
    /// Example: <c>When the driver stops the transaction on EVSE 1</c>
    /// </summary>
    [When("the driver stops the transaction on EVSE {int}")]
    public Task StopLocally(int evseId) => world.Simulator.StopLocallyAsync(world.Simulator.Station(), evseId);

    /// <summary>
    /// The EV unplugs: a running transaction ends with reason EVDisconnected, then the connector is available again.
    /// Example: <c>When the EV unplugs from EVSE 1</c>
    /// </summary>
    [When("the EV unplugs from EVSE {int}")]
    public Task Unplug(int evseId) => world.Simulator.UnplugAsync(world.Simulator.Station(), evseId);
}
