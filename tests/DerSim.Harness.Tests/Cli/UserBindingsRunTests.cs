using System.Text.Json;

namespace DerSim.Harness.Tests.Cli;

/// <summary>
/// A QA engineer's own Reqnroll binding library (tests/DerSim.UserBindings: Reqnroll only, no DerSim types), named by
/// path in their reqnroll.json, runs unchanged beside DerSim's steps in <c>dersim run</c>, and the run's Cucumber
/// Messages name the scenario.
/// </summary>
public sealed class UserBindingsRunTests
{
    private const string Feature = """
        Feature: A user's own bindings beside DerSim's
          @user
          Scenario: The user's steps and hooks run beside DerSim's steps
            Given a station with profile "EVSE-AC-22kW-1port" on OCPP 2.0.1
            And the user counts the rows of
              | row |
              | a   |
              | b   |
            When the station connects to the CSMS
            Then the CSMS answers the boot with "Accepted"
            And the user's count is 2
            And the user's hook ran
        """;

    [Test]
    public async Task A_binding_library_named_by_path_in_reqnroll_json_runs_beside_DerSims_steps()
    {
        var project = Directory.CreateTempSubdirectory("dersim-user-project-");
        try
        {
            // The library where a user keeps it, outside DerSim's folder, named relative to their reqnroll.json.
            var lib = Directory.CreateDirectory(Path.Combine(project.FullName, "lib"));
            File.Copy(Path.Combine(AppContext.BaseDirectory, "DerSim.UserBindings.dll"), Path.Combine(lib.FullName, "DerSim.UserBindings.dll"));
            await File.WriteAllTextAsync(Path.Combine(project.FullName, "reqnroll.json"), """
                { "bindingAssemblies": [ { "assembly": "lib/DerSim.UserBindings.dll" } ] }
                """);
            var feature = Path.Combine(project.FullName, "user.feature");
            await File.WriteAllTextAsync(feature, Feature);
            var reports = Path.Combine(project.FullName, "reports");

            var (exit, stdout, stderr) = await DersimProcess.RunInAsync(project.FullName, TimeSpan.FromSeconds(180), "run", feature, "--reports", reports, "--no-html");

            exit.ShouldBe(0, $"{stdout}\n{stderr}");
            stdout.ShouldContain("1 passed, 0 failed, 0 skipped");
            var messages = File.ReadAllLines(Path.Combine(reports, "cucumber-messages.ndjson")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
            var pickles = messages.Where(m => m.TryGetProperty("pickle", out _)).Select(m => m.GetProperty("pickle").GetProperty("name").GetString()).ToList();
            pickles.ShouldBe(["The user's steps and hooks run beside DerSim's steps"]);
            messages.Count(m => m.TryGetProperty("testCaseFinished", out _)).ShouldBe(1);
            File.Exists(Path.Combine(reports, "cucumber-report.html")).ShouldBeTrue();
        }
        finally
        {
            project.Delete(recursive: true);
        }
    }

    [Test]
    public async Task A_binding_library_that_is_not_there_ends_the_run_with_exit_2_naming_the_file_and_entry()
    {
        var project = Directory.CreateTempSubdirectory("dersim-user-project-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(project.FullName, "reqnroll.json"), """
                { "bindingAssemblies": [ { "assembly": "lib/Missing.Steps.dll" } ] }
                """);
            var feature = Path.Combine(project.FullName, "user.feature");
            await File.WriteAllTextAsync(feature, Feature);

            var (exit, stdout, stderr) = await DersimProcess.RunInAsync(project.FullName, TimeSpan.FromSeconds(120), "run", feature, "--reports", Path.Combine(project.FullName, "reports"), "--no-html");

            exit.ShouldBe(2, $"{stdout}\n{stderr}");
            var error = stderr.Trim().Split('\n').ShouldHaveSingleItem();
            error.ShouldContain("reqnroll.json");
            error.ShouldContain("\"lib/Missing.Steps.dll\" not found");
            stderr.ShouldNotContain("   at ");
        }
        finally
        {
            project.Delete(recursive: true);
        }
    }
}
