namespace DerSim.Sim.StationModel;

/// <summary>
/// The cellular data connection of a network profile (2.x APNType), field by field as the CSMS gave them: a 2.1 CSMS
/// writing the NetworkConfiguration component sets one variable at a time, so any of them may still be missing.
/// </summary>
public sealed record NetworkApn
{
    /// <summary>The access point name (apn). The default value is <see langword="null"/>.</summary>
    public string? Name { get; init; }

    /// <summary>PAP, CHAP, NONE or AUTO (apnAuthentication). The default value is <see langword="null"/>.</summary>
    public string? Authentication { get; init; }

    /// <summary>apnUserName. The default value is <see langword="null"/>.</summary>
    public string? UserName { get; init; }

    /// <summary>apnPassword (2.1); never read back. The default value is <see langword="null"/>.</summary>
    public string? Password { get; init; }

    /// <summary>The SIM card's PIN (simPin); never read back. The default value is <see langword="null"/>.</summary>
    public int? SimPin { get; init; }

    /// <summary>The preferred network as MCC and MNC (preferredNetwork). The default value is <see langword="null"/>.</summary>
    public string? PreferredNetwork { get; init; }

    /// <summary>Whether only the preferred network may be used (useOnlyPreferredNetwork). The default value is false.</summary>
    public bool UseOnlyPreferredNetwork { get; init; }
}
