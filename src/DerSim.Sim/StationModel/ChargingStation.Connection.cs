namespace DerSim.Sim.StationModel;

/// <summary>How the station connects: its own certificate, its network profiles, and a reconnect when they change.</summary>
public sealed partial class ChargingStation
{
    /// <summary>The station's own Charging Station Certificate and the key pair of its signing requests.</summary>
    public StationCertificate Certificate { get; } = new();

    /// <summary>The station's network connection profiles.</summary>
    public StationNetworkProfiles NetworkProfiles { get; } = new();

    /// <summary>
    /// The Basic-auth password the CSMS set (SecurityCtrlr.BasicAuthPassword), or null while the one the station was
    /// installed with holds.
    /// </summary>
    public string? BasicAuthPassword =>
        Configuration.Get(StationConfiguration.BasicAuthPasswordKey)?.Value is { Length: > 0 } password ? password : null;

    /// <summary>Raised when the station must close its connection and connect again with what changed (no reboot).</summary>
    public event Action<string>? ReconnectRequested;

    /// <summary>Closes the connection and connects again, with a new password or certificate; <paramref name="why"/> goes to the log.</summary>
    public void RequestReconnect(string why) => ReconnectRequested?.Invoke(why);
}
