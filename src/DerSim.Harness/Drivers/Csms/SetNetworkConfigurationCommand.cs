using System.Globalization;
using DerSim.Ocpp;
using Ocpp2 = DerSim.Ocpp.V21;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>
/// 2.1 only: SetVariables adding a network configuration (B09, TC_B_105): the variables of the NetworkConfiguration
/// component whose instance is the configuration slot, for a JSON connection without APN or VPN (ApnEnabled and
/// VpnEnabled false). The items may come in any order.
/// </summary>
/// <param name="StationId">The station it is for.</param>
/// <param name="Version">The station's OCPP version.</param>
/// <param name="ConfigurationSlot">The slot: the component instance.</param>
/// <param name="CsmsUrl">OcppCsmsUrl: the CSMS URL, without the station id.</param>
/// <param name="SecurityProfile">SecurityProfile (0 to 3).</param>
/// <param name="MessageTimeout">MessageTimeout in seconds.</param>
/// <param name="OcppInterface">OcppInterface (Wired0, Wireless0, …).</param>
public sealed record SetNetworkConfigurationCommand(string StationId, OcppVersion Version, int ConfigurationSlot, string CsmsUrl, int SecurityProfile, int MessageTimeout = 30, string OcppInterface = "Wired0")
    : CsmsCommand(StationId, Version), INetworkSlotCommand
{
    /// <summary>The component whose instance is a configuration slot.</summary>
    public const string Component = "NetworkConfiguration";

    /// <inheritdoc />
    public override CsmsActionKind Kind => CsmsActionKind.SetNetworkConfiguration;

    /// <inheritdoc />
    public override bool NeedsV21 => true;

    /// <inheritdoc />
    public override IReadOnlyCollection<string> UnorderedArrays => ["setVariableData"];

    /// <summary>The variables asked for and their values, in the order they are sent.</summary>
    public IReadOnlyList<(string Variable, string Value)> Values =>
    [
        ("OcppCsmsUrl", CsmsUrl),
        ("OcppInterface", OcppInterface),
        ("OcppTransport", "JSON"),
        ("MessageTimeout", MessageTimeout.ToString(CultureInfo.InvariantCulture)),
        ("SecurityProfile", SecurityProfile.ToString(CultureInfo.InvariantCulture)),
        // The connection has neither: the CSMS says so, rather than leave what the slot held before in force.
        ("ApnEnabled", "false"),
        ("VpnEnabled", "false"),
    ];

    /// <inheritdoc />
    protected override string? ActionIn(OcppVersion version) => version == OcppVersion.V16 ? null : "SetVariables";

    /// <inheritdoc />
    protected override object Request()
    {
        var component = new Ocpp2.ComponentType(Component) { Instance = ConfigurationSlot.ToString(CultureInfo.InvariantCulture) };
        return new Ocpp2.SetVariablesRequest([.. Values.Select(v => new Ocpp2.SetVariableDataType(v.Value, component, new Ocpp2.VariableType(v.Variable)))]);
    }
}
