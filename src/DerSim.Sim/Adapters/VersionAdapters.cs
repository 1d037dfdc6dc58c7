using DerSim.Sim.Ocpp;

namespace DerSim.Sim.Adapters;

/// <summary>The adapter of each version.</summary>
public static class VersionAdapters
{
    /// <summary>A new adapter for <paramref name="version"/>.</summary>
    public static IVersionAdapter For(OcppVersion version, TimeProvider time) => version switch
    {
        OcppVersion.V16 => new V16Adapter(time),
        OcppVersion.V201 => new V201Adapter(time),
        OcppVersion.V21 => new V21Adapter(time),
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, null),
    };
}
