namespace DerSim.Sim.Profiles;

/// <summary>One EVSE: the unit that charges one vehicle at a time through one of its connectors.</summary>
/// <param name="Id">EVSE id, 1..n within the station.</param>
/// <param name="MaxKw">Power cap of this EVSE in kW.</param>
/// <param name="Connectors">Connectors, numbered 1..n within the EVSE.</param>
public sealed record EvseDefinition(int Id, double MaxKw, IReadOnlyList<ConnectorDefinition> Connectors);
