using System.Text.Json.Serialization;

namespace DerSim.Sim.Profiles;

/// <summary>
/// The topology a simulated station presents: identity, EVSEs and their connectors,
/// power groups, the backing battery and what it meters. Read from <c>profiles/*.json</c>
/// by <see cref="EvseProfileLoader"/>.
/// </summary>
/// <param name="Name">Profile name, e.g. <c>EVSE-AC-22kW-1port</c>.</param>
/// <param name="Identity">What BootNotification reports.</param>
/// <param name="StationMaxKw">Power the whole station may draw, in kW.</param>
/// <param name="Evses">EVSEs, numbered 1..n.</param>
/// <param name="BackingBattery">The battery behind the chargers (one per station, shared by all ports).</param>
/// <param name="MeterValues">What is sampled and how often.</param>
public sealed record EvseProfile(
    string Name,
    BootIdentity Identity,
    double StationMaxKw,
    IReadOnlyList<EvseDefinition> Evses,
    BackingBatteryDefinition BackingBattery,
    MeterValuesDefinition MeterValues)
{
    /// <summary>The name of the profile used when none is given.</summary>
    public const string DefaultName = "EVSE-AC-22kW-1port";

    /// <summary>Editor hint pointing at <c>evse-profile.schema.json</c>; carries no meaning for the simulator.</summary>
    [JsonPropertyName("$schema")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Schema { get; init; }

    /// <summary>Free text for humans. The default value is <see langword="null"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Description { get; init; }

    /// <summary>Groups of EVSEs sharing a power budget. The default value is empty.</summary>
    /// <remarks>
    /// A missing <c>powerGroups</c> reaches the setter as null: the source-generated reader passes every init-only
    /// property to the object initializer, present or not (dotnet/runtime#84484), which would overwrite the default.
    /// An explicit <c>null</c> in a file is refused before that (RespectNullableAnnotations).
    /// </remarks>
    public IReadOnlyList<PowerGroupDefinition> PowerGroups
    {
        get => _powerGroups;
        init => _powerGroups = value ?? [];
    }

    private readonly IReadOnlyList<PowerGroupDefinition> _powerGroups = [];

    /// <summary>All connectors of all EVSEs, in EVSE then connector order.</summary>
    [JsonIgnore]
    public IEnumerable<ConnectorDefinition> AllConnectors => Evses.SelectMany(e => e.Connectors);
}
