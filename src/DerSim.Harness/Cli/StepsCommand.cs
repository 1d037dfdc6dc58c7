using System.CommandLine;
using DerSim.Gherkin.Catalogue;
using DerSim.Gherkin.Configuration;
using DerSim.Gherkin.Glue;
using Reqnroll.Bindings;

namespace DerSim.Harness.Cli;

/// <summary>
/// <c>dersim steps</c>: the step library, one step per line starting with its keyword, then its parameters, doc comment
/// and example; <c>--markdown [file]</c> writes the reference page instead (default docs/steps.md).
/// </summary>
internal static class StepsCommand
{
    public static Command Create()
    {
        var markdown = new Option<string?>("--markdown") { Description = "write a Markdown reference page to this file (default docs/steps.md) instead of listing", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("steps", "List every step of the library with its parameters, doc comment and an example.")
        {
            markdown,
        };
        command.SetAction(result =>
        {
            IBindingRegistry registry;
            try
            {
                registry = GherkinSetup.Load().Bindings().Registry;
            }
            catch (Exception ex) when (ex is ReqnrollConfigException or ReqnrollBindingsException)
            {
                Console.Error.WriteLine($"dersim steps: {ex.Message}");
                return 2;
            }

            var entries = StepCatalogue.Entries(registry);
            if (result.GetResult(markdown) is null)
            {
                Console.Write(StepCatalogue.Lines(entries));
                return 0;
            }

            var path = result.GetValue(markdown) is { Length: > 0 } given ? given : Path.Combine(GherkinSetup.Root(), "docs", "steps.md");
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            var temporary = path + ".tmp";
            File.WriteAllText(temporary, StepCatalogue.Markdown(entries));
            File.Move(temporary, path, overwrite: true);
            Console.WriteLine($"wrote {entries.Count} steps to {path}");
            return 0;
        });
        return command;
    }
}
