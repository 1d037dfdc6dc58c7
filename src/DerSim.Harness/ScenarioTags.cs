using DerSim.Ocpp;

namespace DerSim.Harness;

/// <summary>
/// The tags DerSim reads on a scenario (without '@'): the OCPP versions it runs in (<c>@ocpp1.6</c>,
/// <c>@ocpp2.0.1</c>, <c>@ocpp2.1</c>) and the OCA test cases it is (<c>@TC_B_01_CSMS</c>).
/// </summary>
public static class ScenarioTags
{
    /// <summary>The tag of <paramref name="version"/>, e.g. <c>ocpp2.0.1</c>.</summary>
    public static string VersionTag(OcppVersion version) => "ocpp" + version.DisplayName();

    /// <summary>The versions <paramref name="tags"/> name, in version order; empty when they name none.</summary>
    public static IReadOnlyList<OcppVersion> VersionsOf(IEnumerable<string> tags)
    {
        var list = tags.ToList();
        return [.. OcppVersions.All.Where(v => list.Contains(VersionTag(v), StringComparer.OrdinalIgnoreCase))];
    }

    /// <summary>The OCA case ids among <paramref name="tags"/> (those starting <c>TC_</c>).</summary>
    public static IReadOnlyList<string> CaseIdsOf(IEnumerable<string> tags) =>
        [.. tags.Where(t => t.StartsWith("TC_", StringComparison.Ordinal))];
}
