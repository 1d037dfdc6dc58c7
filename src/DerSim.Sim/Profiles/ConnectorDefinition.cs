using System.Text.Json.Serialization;

namespace DerSim.Sim.Profiles;

/// <summary>One connector (plug or socket) of an EVSE.</summary>
/// <param name="Id">Connector id, 1..n within its EVSE.</param>
/// <param name="Type">Connector type as OCPP 2.x names it.</param>
/// <param name="CurrentType">AC or DC.</param>
/// <param name="NominalVoltageV">Nominal voltage in V (phase-to-neutral for AC).</param>
/// <param name="MaxCurrentA">Maximum current in A (per phase for AC).</param>
/// <param name="MaxKw">Power cap of this connector in kW.</param>
/// <param name="EnergyTransferModes">Energy transfer modes as OCPP 2.1 names them.</param>
public sealed record ConnectorDefinition(
    int Id,
    ConnectorType Type,
    CurrentType CurrentType,
    double NominalVoltageV,
    double MaxCurrentA,
    double MaxKw,
    IReadOnlyList<EnergyTransferMode> EnergyTransferModes)
{
    /// <summary>Number of phases, 1 or 3; AC only. The default value is <see langword="null"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Phases { get; init; }

    /// <summary>Discharge capability for V2G; absent for charge-only connectors.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public BidirectionalCapability? Bidirectional { get; init; }
}
