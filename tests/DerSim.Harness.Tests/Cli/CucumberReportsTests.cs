namespace DerSim.Harness.Tests.Cli;

/// <summary>
/// <c>dersim run</c> writes Reqnroll's Cucumber reports into the reports folder, except a formatter the user configured
/// in their reqnroll.json, which Reqnroll writes where they said.
/// </summary>
public sealed class CucumberReportsTests
{
    [Test]
    public async Task A_formatter_configured_in_reqnroll_json_is_left_as_the_user_set_it()
    {
        var project = Directory.CreateTempSubdirectory("dersim-formatters-");
        try
        {
            var mine = Path.Combine(project.FullName, "mine.html");
            await File.WriteAllTextAsync(Path.Combine(project.FullName, "reqnroll.json"), $$"""
                { "formatters": { "html": { "outputFilePath": "{{mine}}" } } }
                """);
            var feature = Path.Combine(project.FullName, "boot.feature");
            await File.WriteAllTextAsync(feature, """
                Feature: Boot
                  Scenario: The CSMS accepts the boot
                    Given a station with profile "EVSE-AC-22kW-1port" on OCPP 2.0.1
                    When the station connects to the CSMS
                    Then the CSMS answers the boot with "Accepted"
                """);
            var reports = Path.Combine(project.FullName, "reports");

            var (exit, stdout, stderr) = await DersimProcess.RunInAsync(project.FullName, TimeSpan.FromSeconds(180), "run", feature, "--reports", reports, "--no-html");

            exit.ShouldBe(0, $"{stdout}\n{stderr}");
            stderr.ShouldNotContain("unknown key");
            File.ReadAllText(mine).ShouldContain("The CSMS accepts the boot");
            File.Exists(Path.Combine(reports, "cucumber-report.html")).ShouldBeFalse("the user's html formatter setting was overridden");
            File.ReadAllText(Path.Combine(reports, "cucumber-messages.ndjson")).ShouldContain("The CSMS accepts the boot");
        }
        finally
        {
            project.Delete(recursive: true);
        }
    }
}
