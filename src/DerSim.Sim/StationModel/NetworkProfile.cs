namespace DerSim.Sim.StationModel;

/// <summary>One NetworkConnectionProfile the CSMS stored in a configuration slot (OCPP 2.x SetNetworkProfile).</summary>
/// <param name="CsmsUrl">The CSMS URL (ocppCsmsUrl), without the station id.</param>
/// <param name="SecurityProfile">The security profile to connect with (0 to 3).</param>
/// <param name="Interface">The network interface, as the request named it (Wired0, Wireless0, …).</param>
/// <param name="Transport">The OCPP transport (JSON; SOAP is not spoken).</param>
/// <param name="MessageTimeoutSeconds">How long the station waits for an answer on this connection.</param>
/// <param name="OcppVersion">The OCPP version named, when the request named one (2.1 leaves it out).</param>
public sealed record NetworkProfile(string CsmsUrl, int SecurityProfile, string Interface, string Transport, int MessageTimeoutSeconds, string? OcppVersion)
{
    /// <summary>OCPP 2.1 B09 connectionData.identity: the Basic-auth user name for this connection; null when not given.</summary>
    public string? Identity { get; init; }

    /// <summary>OCPP 2.1 B09 connectionData.basicAuthPassword: the Basic-auth password for this connection; null when not given.</summary>
    public string? BasicAuthPassword { get; init; }
}
