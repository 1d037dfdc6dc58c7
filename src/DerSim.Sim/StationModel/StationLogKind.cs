namespace DerSim.Sim.StationModel;

/// <summary>The logs a station keeps and can upload (2.x GetLog logType).</summary>
public enum StationLogKind
{
    /// <summary>What the station did: the messages it exchanged and the states it passed through (DiagnosticsLog).</summary>
    Diagnostics,

    /// <summary>The security events it saw: start-ups, reboots, its clock being set (SecurityLog, 2.0.1 A04).</summary>
    Security,
}
