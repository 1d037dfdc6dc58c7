namespace DerSim.Sim.StationModel;

/// <summary>
/// One NetworkConnectionProfile of a configuration slot: what the CSMS stored there (OCPP 2.x SetNetworkProfile, or
/// 2.1 SetVariables of the NetworkConfiguration component, one slot per component instance) or what the station was
/// installed with (slot 1).
/// </summary>
/// <param name="CsmsUrl">The CSMS URL (ocppCsmsUrl), without the station id.</param>
/// <param name="SecurityProfile">The security profile to connect with (0 to 3).</param>
/// <param name="Interface">The network interface, as the request named it (Wired0, Wireless0, …).</param>
/// <param name="Transport">The OCPP transport (JSON; SOAP is not spoken).</param>
/// <param name="MessageTimeoutSeconds">How long the station waits for an answer on this connection.</param>
/// <param name="OcppVersion">The OCPP version named, when the request named one (2.1 leaves it out).</param>
public sealed record NetworkProfile(string CsmsUrl, int SecurityProfile, string Interface, string Transport, int MessageTimeoutSeconds, string? OcppVersion)
{
    /// <summary>
    /// A slot nothing was written to yet: every field empty, so <see cref="StationNetworkProfiles.Unusable"/> names
    /// what a CSMS writing it variable by variable still has to set.
    /// </summary>
    public static NetworkProfile Blank { get; } = new("", 0, "", "", 0, null);

    /// <summary>OCPP 2.1 B09 connectionData.identity: the Basic-auth user name for this connection; null when not given.</summary>
    public string? Identity { get; init; }

    /// <summary>OCPP 2.1 B09 connectionData.basicAuthPassword: the Basic-auth password for this connection; null when not given.</summary>
    public string? BasicAuthPassword { get; init; }

    /// <summary>
    /// The cellular data connection (connectionData.apn) as far as it was given; it is used only when
    /// <see cref="ApnEnabled"/>. The default value is <see langword="null"/>.
    /// </summary>
    public NetworkApn? Apn { get; init; }

    /// <summary>Whether the connection dials in over <see cref="Apn"/> (2.1 NetworkConfiguration.ApnEnabled). The default value is false.</summary>
    public bool ApnEnabled { get; init; }

    /// <summary>
    /// The VPN (connectionData.vpn) as far as it was given; it is used only when <see cref="VpnEnabled"/>. The default
    /// value is <see langword="null"/>.
    /// </summary>
    public NetworkVpn? Vpn { get; init; }

    /// <summary>Whether the connection runs over <see cref="Vpn"/> (2.1 NetworkConfiguration.VpnEnabled). The default value is false.</summary>
    public bool VpnEnabled { get; init; }
}
