using System.Text.Json.Serialization;

namespace DerSim.Sim.Profiles;

/// <summary>Whether a connector delivers alternating or direct current.</summary>
[JsonConverter(typeof(StrictEnumConverter<CurrentType>))]
public enum CurrentType
{
    /// <summary>Alternating current; the vehicle's on-board charger converts.</summary>
    AC,

    /// <summary>Direct current; the station converts.</summary>
    DC,
}
