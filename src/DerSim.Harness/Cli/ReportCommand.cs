using System.CommandLine;
using DerSim.Harness.Reporting;

namespace DerSim.Harness.Cli;

/// <summary><c>dersim report</c>: renders the Allure results of the last run into one self-contained HTML file.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var results = new Option<string>("--results") { Description = "the Allure results folder", DefaultValueFactory = _ => Path.Combine("reports", "allure-results") };
        var output = new Option<string>("--output") { Description = "the report folder (index.html is written into it)", DefaultValueFactory = _ => Path.Combine("reports", "allure-report") };
        var command = new Command("report", "Render reports/allure-results into reports/allure-report/index.html (one file that opens from file://), with the npm allure 3 package.")
        {
            results, output,
        };
        command.SetAction(async (result, ct) =>
        {
            var outcome = await ReportRenderer.RenderAsync(result.GetValue(results)!, result.GetValue(output)!, ct);
            if (!outcome.Rendered)
            {
                await Console.Error.WriteLineAsync($"dersim report: {outcome.Message}");
                return 1;
            }

            Console.WriteLine($"{outcome.Message} (rendered in {outcome.Elapsed.TotalSeconds:0.0}s)");
            return 0;
        });
        return command;
    }
}
