using DerSim.Gherkin.Features;
using DerSim.Harness.Conformance;
using DerSim.Ocpp;

namespace DerSim.Harness.Tests.Conformance;

/// <summary>
/// A <c>@TC_…</c> tag says a scenario is that OCA case: it must be a CSMS case of every version the scenario runs in,
/// or the tag misleads a vendor about what was checked.
/// </summary>
public sealed class CaseTagTests
{
    [Test]
    public void Every_case_tag_of_the_bundled_features_names_a_case_of_each_version_its_scenario_runs_in()
    {
        var loaded = FeatureLoader.Load([Path.Combine(AppContext.BaseDirectory, "features")], "en");
        loaded.Errors.ShouldBeEmpty();

        var coverage = CatalogueCoverage.Of(ConformanceCatalogue.Default, loaded.Features.SelectMany(f => f.Scenarios));

        coverage.Unknown.ShouldBeEmpty();
        coverage.ScenariosOf(ConformanceCatalogue.Default.Find(Ocpp.OcppVersion.V201, "TC_B_01_CSMS")!).ShouldNotBeEmpty();
        coverage.ScenariosOf(ConformanceCatalogue.Default.Find(Ocpp.OcppVersion.V16, "TC_001_CSMS")!).ShouldNotBeEmpty();
    }

    // conformance/not-covered.tsv says why a case has no scenario: a case that has one must not be listed there.
    [Test]
    public void No_case_said_to_have_no_scenario_has_one()
    {
        var loaded = FeatureLoader.Load([Path.Combine(AppContext.BaseDirectory, "features")], "en");
        var coverage = CatalogueCoverage.Of(ConformanceCatalogue.Default, loaded.Features.SelectMany(f => f.Scenarios));

        ConformanceCatalogue.Default.Cases
            .Where(c => c.NotCoveredReason is not null && coverage.ScenariosOf(c).Count > 0)
            .Select(c => $"{c.Version.DisplayName()} {c.Id}: has a scenario, remove it from conformance/not-covered.tsv")
            .ShouldBeEmpty();
    }

    [Test]
    public void A_tag_of_another_version_or_without_versions_is_named_with_its_line()
    {
        var (feature, errors) = FeatureLoader.Parse(
            """
            Feature: Tags
              @TC_B_01_CSMS
              Scenario Outline: Boot in <version>
                Given a step

                @ocpp1.6
                Examples: 1.6
                  | version |
                  | 1.6     |

                @ocpp2.0.1
                Examples: 2.0.1
                  | version |
                  | 2.0.1   |

              @TC_B_01_CSMS
              Scenario: No version
                Given a step
            """,
            "/features/tags.feature",
            "tags.feature",
            "en");
        errors.ShouldBeEmpty();

        var coverage = CatalogueCoverage.Of(ConformanceCatalogue.Default, feature!.Scenarios);

        coverage.Unknown.ShouldBe(
        [
            "/features/tags.feature:9 (Boot in 1.6): @TC_B_01_CSMS is no CSMS case of the OCPP 1.6 catalogue",
            "/features/tags.feature:17 (No version): @TC_B_01_CSMS needs the versions it runs in (@ocpp1.6, @ocpp2.0.1, @ocpp2.1)",
        ]);
        coverage.ScenariosOf(ConformanceCatalogue.Default.Find(Ocpp.OcppVersion.V201, "TC_B_01_CSMS")!).Count.ShouldBe(1);
    }
}
