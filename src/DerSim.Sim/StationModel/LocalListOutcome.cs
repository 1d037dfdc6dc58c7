namespace DerSim.Sim.StationModel;

/// <summary>How the station took an update of its local authorization list (1.6 SendLocalList.conf status).</summary>
public enum LocalListOutcome
{
    /// <summary>The list now holds the update.</summary>
    Accepted,

    /// <summary>The update did not fit (more entries than SendLocalListMaxLength or than LocalAuthListMaxLength); the list is unchanged.</summary>
    Failed,

    /// <summary>The station keeps no local list (LocalAuthListEnabled false).</summary>
    NotSupported,

    /// <summary>A differential update whose version is not above the list's.</summary>
    VersionMismatch,
}
