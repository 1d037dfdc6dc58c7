using System.CommandLine;
using DerSim.Harness.Cli;
using DerSim.Harness.Conformance;
using DerSim.Ocpp;

namespace DerSim.Harness.Tests.Cli;

/// <summary><c>dersim catalogue</c> on the bundled features and on a feature whose case tag names another version's case.</summary>
[NonParallelizable]
public sealed class CatalogueCommandTests
{
    [Test]
    public void The_table_counts_cases_mandatory_ones_and_those_with_a_scenario_per_block()
    {
        var (exit, output, errors) = Catalogue("--version", "2.0.1", Path.Combine(AppContext.BaseDirectory, "features"));

        exit.ShouldBe(0, errors);
        output.ShouldContain("OCPP 2.0.1 CSMS cases (OCA catalogue)");
        output.ShouldNotContain("OCPP 2.1 CSMS cases");
        output.ShouldMatch(@"B Provisioning\s+22\s+8\s+11\s+\d+\s+\d+\n");
        output.ShouldMatch(@"all\s+252\s+104\s+200\s+\d+\s+\d+\n");
    }

    [Test]
    public void The_profile_table_counts_each_certification_profiles_mandatory_cases_and_those_with_a_scenario()
    {
        var (exit, output, errors) = Catalogue("--version", "2.0.1", Path.Combine(AppContext.BaseDirectory, "features"));

        exit.ShouldBe(0, errors);
        output.ShouldMatch(@"certification profile\s+mandatory\s+with scenario\s+none: why given\n\s+Core\s+104\s+\d+\s+\d+\n");
        output.ShouldMatch(@"\n\s+Smart Charging\s+21\s+\d+\s+\d+\n");
        output.ShouldMatch(@"\n\s+Advanced Security\s+4\s+\d+\s+\d+\n");
        output.ShouldMatch(@"\n\s+Local Authorization List Management\s+8\s+\d+\s+\d+\n");
    }

    [Test]
    public void Cases_lists_each_case_with_its_scenarios()
    {
        var (exit, output, _) = Catalogue("--version", "1.6", "--cases", Path.Combine(AppContext.BaseDirectory, "features"));

        exit.ShouldBe(0);
        output.ShouldMatch(@"TC_001_CSMS\s+Core\s+Cold Boot Charge Point\n\s+features/core/boot\.feature:\d+");
        // Cases no scenario is: those with DerSim's reason (conformance/not-covered.tsv) show it.
        var (_, v21, _) = Catalogue("--version", "2.1", "--cases", Path.Combine(AppContext.BaseDirectory, "features"));
        v21.ShouldMatch(@"TC_D_01_CSMS\s+-\s+.*\n\s+no scenario\n");
        foreach (var reasoned in ConformanceCatalogue.Default.Cases.Where(c => c.Version == OcppVersion.V21 && c.NotCoveredReason is not null))
        {
            v21.ShouldContain($"no scenario: {reasoned.NotCoveredReason}");
        }
    }

    [Test]
    public void A_tag_naming_no_case_of_its_version_exits_1_naming_file_and_line()
    {
        var directory = Directory.CreateTempSubdirectory("dersim-catalogue-");
        try
        {
            var feature = Path.Combine(directory.FullName, "tags.feature");
            File.WriteAllText(feature, """
                Feature: Tags
                  @ocpp1.6 @TC_B_01_CSMS
                  Scenario: A 2.x id on a 1.6 scenario
                    Given a step
                """);
            var (exit, _, errors) = Catalogue(feature);
            exit.ShouldBe(1);
            errors.ShouldContain("tags.feature:3 (A 2.x id on a 1.6 scenario): @TC_B_01_CSMS is no CSMS case of the OCPP 1.6 catalogue");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Test]
    public void The_last_runs_verdicts_show_per_block_and_per_case()
    {
        var features = Path.Combine(AppContext.BaseDirectory, "features");
        var loaded = DerSim.Gherkin.Features.FeatureLoader.Load([features], "en");
        var boot = loaded.Features.SelectMany(f => f.Scenarios).Where(s => s.Tags.Contains("TC_B_01_CSMS")).ToList();
        boot.ShouldNotBeEmpty();
        var results = boot.Select(s => new DerSim.Gherkin.Model.ScenarioResult(s, s.Tags.Contains("ocpp2.1") ? DerSim.Gherkin.Model.ScenarioStatus.Inconclusive : DerSim.Gherkin.Model.ScenarioStatus.Passed, TimeSpan.Zero, null, "", [])).ToList();
        var report = ConformanceReport.Build(ConformanceCatalogue.Default, loaded.Features.SelectMany(f => f.Scenarios), results, missingStepsFail: false);
        var file = Path.Combine(Directory.CreateTempSubdirectory("dersim-catalogue-").FullName, "conformance.json");
        File.WriteAllText(file, ConformanceReportJson.Write(report));
        try
        {
            var (exit, output, errors) = Catalogue("--version", "2.0.1", "--results", file, features);
            exit.ShouldBe(0, errors);
            output.ShouldContain($"verdicts: the run in {file}");
            output.ShouldMatch(@"block\s+cases\s+Core M\s+mandatory\s+with scenario\s+Core M covered\s+PASS\s+FAIL\s+N/A\s+INCONCLUSIVE\s+ERROR\n");
            output.ShouldMatch(@"B Provisioning\s+22\s+8\s+11\s+\d+\s+\d+\s+1\s+0\s+0\s+0\s+0\n");
            // TC_B_01 is mandatory in Core only: one PASS there, none in the other profiles.
            output.ShouldMatch(@"\n\s+Core\s+104\s+\d+\s+\d+\s+1\s+0\s+0\s+0\s+0\n");
            output.ShouldMatch(@"\n\s+Smart Charging\s+21\s+\d+\s+\d+\s+0\s+0\s+0\s+0\s+0\n");

            (exit, output, errors) = Catalogue("--version", "2.1", "--cases", "--results", file, features);
            exit.ShouldBe(0, errors);
            output.ShouldMatch(@"TC_B_01_CSMS\s+INCONCLUSIVE\s+Core");
            output.ShouldMatch(@"TC_\w+_CSMS\s+no scenario\s+");
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        }
    }

    [Test]
    public void Without_a_run_it_says_so_and_shows_no_verdict_columns()
    {
        var directory = Directory.CreateTempSubdirectory("dersim-catalogue-");
        var previous = Environment.GetEnvironmentVariable("DERSIM_ROOT");
        Environment.SetEnvironmentVariable("DERSIM_ROOT", directory.FullName);
        try
        {
            var (exit, output, errors) = Catalogue("--version", "1.6", Path.Combine(AppContext.BaseDirectory, "features"));
            exit.ShouldBe(0, errors);
            output.ShouldContain("verdicts: no run yet (");
            output.ShouldNotContain("INCONCLUSIVE");
        }
        finally
        {
            Environment.SetEnvironmentVariable("DERSIM_ROOT", previous);
            directory.Delete(recursive: true);
        }
    }

    [TestCase("{\"format\":\"dersim-conformance/1\",\"versions\":[{\"version\":\"2.1\",\"blocks\":{}}]}", "at $.versions[0].blocks: expected array, found object")]
    [TestCase("not json", "at $ (line 1): not JSON")]
    [TestCase(null, ": no such file")]
    public void A_bad_results_file_is_a_one_line_error_naming_file_and_path(string? content, string what)
    {
        var directory = Directory.CreateTempSubdirectory("dersim-catalogue-");
        try
        {
            var file = Path.Combine(directory.FullName, "conformance.json");
            if (content is not null)
            {
                File.WriteAllText(file, content);
            }

            var (exit, output, errors) = Catalogue("--results", file, Path.Combine(AppContext.BaseDirectory, "features"));
            exit.ShouldBe(2);
            output.ShouldBeEmpty();
            errors.TrimEnd().ShouldNotContain("\n");
            errors.ShouldStartWith("dersim catalogue: ");
            errors.ShouldContain(file);
            errors.ShouldContain(what);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Test]
    public void An_unknown_version_is_a_one_line_error()
    {
        var (exit, _, errors) = Catalogue("--version", "3.0");
        exit.ShouldBe(2);
        errors.Trim().ShouldBe("dersim catalogue: --version 3.0: expected 1.6, 2.0.1 or 2.1");
    }

    private static (int Exit, string Output, string Errors) Catalogue(params string[] args)
    {
        var (previousOut, previousError) = (Console.Out, Console.Error);
        using var output = new StringWriter();
        using var errors = new StringWriter();
        Console.SetOut(output);
        Console.SetError(errors);
        try
        {
            var exit = new RootCommand { CatalogueCommand.Create() }.Parse(["catalogue", .. args]).Invoke();
            return (exit, output.ToString(), errors.ToString());
        }
        finally
        {
            Console.SetOut(previousOut);
            Console.SetError(previousError);
        }
    }
}
