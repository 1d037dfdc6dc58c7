using System.CommandLine;
using System.Globalization;
using System.Text;
using DerSim.Gherkin.Configuration;
using DerSim.Gherkin.Features;
using DerSim.Harness.Conformance;
using DerSim.Ocpp;

namespace DerSim.Harness.Cli;

/// <summary>
/// <c>dersim catalogue [paths]</c>: the OCA's CSMS test cases per OCPP version and block, how many are mandatory, and
/// how many the scenarios cover (their <c>@TC_…</c> and <c>@ocpp…</c> tags); <c>--cases</c> lists every case with its
/// scenarios. A case tag that names no case of a version its scenario runs in is an error (exit 1).
/// </summary>
internal static class CatalogueCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "feature files or folders (default: features/)", Arity = ArgumentArity.ZeroOrMore };
        var version = new Option<string?>("--version") { Description = "only this OCPP version: 1.6, 2.0.1 or 2.1" };
        var cases = new Option<bool>("--cases") { Description = "list every case: id, the profiles that make it mandatory, title and its scenarios" };
        var command = new Command("catalogue", "The OCA CSMS test cases per OCPP version and block: how many, how many mandatory, how many have a scenario (@TC_… tags); --cases lists them.")
        {
            paths, version, cases,
        };
        command.SetAction(result =>
        {
            OcppVersion? only = null;
            if (result.GetValue(version) is { } text)
            {
                if (!OcppVersions.TryParse(text, out only))
                {
                    Console.Error.WriteLine($"dersim catalogue: --version {text}: expected 1.6, 2.0.1 or 2.1");
                    return 2;
                }
            }

            return Run(GherkinSetup.FeaturePaths(result.GetValue(paths)), only, result.GetValue(cases));
        });
        return command;
    }

    private static int Run(IReadOnlyList<string> paths, OcppVersion? only, bool cases)
    {
        var missing = paths.Where(p => !File.Exists(p) && !Directory.Exists(p)).ToList();
        if (missing.Count > 0)
        {
            Console.Error.WriteLine($"dersim catalogue: no such feature file or folder: {string.Join(", ", missing)}");
            return 2;
        }

        string language;
        try
        {
            language = GherkinSetup.Load().Config.FeatureLanguage;
        }
        catch (ReqnrollConfigException ex)
        {
            Console.Error.WriteLine($"dersim catalogue: {ex.Message}");
            return 2;
        }

        var loaded = FeatureLoader.Load(paths, language);
        foreach (var error in loaded.Errors)
        {
            Console.Error.WriteLine($"{error}");
        }

        var coverage = CatalogueCoverage.Of(ConformanceCatalogue.Default, loaded.Features.SelectMany(f => f.Scenarios));
        Console.Write(Text(coverage, only is { } v ? [v] : OcppVersions.All, cases));
        foreach (var problem in coverage.Unknown)
        {
            Console.Error.WriteLine($"dersim catalogue: {problem}");
        }

        return loaded.Errors.Count > 0 || coverage.Unknown.Count > 0 ? 1 : 0;
    }

    /// <summary>The table per version and block, and with <paramref name="cases"/> every case.</summary>
    public static string Text(CatalogueCoverage coverage, IReadOnlyList<OcppVersion> versions, bool cases)
    {
        ArgumentNullException.ThrowIfNull(coverage);
        var text = new StringBuilder();
        var width = Math.Max(24, coverage.Catalogue.Cases.Max(c => c.Block.Length) + 2);
        string Row(string name, string a, string b, string c, string d, string e) =>
            string.Create(CultureInfo.InvariantCulture, $"  {name.PadRight(width)}{a,7}{b,9}{c,11}{d,15}{e,17}");
        foreach (var version in versions)
        {
            var blocks = coverage.Blocks(version);
            text.AppendLine($"OCPP {version.DisplayName()} CSMS cases (OCA catalogue)")
                .AppendLine(Row("block", "cases", "Core M", "mandatory", "with scenario", "Core M covered"));
            foreach (var b in blocks)
            {
                text.AppendLine(Row(b.Block, N(b.Cases), N(b.CoreMandatory), N(b.Mandatory), N(b.WithScenario), N(b.CoreMandatoryWithScenario)));
            }

            text.AppendLine(Row("all", N(blocks.Sum(b => b.Cases)), N(blocks.Sum(b => b.CoreMandatory)), N(blocks.Sum(b => b.Mandatory)), N(blocks.Sum(b => b.WithScenario)), N(blocks.Sum(b => b.CoreMandatoryWithScenario))));
            if (cases)
            {
                text.AppendLine();
                foreach (var c in coverage.Catalogue.Cases.Where(c => c.Version == version))
                {
                    var mandatory = string.Join(", ", c.Profiles.Where(p => p.Value == "M").Select(p => p.Key));
                    var scenarios = coverage.ScenariosOf(c).Select(s => $"{s.Feature.DisplayPath}:{s.Line}").Distinct(StringComparer.Ordinal).ToList();
                    text.AppendLine($"  {c.Id,-16} {(mandatory.Length == 0 ? "-" : mandatory),-28} {c.Title}")
                        .AppendLine($"  {"",-16} {(scenarios.Count == 0 ? "no scenario" : string.Join(", ", scenarios))}");
                }
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
}
