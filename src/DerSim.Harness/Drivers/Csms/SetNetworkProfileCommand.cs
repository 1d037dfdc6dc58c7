using DerSim.Ocpp;
using Ocpp2 = DerSim.Ocpp.V21;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>
/// SetNetworkProfile (2.x only): a NetworkConnectionProfile for one configuration slot, transport JSON; 2.0.1 also
/// names ocppVersion OCPP20 (2.1 leaves the field out: the WebSocket subprotocol decides).
/// </summary>
/// <param name="StationId">The station it is for.</param>
/// <param name="Version">The station's OCPP version.</param>
/// <param name="ConfigurationSlot">The slot to store the profile in.</param>
/// <param name="CsmsUrl">connectionData.ocppCsmsUrl: the CSMS URL, without the station id.</param>
/// <param name="SecurityProfile">connectionData.securityProfile (0 to 3).</param>
/// <param name="MessageTimeout">connectionData.messageTimeout in seconds.</param>
/// <param name="OcppInterface">connectionData.ocppInterface (Wired0, Wireless0, …).</param>
/// <param name="Identity">2.1 only: connectionData.identity, the Basic-auth user name for the connection; null leaves it out.</param>
/// <param name="BasicAuthPassword">2.1 only: connectionData.basicAuthPassword for the connection; null leaves it out.</param>
public sealed record SetNetworkProfileCommand(string StationId, OcppVersion Version, int ConfigurationSlot, string CsmsUrl, int SecurityProfile, int MessageTimeout = 30, string OcppInterface = "Wired0", string? Identity = null, string? BasicAuthPassword = null)
    : CsmsCommand(StationId, Version), INetworkSlotCommand
{
    /// <inheritdoc />
    public override CsmsActionKind Kind => CsmsActionKind.SetNetworkProfile;

    /// <inheritdoc />
    protected override string? ActionIn(OcppVersion version) => version == OcppVersion.V16 ? null : "SetNetworkProfile";

    /// <inheritdoc />
    protected override object Request() => new Ocpp2.SetNetworkProfileRequest(
        ConfigurationSlot,
        new Ocpp2.NetworkConnectionProfileType(Wire<Ocpp2.OCPPInterfaceEnumType>(OcppInterface, "OCPP interface"), Ocpp2.OCPPTransportEnumType.JSON, MessageTimeout, CsmsUrl, SecurityProfile)
        {
            OcppVersion = Version == OcppVersion.V201 ? Ocpp2.OCPPVersionEnumType.OCPP20 : null,
            Identity = Version == OcppVersion.V21 ? Identity : null,
            BasicAuthPassword = Version == OcppVersion.V21 ? BasicAuthPassword : null,
        });
}
