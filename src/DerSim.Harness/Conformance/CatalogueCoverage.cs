using DerSim.Gherkin.Model;
using DerSim.Ocpp;

namespace DerSim.Harness.Conformance;

/// <summary>
/// Which cases of the catalogue the scenarios cover: a scenario covers case X in version V when it carries
/// <c>@X</c> and runs in V (its <c>@ocpp…</c> tags). Tags that name no case of a version the scenario runs in are
/// <see cref="Unknown"/>.
/// </summary>
public sealed class CatalogueCoverage
{
    private readonly Dictionary<(OcppVersion, string), List<ScenarioCase>> _scenarios = [];

    private CatalogueCoverage(ConformanceCatalogue catalogue) => Catalogue = catalogue;

    /// <summary>The catalogue covered.</summary>
    public ConformanceCatalogue Catalogue { get; }

    /// <summary>Case tags that do not fit: the scenario, the tag and why (one line each).</summary>
    public IReadOnlyList<string> Unknown { get; private set; } = [];

    /// <summary>Reads the coverage of <paramref name="scenarios"/>.</summary>
    public static CatalogueCoverage Of(ConformanceCatalogue catalogue, IEnumerable<ScenarioCase> scenarios)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(scenarios);
        var coverage = new CatalogueCoverage(catalogue);
        var unknown = new List<string>();
        foreach (var scenario in scenarios)
        {
            var ids = ScenarioTags.CaseIdsOf(scenario.Tags);
            if (ids.Count == 0)
            {
                continue;
            }

            var versions = ScenarioTags.VersionsOf(scenario.Tags);
            var where = $"{scenario.Feature.DisplayPath}:{scenario.Line} ({scenario.Title})";
            if (versions.Count == 0)
            {
                unknown.Add($"{where}: @{string.Join(", @", ids)} needs the versions it runs in (@ocpp1.6, @ocpp2.0.1, @ocpp2.1)");
                continue;
            }

            foreach (var id in ids)
            {
                foreach (var version in versions)
                {
                    if (catalogue.Find(version, id) is null)
                    {
                        unknown.Add($"{where}: @{id} is no CSMS case of the OCPP {version.DisplayName()} catalogue");
                        continue;
                    }

                    if (!coverage._scenarios.TryGetValue((version, id), out var list))
                    {
                        coverage._scenarios[(version, id)] = list = [];
                    }

                    list.Add(scenario);
                }
            }
        }

        coverage.Unknown = [.. unknown.Distinct(StringComparer.Ordinal)];
        return coverage;
    }

    /// <summary>The scenarios (one per example row) that are <paramref name="case"/>.</summary>
    public IReadOnlyList<ScenarioCase> ScenariosOf(CatalogueCase @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        return _scenarios.TryGetValue((@case.Version, @case.Id), out var list) ? list : [];
    }

    /// <summary>Per block of <paramref name="version"/>: its cases, those mandatory in Core, in any profile, and those with a scenario.</summary>
    public IReadOnlyList<BlockCoverage> Blocks(OcppVersion version) =>
    [
        .. Catalogue.Cases.Where(c => c.Version == version).GroupBy(c => c.Block).Select(g => new BlockCoverage(
            g.Key,
            g.Count(),
            g.Count(c => c.IsMandatoryIn("Core")),
            g.Count(c => c.Profiles.Values.Contains("M")),
            g.Count(c => ScenariosOf(c).Count > 0),
            g.Count(c => c.IsMandatoryIn("Core") && ScenariosOf(c).Count > 0))),
    ];

    /// <summary>
    /// Per certification profile of <paramref name="version"/> that makes some case mandatory: its mandatory cases and
    /// those with a scenario; Core first, then by name.
    /// </summary>
    public IReadOnlyList<ProfileCoverage> Profiles(OcppVersion version)
    {
        var cases = Catalogue.Cases.Where(c => c.Version == version).ToList();
        return
        [
            .. cases.SelectMany(c => c.Profiles.Where(p => p.Value == "M").Select(p => p.Key)).Distinct(StringComparer.Ordinal)
                .OrderBy(p => p == "Core" ? 0 : 1).ThenBy(p => p, StringComparer.Ordinal)
                .Select(profile =>
                {
                    var mandatory = cases.Where(c => c.IsMandatoryIn(profile)).ToList();
                    return new ProfileCoverage(profile, mandatory.Count, mandatory.Count(c => ScenariosOf(c).Count > 0), mandatory);
                }),
        ];
    }
}
