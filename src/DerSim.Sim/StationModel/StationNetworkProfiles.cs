using System.Globalization;

namespace DerSim.Sim.StationModel;

/// <summary>
/// The station's NetworkConnectionProfile slots (OCPP 2.x B09) and the security profile it connects with now. Slot
/// numbers run from 1 to <see cref="SlotCount"/>; OCPPCommCtrlr.NetworkConfigurationPriority lists the slots to try
/// in order.
/// </summary>
public sealed class StationNetworkProfiles
{
    /// <summary>How many configuration slots the station has.</summary>
    public const int SlotCount = 3;

    private readonly Lock _gate = new();
    private readonly Dictionary<int, NetworkProfile> _slots = [];

    /// <summary>The security profile of the current connection (0 to 3). The default value is 0.</summary>
    public int CurrentSecurityProfile { get; set; }

    /// <summary>
    /// A simulated fault: the station cannot write a profile to its storage, so a valid one is answered Failed
    /// (B09.FR.03). The default value is false.
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
    /// The profile a (re)booting station connects with (B10, A05): the one stored in the first slot of
    /// <paramref name="priority"/> (an OCPPCommCtrlr.NetworkConfigurationPriority value), or null when that slot holds
    /// none (the connection the station was installed with stays).
    /// </summary>
    public NetworkProfile? Preferred(string? priority)
    {
        var first = (priority ?? "").Split(',', StringSplitOptions.TrimEntries)[0];
        return int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var slot) ? In(slot) : null;
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
    /// Checks a profile the CSMS sent for <paramref name="slot"/> and stores it (B09.FR.01). Rejected (B09.FR.02) when
    /// the slot is not one of the station's, the transport is not JSON, the URL is not ws:// or wss:// as the security
    /// profile needs (profiles 2 and 3 run over TLS, A00), or the security profile is below the current one (a station
    /// never falls back to a lower profile, A05). Failed (B09.FR.03) when a valid profile cannot be stored.
    /// </summary>
    public (NetworkProfileOutcome Outcome, string Reason) Store(int slot, NetworkProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var why = slot is < 1 or > SlotCount ? $"slot {slot} is not one of the station's slots 1 to {SlotCount}"
            : profile.Transport != "JSON" ? $"transport {profile.Transport} is not spoken (JSON only)"
            : profile.SecurityProfile is < 0 or > 3 ? $"security profile {profile.SecurityProfile} does not exist"
            : profile.SecurityProfile < CurrentSecurityProfile ? $"security profile {profile.SecurityProfile} is below the current {CurrentSecurityProfile}"
            : !Uri.TryCreate(profile.CsmsUrl, UriKind.Absolute, out var url) || url.Scheme != (profile.SecurityProfile >= 2 ? "wss" : "ws")
                ? $"URL {profile.CsmsUrl} is not {(profile.SecurityProfile >= 2 ? "wss" : "ws")}:// as security profile {profile.SecurityProfile} needs"
            : profile.MessageTimeoutSeconds <= 0 ? $"message timeout {profile.MessageTimeoutSeconds} is not positive"
            // 2.1 B09: a password given for the connection is a passwordString (16 to 40 characters), an identity at most 48.
            : profile.BasicAuthPassword is { } password && !IsPasswordString(password) ? "basicAuthPassword is not a passwordString of 16 to 40 characters"
            : profile.Identity is { Length: 0 or > 48 } ? "identity is empty or longer than 48 characters"
            : null;
        if (why is not null)
        {
            return (NetworkProfileOutcome.Rejected, why);
        }

        if (StorageFails)
        {
            return (NetworkProfileOutcome.Failed, $"slot {slot} could not be written");
        }

        lock (_gate)
        {
            _slots[slot] = profile;
        }

        return (NetworkProfileOutcome.Accepted, $"stored in slot {slot}");
    }

    private static bool IsPasswordString(string value) =>
        value.Length is >= 16 and <= 40 && value.All(c => char.IsAsciiLetterOrDigit(c) || "*-_=:+|@.".Contains(c, StringComparison.Ordinal));
}
