namespace DerSim.Sim.StationModel;

/// <summary>What happened to a request to change a setting.</summary>
public enum SetOutcome
{
    /// <summary>Changed.</summary>
    Accepted,

    /// <summary>The setting cannot be changed.</summary>
    ReadOnly,

    /// <summary>The value is not acceptable for the setting.</summary>
    InvalidValue,

    /// <summary>The value is acceptable, but the station could not store it (a simulated storage fault).</summary>
    NotStored,
}
