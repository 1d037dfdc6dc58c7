using System.CommandLine;
using DerSim.Harness.Cli;

namespace DerSim.Harness.Tests.Cli;

/// <summary><c>dersim check</c> on the bundled features and on a scratch feature with an unknown step.</summary>
[NonParallelizable]
public sealed class CheckCommandTests
{
    [Test]
    public void The_bundled_features_pass_the_dry_run()
    {
        var (exit, output) = Check(Path.Combine(AppContext.BaseDirectory, "features"));
        exit.ShouldBe(0, output);
        output.ShouldContain("0 parse error(s), 0 undefined, 0 ambiguous, 0 binding error(s)");
    }

    [Test]
    public void An_unknown_step_fails_with_its_line_and_a_snippet_to_paste()
    {
        var directory = Directory.CreateTempSubdirectory("dersim-check-");
        try
        {
            var feature = Path.Combine(directory.FullName, "scratch.feature");
            File.WriteAllText(feature, """
                Feature: Scratch
                  Scenario: Unknown step
                    Given a station "X" with profile "EVSE-AC-22kW-1port" on OCPP 2.0.1
                    Given the grid frequency rises to 50.5 Hz on "feeder 2"
                """);
            var (exit, output) = Check(feature);
            exit.ShouldBe(1, output);
            output.ShouldContain("scratch.feature:4: undefined step: Given the grid frequency rises to 50.5 Hz on \"feeder 2\"");
            output.ShouldContain("[Given(\"the grid frequency rises to {float} Hz on {string}\")]");
            output.ShouldContain("1 undefined");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Test]
    public void A_parse_error_fails_with_file_line_and_column()
    {
        var directory = Directory.CreateTempSubdirectory("dersim-check-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "broken.feature"), "Feature: Broken\n  Scenario: One\n    Given a step\n  Scenari: typo\n");
            var (exit, output) = Check(directory.FullName);
            exit.ShouldBe(1, output);
            output.ShouldContain("broken.feature:4:3:");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static (int Exit, string Output) Check(string path)
    {
        var previous = Console.Out;
        using var captured = new StringWriter();
        Console.SetOut(captured);
        try
        {
            var exit = new RootCommand { CheckCommand.Create() }.Parse(["check", path]).Invoke();
            return (exit, captured.ToString());
        }
        finally
        {
            Console.SetOut(previous);
        }
    }
}
