using DerSim.Ocpp;

namespace DerSim.Harness.Conformance;

/// <summary>One CSMS test case of the OCA's catalogue: the test tool plays the charging station, the CSMS is under test.</summary>
/// <param name="Version">The OCPP version whose catalogue lists it.</param>
/// <param name="Id">The case id as the OCA writes it, e.g. <c>TC_B_01_CSMS</c>.</param>
/// <param name="Block">The functional block (2.x: <c>B Provisioning</c>; 1.6: the feature profile, <c>Core</c>).</param>
/// <param name="Title">The case's name.</param>
/// <param name="Profiles">The certification profiles that ask for it, each with how: <c>M</c> (mandatory) or <c>C(…)</c> (conditional).</param>
public sealed record CatalogueCase(OcppVersion Version, string Id, string Block, string Title, IReadOnlyDictionary<string, string> Profiles)
{
    /// <summary>Whether <paramref name="profile"/> (e.g. <c>Core</c>) makes the case mandatory.</summary>
    public bool IsMandatoryIn(string profile) => Profiles.TryGetValue(profile, out var how) && how == "M";

    /// <summary>
    /// Why DerSim has no scenario for the case (conformance/not-covered.tsv), or null when it has one or no reason is
    /// given.
    /// </summary>
    public string? NotCoveredReason { get; init; }
}
