using System.Globalization;

namespace DerSim.Sim.StationModel;

/// <summary>
/// The OCPP 2.1 device-model component NetworkConfiguration: one component instance per configuration slot ("1" to
/// <see cref="StationNetworkProfiles.SlotCount"/>), whose variables are the fields of the slot's
/// NetworkConnectionProfile. It is a view of <see cref="StationNetworkProfiles"/>, the store SetNetworkProfile writes
/// too: a profile set either way reads the same both ways (2.1 B09: the CSMS may add a network configuration with
/// SetVariables instead of SetNetworkProfile).
/// </summary>
public static class NetworkConfigurationVariables
{
    /// <summary>The component name.</summary>
    public const string Component = "NetworkConfiguration";

    private const string Interfaces = "Wired0,Wired1,Wired2,Wired3,Wireless0,Wireless1,Wireless2,Wireless3,Any";
    private const string OcppVersions = "OCPP12,OCPP15,OCPP16,OCPP20,OCPP201,OCPP21";
    private const string ApnAuthentications = "PAP,CHAP,NONE,AUTO";
    private const string VpnTypes = "IKEv2,IPSec,L2TP,PPTP";

    // The variables, in the order of NetworkConnectionProfileType's fields; the lengths are its schema's maxLength.
    // Passwords, keys and the SIM PIN are WriteOnly: a CSMS may set them, nobody reads them back.
    private static readonly Field[] Fields =
    [
        new("OcppCsmsUrl", DeviceDataType.String, p => p.CsmsUrl, (p, v, _) => IsWsUrl(v) && v.Length <= 2000 ? p with { CsmsUrl = v } : null),
        new("OcppInterface", DeviceDataType.OptionList, p => p.Interface, (p, v, _) => IsOneOf(v, Interfaces) ? p with { Interface = v } : null) { Values = Interfaces },
        // SOAP is not spoken (the same refusal as a SetNetworkProfile with transport SOAP, B09.FR.02).
        new("OcppTransport", DeviceDataType.OptionList, p => p.Transport, (p, v, _) => v == "JSON" ? p with { Transport = v } : null) { Values = "JSON" },
        // 2.1 ignores the version (the WebSocket subprotocol decides); kept, as in NetworkConnectionProfileType, for 2.0.1's sake.
        new("OcppVersion", DeviceDataType.OptionList, p => p.OcppVersion ?? "", (p, v, _) => IsOneOf(v, OcppVersions) ? p with { OcppVersion = v } : null) { Values = OcppVersions },
        new("MessageTimeout", DeviceDataType.Integer, p => Text(p.MessageTimeoutSeconds), (p, v, _) => Whole(v) is { } n && n > 0 ? p with { MessageTimeoutSeconds = n } : null) { Unit = "s" },
        // A05: never below the security profile the station connects with now.
        new("SecurityProfile", DeviceDataType.Integer, p => Text(p.SecurityProfile), (p, v, current) => Whole(v) is { } n && n <= 3 && n >= current ? p with { SecurityProfile = n } : null),
        new("Identity", DeviceDataType.String, p => p.Identity ?? "", (p, v, _) => v.Length is >= 1 and <= 48 ? p with { Identity = v } : null),
        new("BasicAuthPassword", DeviceDataType.String, NeverRead, (p, v, _) => StationNetworkProfiles.IsPasswordString(v) ? p with { BasicAuthPassword = v } : null) { WriteOnly = true },
        new("ApnEnabled", DeviceDataType.Boolean, p => Flag(p.ApnEnabled), (p, v, _) => Bool(v) is { } on ? p with { ApnEnabled = on } : null),
        new("Apn", DeviceDataType.String, p => p.Apn?.Name ?? "", (p, v, _) => v.Length <= 2000 ? p with { Apn = (p.Apn ?? new()) with { Name = v } } : null),
        new("ApnAuthentication", DeviceDataType.OptionList, p => p.Apn?.Authentication ?? "", (p, v, _) => IsOneOf(v, ApnAuthentications) ? p with { Apn = (p.Apn ?? new()) with { Authentication = v } } : null) { Values = ApnAuthentications },
        new("ApnUserName", DeviceDataType.String, p => p.Apn?.UserName ?? "", (p, v, _) => v.Length <= 50 ? p with { Apn = (p.Apn ?? new()) with { UserName = v } } : null),
        new("ApnPassword", DeviceDataType.String, NeverRead, (p, v, _) => v.Length <= 64 ? p with { Apn = (p.Apn ?? new()) with { Password = v } } : null) { WriteOnly = true },
        new("SimPin", DeviceDataType.Integer, NeverRead, (p, v, _) => Whole(v) is { } pin ? p with { Apn = (p.Apn ?? new()) with { SimPin = pin } } : null) { WriteOnly = true },
        new("PreferredNetwork", DeviceDataType.String, p => p.Apn?.PreferredNetwork ?? "", (p, v, _) => v.Length <= 6 && v.All(char.IsAsciiDigit) ? p with { Apn = (p.Apn ?? new()) with { PreferredNetwork = v } } : null),
        new("UseOnlyPreferredNetwork", DeviceDataType.Boolean, p => Flag(p.Apn?.UseOnlyPreferredNetwork ?? false), (p, v, _) => Bool(v) is { } only ? p with { Apn = (p.Apn ?? new()) with { UseOnlyPreferredNetwork = only } } : null),
        new("VpnEnabled", DeviceDataType.Boolean, p => Flag(p.VpnEnabled), (p, v, _) => Bool(v) is { } on ? p with { VpnEnabled = on } : null),
        new("VpnServer", DeviceDataType.String, p => p.Vpn?.Server ?? "", (p, v, _) => v.Length <= 2000 ? p with { Vpn = (p.Vpn ?? new()) with { Server = v } } : null),
        new("VpnUser", DeviceDataType.String, p => p.Vpn?.User ?? "", (p, v, _) => v.Length <= 50 ? p with { Vpn = (p.Vpn ?? new()) with { User = v } } : null),
        new("VpnGroup", DeviceDataType.String, p => p.Vpn?.Group ?? "", (p, v, _) => v.Length <= 50 ? p with { Vpn = (p.Vpn ?? new()) with { Group = v } } : null),
        new("VpnPassword", DeviceDataType.String, NeverRead, (p, v, _) => v.Length <= 64 ? p with { Vpn = (p.Vpn ?? new()) with { Password = v } } : null) { WriteOnly = true },
        new("VpnKey", DeviceDataType.String, NeverRead, (p, v, _) => v.Length <= 255 ? p with { Vpn = (p.Vpn ?? new()) with { Key = v } } : null) { WriteOnly = true },
        new("VpnType", DeviceDataType.OptionList, p => p.Vpn?.Type ?? "", (p, v, _) => IsOneOf(v, VpnTypes) ? p with { Vpn = (p.Vpn ?? new()) with { Type = v } } : null) { Values = VpnTypes },
    ];

    /// <summary>The variable names, in report order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Fields.Select(f => f.Name)];

    /// <summary>Every variable of every slot's instance, slot by slot, read from and written to <paramref name="profiles"/>.</summary>
    public static IEnumerable<DeviceVariable> Of(StationNetworkProfiles profiles)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        for (var slot = 1; slot <= StationNetworkProfiles.SlotCount; slot++)
        {
            var component = new DeviceComponent(Component, Instance: slot.ToString(CultureInfo.InvariantCulture));
            foreach (var field in Fields)
            {
                yield return Variable(profiles, slot, component, field);
            }
        }
    }

    private static DeviceVariable Variable(StationNetworkProfiles profiles, int slot, DeviceComponent component, Field field) =>
        new(component, field.Name, field.Type, ReadOnly: false, () => profiles.In(slot) is { } profile && !field.WriteOnly ? field.Read(profile) : "")
        {
            WriteOnly = field.WriteOnly,
            Unit = field.Unit,
            ValuesList = field.Values,
            // A value the variable cannot hold is Rejected (2.x SetVariables); a valid one changes the slot, which need
            // not be complete yet: StationNetworkProfiles.CanFollow checks it once a priority lists it. What a value may
            // be depends on it alone (and on the security profile of the connection now), not on the slot's other fields.
            Write = value =>
            {
                var current = profiles.CurrentSecurityProfile;
                if (field.Write(NetworkProfile.Blank, value, current) is null)
                {
                    return SetOutcome.InvalidValue;
                }

                return profiles.Change(slot, p => field.Write(p, value, current)!).Outcome == NetworkProfileOutcome.Accepted ? SetOutcome.Accepted : SetOutcome.NotStored;
            },
        };

    // What a WriteOnly variable "reads": nothing; its value never leaves the station.
    private static string NeverRead(NetworkProfile profile) => "";

    private static bool IsWsUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Scheme is "ws" or "wss";

    private static bool IsOneOf(string value, string list) => list.Split(',').Contains(value, StringComparer.Ordinal);

    private static int? Whole(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static bool? Bool(string value) => value switch { "true" => true, "false" => false, _ => null };

    private static string Flag(bool value) => value ? "true" : "false";

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// One variable: how it reads a profile, and the profile with a new value given the current security profile
    /// (null: a value it cannot hold).
    /// </summary>
    private sealed record Field(string Name, DeviceDataType Type, Func<NetworkProfile, string> Read, Func<NetworkProfile, string, int, NetworkProfile?> Write)
    {
        public bool WriteOnly { get; init; }

        public string? Values { get; init; }

        public string? Unit { get; init; }
    }
}
