namespace DerSim.Sim.Engine;

/// <summary>An EV that arrives at an EVSE in a step-driven session.</summary>
/// <param name="Preset">An EV preset name (compact-ac, sedan-75, truck-350, v2g-50, phev-ac); null: the profile's default EV.</param>
/// <param name="InitialSocPercent">Its state of charge on arrival.</param>
/// <param name="TargetSocPercent">The state of charge at which it stops drawing power (then SuspendedEV).</param>
public sealed record EvArrival(string? Preset, double InitialSocPercent, double TargetSocPercent)
{
    /// <summary>Whether the EV is not ready to take energy when it plugs in (it stays SuspendedEV until it resumes). The default value is false.</summary>
    public bool NotReady { get; init; }
}
