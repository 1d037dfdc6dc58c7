namespace DerSim.Sim.StationModel;

/// <summary>A component of the 2.x device model: the station, an EVSE, a connector or a controller.</summary>
/// <param name="Name">Component name, e.g. <c>EVSE</c> or <c>OCPPCommCtrlr</c>.</param>
/// <param name="EvseId">The EVSE it belongs to, or <see langword="null"/> for station-wide components.</param>
/// <param name="ConnectorId">The connector within the EVSE, or <see langword="null"/>.</param>
/// <param name="Instance">
/// The component instance, for a component the station has several of (2.1 NetworkConfiguration: one per configuration
/// slot), or <see langword="null"/>.
/// </param>
public sealed record DeviceComponent(string Name, int? EvseId = null, int? ConnectorId = null, string? Instance = null);
