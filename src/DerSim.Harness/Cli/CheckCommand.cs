using System.CommandLine;
using DerSim.Gherkin.Configuration;
using DerSim.Gherkin.Features;
using DerSim.Gherkin.Glue;

namespace DerSim.Harness.Cli;

/// <summary>
/// <c>dersim check [paths]</c>: a dry run. Parses every feature and matches every step against the step library,
/// without starting anything; reports parse errors, undefined steps (with a snippet to paste) and ambiguous steps with
/// file:line, and exits 1 if there is any.
/// </summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "feature files or folders (default: features/)", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("check", "Parse the features and match every step against the step library without running anything; exit 1 on a parse error, undefined or ambiguous step.")
        {
            paths,
        };
        command.SetAction(result => Run(GherkinSetup.FeaturePaths(result.GetValue(paths))));
        return command;
    }

    private static int Run(IReadOnlyList<string> paths)
    {
        GherkinSetup setup;
        try
        {
            setup = GherkinSetup.Load();
        }
        catch (ReqnrollConfigException ex)
        {
            Console.Error.WriteLine($"dersim check: {ex.Message}");
            return 2;
        }

        var missing = paths.Where(p => !File.Exists(p) && !Directory.Exists(p)).ToList();
        if (missing.Count > 0)
        {
            Console.Error.WriteLine($"dersim check: no such feature file or folder: {string.Join(", ", missing)}");
            return 2;
        }

        // Reqnroll builds its registry on one core while the features are parsed on the other.
        var bindings = Task.Run(setup.Bindings);
        var loaded = FeatureLoader.Load(paths, setup.Config.FeatureLanguage);
        DryRun dryRun;
        try
        {
            dryRun = bindings.GetAwaiter().GetResult();
        }
        catch (ReqnrollBindingsException ex)
        {
            Console.Error.WriteLine($"dersim check: {ex.Message}");
            return 2;
        }

        var problems = 0;
        foreach (var error in loaded.Errors)
        {
            Console.WriteLine($"{error}");
            problems++;
        }

        var bindingErrors = BindingErrors.Of(dryRun.Registry);
        foreach (var error in bindingErrors)
        {
            Console.WriteLine($"binding error: {error}");
            problems++;
        }

        var snippets = new List<string>();
        var steps = 0;
        var undefined = 0;
        var ambiguous = 0;
        foreach (var scenario in loaded.Features.SelectMany(f => f.Scenarios))
        {
            foreach (var step in scenario.Steps)
            {
                steps++;
                var match = dryRun.Match(scenario, step);
                var where = $"{Display(scenario.Feature.Path)}:{step.Line}";
                switch (match.Kind)
                {
                    case StepMatchKind.Matched:
                        continue;
                    case StepMatchKind.Undefined:
                        undefined++;
                        Console.WriteLine($"{where}: undefined step: {step.Keyword} {step.Text}");
                        if (match.Snippet is { } snippet && !snippets.Contains(snippet))
                        {
                            snippets.Add(snippet);
                        }

                        break;
                    case StepMatchKind.Ambiguous:
                        ambiguous++;
                        Console.WriteLine($"{where}: ambiguous step: {step.Keyword} {step.Text}: several step definitions match: {string.Join(", ", match.Bindings)}");
                        break;
                    default:
                        ambiguous++;
                        Console.WriteLine($"{where}: unusable step: {step.Keyword} {step.Text}: the expression matches but the method's parameters do not fit the step: {string.Join(", ", match.Bindings)}");
                        break;
                }
            }
        }

        if (snippets.Count > 0)
        {
            Console.WriteLine();
            Console.WriteLine("Step definitions to add (paste into a [Binding] class):");
            foreach (var snippet in snippets)
            {
                Console.WriteLine();
                Console.WriteLine(snippet);
            }
        }

        problems += undefined + ambiguous;
        var scenarios = loaded.Features.Sum(f => f.Scenarios.Count);
        Console.WriteLine();
        Console.WriteLine($"{loaded.Features.Count} feature(s), {scenarios} scenario(s), {steps} step(s): {loaded.Errors.Count} parse error(s), {undefined} undefined, {ambiguous} ambiguous, {bindingErrors.Count} binding error(s)");
        return problems == 0 ? 0 : 1;
    }

    private static string Display(string path)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }
}
