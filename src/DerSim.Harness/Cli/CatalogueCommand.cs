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
/// scenarios, or why DerSim has none (conformance/not-covered.tsv). With the verdicts of the last run (<c>reports/conformance.json</c>, or <c>--results FILE</c>): per block
/// how many cases are PASS, FAIL, N/A, INCONCLUSIVE and ERROR, per case its verdict. A case tag that names no case of a
/// version its scenario runs in is an error (exit 1); a bad --version or results file exits 2.
/// </summary>
internal static class CatalogueCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "feature files or folders (default: features/)", Arity = ArgumentArity.ZeroOrMore };
        var version = new Option<string?>("--version") { Description = "only this OCPP version: 1.6, 2.0.1 or 2.1" };
        var cases = new Option<bool>("--cases") { Description = "list every case: id, the last run's verdict, the profiles that make it mandatory, title and its scenarios" };
        var results = new Option<string?>("--results") { Description = "the run whose verdicts to show: a conformance.json (default: conformance.json in the reports folder, reqnroll.json $.dersim.reportsDirectory, 'reports')" };
        var command = new Command("catalogue", "The OCA CSMS test cases per OCPP version and block: how many, how many mandatory, how many have a scenario (@TC_… tags) and the last run's verdicts; --cases lists them.")
        {
            paths, version, cases, results,
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

            return Run(GherkinSetup.FeaturePaths(result.GetValue(paths)), only, result.GetValue(cases), result.GetValue(results));
        });
        return command;
    }

    private static int Run(IReadOnlyList<string> paths, OcppVersion? only, bool cases, string? resultsFile)
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

        ConformanceResults? verdicts;
        string shown;
        try
        {
            var path = resultsFile ?? Path.Combine(GherkinSetup.Root(), Harness.Configuration.Loading.DerSimConfig.LoadDefault().ReportsDirectory, ConformanceReportJson.FileName);
            shown = resultsFile ?? Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
            if (!File.Exists(path))
            {
                if (resultsFile is not null)
                {
                    Console.Error.WriteLine($"dersim catalogue: --results {resultsFile}: no such file");
                    return 2;
                }

                verdicts = null;
            }
            else
            {
                verdicts = ConformanceReportJson.Read(File.ReadAllText(path), shown);
            }
        }
        catch (Exception ex) when (ex is FormatException or DerSimConfigException or IOException or UnauthorizedAccessException)
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
        Console.WriteLine(verdicts is null ? $"verdicts: no run yet ({shown} not found; ./dersim run writes it)" : $"verdicts: the run in {shown}");
        Console.WriteLine();
        Console.Write(Text(coverage, only is { } v ? [v] : OcppVersions.All, cases, verdicts));
        foreach (var problem in coverage.Unknown)
        {
            Console.Error.WriteLine($"dersim catalogue: {problem}");
        }

        return loaded.Errors.Count > 0 || coverage.Unknown.Count > 0 ? 1 : 0;
    }

    /// <summary>
    /// The table per version and block, and with <paramref name="cases"/> every case; with <paramref name="verdicts"/>
    /// (a run's conformance.json) also the count of cases per verdict and each case's verdict.
    /// </summary>
    public static string Text(CatalogueCoverage coverage, IReadOnlyList<OcppVersion> versions, bool cases, ConformanceResults? verdicts = null)
    {
        ArgumentNullException.ThrowIfNull(coverage);
        var text = new StringBuilder();
        var width = Math.Max(24, coverage.Catalogue.Cases.Max(c => Math.Max(c.Block.Length, c.Profiles.Keys.Select(k => k.Length).DefaultIfEmpty(0).Max())) + 2);
        string Row(string name, string a, string b, string c, string d, string e, IEnumerable<string> run) =>
            (string.Create(CultureInfo.InvariantCulture, $"  {name.PadRight(width)}{a,7}{b,9}{c,11}{d,15}{e,17}")
            + string.Concat(run.Zip(Verdicts.ReportOrder, (cell, v) => cell.PadLeft(Math.Max(Verdicts.Label(v).Length, 4) + 2)))).TrimEnd();
        foreach (var version in versions)
        {
            var blocks = coverage.Blocks(version);
            IEnumerable<string> Counts(Func<ConformanceVerdict, int> count) => verdicts is null ? [] : Verdicts.ReportOrder.Select(v => N(count(v)));
            text.AppendLine($"OCPP {version.DisplayName()} CSMS cases (OCA catalogue)")
                .AppendLine(Row("block", "cases", "Core M", "mandatory", "with scenario", "Core M covered", verdicts is null ? [] : Verdicts.ReportOrder.Select(Verdicts.Label)));
            foreach (var b in blocks)
            {
                text.AppendLine(Row(b.Block, N(b.Cases), N(b.CoreMandatory), N(b.Mandatory), N(b.WithScenario), N(b.CoreMandatoryWithScenario), Counts(v => verdicts!.Count(version, b.Block, v))));
            }

            text.AppendLine(Row("all", N(blocks.Sum(b => b.Cases)), N(blocks.Sum(b => b.CoreMandatory)), N(blocks.Sum(b => b.Mandatory)), N(blocks.Sum(b => b.WithScenario)), N(blocks.Sum(b => b.CoreMandatoryWithScenario)), Counts(v => blocks.Sum(b => verdicts!.Count(version, b.Block, v)))));
            text.AppendLine()
                .AppendLine(Row("certification profile", "", "", "mandatory", "with scenario", "none: why given", verdicts is null ? [] : Verdicts.ReportOrder.Select(Verdicts.Label)));
            foreach (var p in coverage.Profiles(version))
            {
                var reasoned = p.Cases.Count(c => c.NotCoveredReason is not null && coverage.ScenariosOf(c).Count == 0);
                text.AppendLine(Row(p.Profile, "", "", N(p.Mandatory), N(p.WithScenario), N(reasoned), Counts(v => p.Cases.Count(c => verdicts!.VerdictOf(version, c.Id) == Verdicts.Label(v)))));
            }

            if (cases)
            {
                text.AppendLine();
                foreach (var c in coverage.Catalogue.Cases.Where(c => c.Version == version))
                {
                    var mandatory = string.Join(", ", c.Profiles.Where(p => p.Value == "M").Select(p => p.Key));
                    var scenarios = coverage.ScenariosOf(c).Select(s => $"{s.Feature.DisplayPath}:{s.Line}").Distinct(StringComparer.Ordinal).ToList();
                    var verdict = verdicts is null ? "" : $"{verdicts.VerdictOf(version, c.Id) ?? "not in the run's file",-13}";
                    text.AppendLine($"  {c.Id,-16} {verdict}{(mandatory.Length == 0 ? "-" : mandatory),-28} {c.Title}")
                        .AppendLine($"  {"",-16} {(verdicts is null ? "" : new string(' ', 13))}{(scenarios.Count > 0 ? string.Join(", ", scenarios) : c.NotCoveredReason is { } why ? $"no scenario: {why}" : "no scenario")}");
                }
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
}
