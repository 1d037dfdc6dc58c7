namespace DerSim.Harness.Drivers.Csms;

/// <summary>
/// A command that writes a connection into a configuration slot of the station (2.x SetNetworkProfile, 2.1 the
/// NetworkConfiguration component): what the HTTP driver's placeholders of the two share.
/// </summary>
public interface INetworkSlotCommand
{
    /// <summary>The configuration slot written.</summary>
    int ConfigurationSlot { get; }

    /// <summary>The CSMS URL of the connection.</summary>
    string CsmsUrl { get; }

    /// <summary>The security profile of the connection.</summary>
    int SecurityProfile { get; }

    /// <summary>Seconds the station waits for an answer on it.</summary>
    int MessageTimeout { get; }

    /// <summary>The station's network interface it uses, e.g. Wired0.</summary>
    string OcppInterface { get; }
}
