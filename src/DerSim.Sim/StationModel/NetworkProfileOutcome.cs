namespace DerSim.Sim.StationModel;

/// <summary>The answer to a SetNetworkProfile, version-neutral.</summary>
public enum NetworkProfileOutcome
{
    /// <summary>Checked and stored.</summary>
    Accepted,

    /// <summary>Not a profile the station can use in that slot.</summary>
    Rejected,

    /// <summary>A valid profile the station could not store.</summary>
    Failed,
}
