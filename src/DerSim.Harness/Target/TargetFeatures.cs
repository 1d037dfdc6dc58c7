namespace DerSim.Harness.Target;

/// <summary>
/// The optional features a target declares (<c>dersim.target.features</c>) and scenarios require with a
/// <c>@requires:NAME</c> tag; the names follow OCPP 1.6's feature profiles and OCPP 2.1's functional blocks.
/// </summary>
public static class TargetFeatures
{
    /// <summary>The tag prefix by which a scenario (or feature) says what it needs: <c>@requires:SmartCharging</c>.</summary>
    public const string TagPrefix = "requires:";

    /// <summary>Every feature name a declaration may list.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        "SmartCharging",
        "RemoteTrigger",
        "Reservation",
        "LocalAuthListManagement",
        "FirmwareManagement",
        "BidirectionalPowerTransfer",
        "DERControl",
        "ISO15118Support",
    ];

    /// <summary>The features a scenario with <paramref name="tags"/> (without '@') requires.</summary>
    public static IEnumerable<string> RequiredBy(IEnumerable<string> tags) =>
        tags.Where(t => t.StartsWith(TagPrefix, StringComparison.Ordinal)).Select(t => t[TagPrefix.Length..]).Distinct(StringComparer.Ordinal);
}
