using System.Globalization;

namespace DerSim.Sim.StationModel;

/// <summary>
/// The station's NetworkConnectionProfile slots (OCPP 2.x B09) and the security profile it connects with now: one
/// store behind both ways a CSMS writes a slot, SetNetworkProfile (a whole profile) and, in 2.1, SetVariables of the
/// NetworkConfiguration component (one variable at a time; <see cref="NetworkConfigurationVariables"/> is that view).
/// Slot numbers run from 1 to <see cref="SlotCount"/>; slot 1 starts with the connection the station was installed
/// with. OCPPCommCtrlr.NetworkConfigurationPriority lists the slots to try, in order.
/// </summary>
public sealed class StationNetworkProfiles
{
    /// <summary>How many configuration slots the station has.</summary>
    public const int SlotCount = 3;

    private readonly Lock _gate = new();
    private readonly Dictionary<int, NetworkProfile> _slots = [];
    private NetworkProfile? _installed;

    /// <summary>The security profile of the current connection (0 to 3). The default value is 0.</summary>
    public int CurrentSecurityProfile { get; set; }

    /// <summary>
    /// A simulated fault: the station cannot write a profile to its storage, so a valid one is answered Failed
    /// (B09.FR.03) and a NetworkConfiguration variable Rejected. The default value is false.
    /// </summary>
    public bool StorageFails { get; set; }

    /// <summary>The profile stored in <paramref name="slot"/>, or null.</summary>
    public NetworkProfile? In(int slot)
    {
        lock (_gate)
        {
            return _slots.GetValueOrDefault(slot);
        }
    }

    /// <summary>
    /// Puts the connection the station was installed with into slot 1, as its installer does, unless something is
    /// stored there already (a station that runs again keeps what the CSMS wrote). Not checked: it is what the station
    /// connects with.
    /// </summary>
    public void Install(NetworkProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        lock (_gate)
        {
            if (_slots.TryAdd(1, profile))
            {
                _installed = profile;
            }
        }
    }

    /// <summary>Whether <paramref name="profile"/> is the installed connection of <see cref="Install"/>, unchanged by any CSMS.</summary>
    public bool IsInstalled(NetworkProfile profile)
    {
        lock (_gate)
        {
            return ReferenceEquals(profile, _installed);
        }
    }

    /// <summary>
    /// The profile a (re)booting station connects with (B10, A05): that of the first slot of <paramref name="priority"/>
    /// (an OCPPCommCtrlr.NetworkConfigurationPriority value) holding a profile it can connect with now; a slot holding
    /// none, an incomplete one or one below the current security profile (a station never falls back to a lower
    /// one, A05) is passed over. Null when no slot qualifies: the connection the station has stays.
    /// </summary>
    public NetworkProfile? Preferred(string? priority)
    {
        foreach (var text in (priority ?? "").Split(',', StringSplitOptions.TrimEntries))
        {
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var slot)
                && In(slot) is { } profile && Unusable(profile) is null && profile.SecurityProfile >= CurrentSecurityProfile)
            {
                return profile;
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="value"/> is a NetworkConfigurationPriority: slot numbers of this station, comma-separated, each once.</summary>
    public static bool IsPriorityList(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var slots = value.Split(',', StringSplitOptions.TrimEntries);
        return slots.Length > 0
            && slots.All(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= SlotCount)
            && slots.Distinct(StringComparer.Ordinal).Count() == slots.Length;
    }

    /// <summary>
    /// Whether every slot of a NetworkConfigurationPriority <paramref name="value"/> holds a complete profile: a list
    /// naming a slot the station could not connect with is no priority it can follow (a 2.1 CSMS that writes the
    /// NetworkConfiguration variable by variable must finish a slot before it lists it).
    /// </summary>
    public bool CanFollow(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return IsPriorityList(value) && value.Split(',', StringSplitOptions.TrimEntries)
            .All(s => In(int.Parse(s, CultureInfo.InvariantCulture)) is { } profile && Unusable(profile) is null);
    }

    /// <summary>
    /// Checks a profile the CSMS sent for <paramref name="slot"/> and stores it (B09.FR.01). Rejected (B09.FR.02) when
    /// the slot is not one of the station's, the profile is one the station cannot use (<see cref="Unusable"/>) or its
    /// security profile is below the current one (a station never falls back to a lower profile, A05). Failed
    /// (B09.FR.03) when a valid profile cannot be stored.
    /// </summary>
    public (NetworkProfileOutcome Outcome, string Reason) Store(int slot, NetworkProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var why = !IsSlot(slot) ? NotASlot(slot)
            : Unusable(profile) ?? (profile.SecurityProfile < CurrentSecurityProfile ? $"security profile {profile.SecurityProfile} is below the current {CurrentSecurityProfile}" : null);
        if (why is not null)
        {
            return (NetworkProfileOutcome.Rejected, why);
        }

        return Write(slot, _ => profile);
    }

    /// <summary>
    /// Changes what <paramref name="slot"/> holds (a blank profile when nothing yet) by <paramref name="change"/>: one
    /// NetworkConfiguration variable written, checked by the caller. The profile need not be complete yet; it is
    /// checked when a priority lists it and when the station connects. Rejected for a slot the station does not
    /// have, Failed when the storage fails.
    /// </summary>
    public (NetworkProfileOutcome Outcome, string Reason) Change(int slot, Func<NetworkProfile, NetworkProfile> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return IsSlot(slot) ? Write(slot, change) : (NetworkProfileOutcome.Rejected, NotASlot(slot));
    }

    /// <summary>
    /// Why the station could not connect with <paramref name="profile"/>, or null when it could: the transport is not
    /// JSON, the URL is not ws:// or wss:// as the security profile needs (profiles 2 and 3 run over TLS, A00), a
    /// required field is missing, or a credential is malformed; with the APN or VPN switched on, that part must be
    /// complete (2.x APNType, VPNType).
    /// </summary>
    public static string? Unusable(NetworkProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var scheme = profile.SecurityProfile >= 2 ? "wss" : "ws";
        return profile.CsmsUrl.Length == 0 ? "it has no CSMS URL"
            : profile.Transport != "JSON" ? $"transport {(profile.Transport.Length == 0 ? "(none)" : profile.Transport)} is not spoken (JSON only)"
            : profile.Interface.Length == 0 ? "it names no network interface"
            : profile.SecurityProfile is < 0 or > 3 ? $"security profile {profile.SecurityProfile} does not exist"
            : !Uri.TryCreate(profile.CsmsUrl, UriKind.Absolute, out var url) || url.Scheme != scheme
                ? $"URL {profile.CsmsUrl} is not {scheme}:// as security profile {profile.SecurityProfile} needs"
            : profile.MessageTimeoutSeconds <= 0 ? $"message timeout {profile.MessageTimeoutSeconds} is not positive"
            // 2.1 B09: a password given for the connection is a passwordString (16 to 40 characters), an identity at most 48.
            : profile.BasicAuthPassword is { } password && !IsPasswordString(password) ? "basicAuthPassword is not a passwordString of 16 to 40 characters"
            : profile.Identity is { Length: 0 or > 48 } ? "identity is empty or longer than 48 characters"
            : profile.ApnEnabled && profile.Apn is not { Name: not null, Authentication: not null } ? "the APN is switched on without its name and authentication"
            : profile.VpnEnabled && profile.Vpn is not { Server: not null, User: not null, Password: not null, Key: not null, Type: not null }
                ? "the VPN is switched on without its server, user, password, key and type"
            : null;
    }

    /// <summary>Whether <paramref name="value"/> is a passwordString of the 2.x device model: 16 to 40 characters of letters, digits and *-_=:+|@.</summary>
    public static bool IsPasswordString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length is >= 16 and <= 40 && value.All(c => char.IsAsciiLetterOrDigit(c) || "*-_=:+|@.".Contains(c, StringComparison.Ordinal));
    }

    private (NetworkProfileOutcome Outcome, string Reason) Write(int slot, Func<NetworkProfile, NetworkProfile> change)
    {
        if (StorageFails)
        {
            return (NetworkProfileOutcome.Failed, $"slot {slot} could not be written");
        }

        lock (_gate)
        {
            _slots[slot] = change(_slots.GetValueOrDefault(slot) ?? NetworkProfile.Blank);
        }

        return (NetworkProfileOutcome.Accepted, $"stored in slot {slot}");
    }

    private static bool IsSlot(int slot) => slot is >= 1 and <= SlotCount;

    private static string NotASlot(int slot) => $"slot {slot} is not one of the station's slots 1 to {SlotCount}";
}
