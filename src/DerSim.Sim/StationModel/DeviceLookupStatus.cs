namespace DerSim.Sim.StationModel;

/// <summary>Whether a component/variable pair exists (2.x GetVariableStatus / SetVariableStatus distinguish the two misses).</summary>
public enum DeviceLookupStatus
{
    /// <summary>The variable exists.</summary>
    Found,

    /// <summary>No component of that name (and EVSE/connector) exists.</summary>
    UnknownComponent,

    /// <summary>The component exists but has no such variable.</summary>
    UnknownVariable,
}
