using DerSim.Ocpp.V16;
using DerSim.Ocpp.V201;
using DerSim.Ocpp.V21;

namespace DerSim.Ocpp.Json;

/// <summary>The generated action table of each version.</summary>
public static class OcppActionTables
{
    /// <summary>The table of <paramref name="version"/>.</summary>
    public static IOcppActionTable For(OcppVersion version) => version switch
    {
        OcppVersion.V16 => V16ActionTable.Instance,
        OcppVersion.V201 => V201ActionTable.Instance,
        OcppVersion.V21 => V21ActionTable.Instance,
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, null),
    };
}
