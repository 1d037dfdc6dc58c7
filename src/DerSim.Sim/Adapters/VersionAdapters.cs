using DerSim.Ocpp;
using DerSim.Ocpp.Dialects;

namespace DerSim.Sim.Adapters;

/// <summary>The adapter of each version.</summary>
public static class VersionAdapters
{
    /// <summary>A new adapter for <paramref name="version"/>.</summary>
    public static IVersionAdapter For(OcppVersion version, TimeProvider time) => version switch
    {
        OcppVersion.V16 => new V16Adapter(time),
        OcppVersion.V201 => new Ocpp2Adapter(Ocpp2Dialect.V201, time),
        OcppVersion.V21 => new Ocpp2Adapter(Ocpp2Dialect.V21, time),
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, null),
    };
}
