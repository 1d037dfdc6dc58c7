using System.CommandLine;
using DerSim.Harness.Configuration;
using DerSim.Harness.Configuration.Loading;
using DerSim.Gherkin.Configuration;
using DerSim.Gherkin.Features;
using DerSim.Gherkin.Model;
using DerSim.Gherkin.Glue;
using DerSim.Harness.Reporting;
using DerSim.Harness.Steps;
using DerSim.Harness.Suite;
using DerSim.Harness.Target;
using DerSim.Ocpp;

using Reqnroll.Configuration;

namespace DerSim.Harness.Cli;

/// <summary>
/// <c>dersim run</c>: the conformance suite (features/) against a CSMS — the embedded reference CSMS unless --csms
/// is given — with a progress line per scenario, a summary table and the last line "N passed, N failed, N skipped";
/// exit 0 only when nothing failed. Writes reports/: allure-results/, allure-report/index.html (one file), junit.xml,
/// conformance.json and conformance.html (the verdict of every OCA case) and each scenario's traffic under traffic/.
/// </summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "feature files or folders (default: features/)", Arity = ArgumentArity.ZeroOrMore };
        var csmsUrl = new Option<string?>("--csms") { Description = "target CSMS WebSocket URL, e.g. ws://host:8180/ocpp (default: $DERSIM_CSMS_URL, else reqnroll.json $.dersim.csmsUrl, else the embedded reference CSMS)" };
        var versions = new Option<string[]>("--version") { Description = "OCPP versions to run (repeatable): 1.6, 2.0.1, 2.1 — scenarios tagged for other versions are left out (default: all)", AllowMultipleArgumentsPerToken = true };
        var tags = new Option<string[]>("--tags") { Description = "Cucumber tag expression selecting scenarios, e.g. \"@smart-charging and not @slow\" (repeatable: all must hold)" };
        var profiles = new Option<string[]>("--profile") { Description = "only scenarios that use this EVSE profile (repeatable)", AllowMultipleArgumentsPerToken = true };
        // No DefaultValueFactory: help would print one number, and the default depends on the target (defect 12 of issue 12).
        var parallel = new Option<int?>("--parallel") { Description = $"scenarios run at once, 1-1024 (default: 1 against an external CSMS, where scenarios share station ids; against the embedded CSMS 2 per core, {Parallelism(null, external: false)} here)" }.WithRange(1, 1024, "a number of scenarios");
        var reports = new Option<string?>("--reports") { Description = "reports folder: allure-results/, allure-report/index.html, junit.xml, conformance.json/.html, traffic/ (default: reqnroll.json $.dersim.reportsDirectory, 'reports')" };
        var manualTimeout = new Option<double?>("--manual-timeout") { Description = "seconds the Manual CSMS driver waits for the operator before the scenario is inconclusive, 1-86400 (default: $DERSIM_MANUAL_TIMEOUT, else reqnroll.json $.dersim.manualTimeoutSeconds, else 120)" }.WithRange(1, 86_400, "seconds");
        var noHtml = new Option<bool>("--no-html") { Description = "write the Allure results and JUnit XML but do not render the HTML report" };
        var targetFile = new Option<string?>("--target") { Description = $"target declaration file (station ids, tokens, passwords, versions, features) instead of reqnroll.json $.dersim.target (default: ${TargetDeclarationLoader.Variable})" };
        var listIds = new Option<bool>("--list-ids") { Description = "print the station ids and tokens (with 2.x types and groupIds) the selected scenarios will use, without running them" };
        var command = new Command("run", "Run the conformance scenarios (features/) against a CSMS; exit 1 when any scenario fails.")
        {
            paths, csmsUrl, versions, tags, profiles, parallel, reports, manualTimeout, noHtml, targetFile, listIds,
        };
        command.SetAction(async (result, ct) =>
        {
            GherkinSetup setup;
            DerSimSettings settings;
            List<TagExpression> filters;
            List<OcppVersion> selected;
            TargetDeclaration declaration;
            try
            {
                setup = GherkinSetup.Load();
                settings = DerSimConfig.LoadDefault();
                filters = [.. (result.GetValue(tags) ?? []).Select(TagExpression.Parse)];
                selected = [.. (result.GetValue(versions) ?? []).Select(v => OcppVersions.TryParse(v, out var parsed) ? parsed.Value
                    : throw new FormatException($"--version '{v}' is not a version; expected {OcppVersions.AcceptedSpellings}"))];
                if (result.GetValue(csmsUrl) is { } url)
                {
                    // Handed to every scenario's world through the environment, which ranks above reqnroll.json.
                    if (!string.Equals(url, DerSimSettings.Embedded, StringComparison.OrdinalIgnoreCase)
                        && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "ws" or "wss"))
                    {
                        throw new FormatException($"--csms '{url}' is not a ws:// or wss:// URL or \"embedded\"");
                    }

                    Environment.SetEnvironmentVariable("DERSIM_CSMS_URL", url);
                }
                else
                {
                    _ = settings.ResolveCsmsUrl(Environment.GetEnvironmentVariable);
                }

                if (result.GetValue(manualTimeout) is { } seconds)
                {
                    // Through the environment too, as --csms: every scenario's world reads it.
                    Environment.SetEnvironmentVariable(Drivers.Csms.CsmsDrivers.ManualTimeoutVariable, seconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

                _ = Drivers.Csms.CsmsDrivers.ManualTimeout(settings, Environment.GetEnvironmentVariable);

                if (result.GetValue(targetFile) is { } declarationFile)
                {
                    Environment.SetEnvironmentVariable(TargetDeclarationLoader.Variable, declarationFile);
                }

                declaration = TargetDeclarationLoader.Resolve(settings.Target, DerSimConfig.Locate(), Environment.GetEnvironmentVariable);
                if (!result.GetValue(listIds))
                {
                    TargetSecurity.Check(declaration, settings.ResolveCsmsUrl(Environment.GetEnvironmentVariable), Environment.GetEnvironmentVariable);
                }
            }
            catch (Exception ex) when (ex is ReqnrollConfigException or DerSimConfigException or FormatException)
            {
                await Console.Error.WriteLineAsync($"dersim run: {ex.Message}");
                return 2;
            }

            var featurePaths = GherkinSetup.FeaturePaths(result.GetValue(paths));
            if (featurePaths.FirstOrDefault(p => !File.Exists(p) && !Directory.Exists(p)) is { } missing)
            {
                await Console.Error.WriteLineAsync($"dersim run: no such feature file or folder: {missing}");
                return 2;
            }

            var loaded = FeatureLoader.Load(featurePaths, setup.Config.FeatureLanguage);
            foreach (var error in loaded.Errors)
            {
                await Console.Error.WriteLineAsync($"{error}");
            }

            var scenarios = Select(loaded.Features.SelectMany(f => f.Scenarios), filters, selected, result.GetValue(profiles) ?? []);
            if (result.GetValue(listIds))
            {
                var (stations, tokens) = IdListing.Of(scenarios, declaration);
                Console.Write(IdListing.Format(stations, tokens));
                return loaded.Errors.Count > 0 ? 1 : 0;
            }

            var reportsDirectory = Path.GetFullPath(result.GetValue(reports) ?? Path.Combine(GherkinSetup.Root(), settings.ReportsDirectory));
            if (WritableFolder.Problem(reportsDirectory) is { } unwritable)
            {
                // Before any scenario runs: a run whose reports cannot be written is minutes lost.
                await Console.Error.WriteLineAsync($"dersim run: --reports: {unwritable}");
                return 2;
            }

            Environment.SetEnvironmentVariable(TrafficHooks.ReportsDirectoryVariable, reportsDirectory);
            var trafficDirectory = Path.Combine(reportsDirectory, "traffic");
            if (Directory.Exists(trafficDirectory))
            {
                Directory.Delete(trafficDirectory, recursive: true);
            }

            var target = Environment.GetEnvironmentVariable("DERSIM_CSMS_URL") is { Length: > 0 } external && !string.Equals(external, DerSimSettings.Embedded, StringComparison.OrdinalIgnoreCase)
                ? new Uri(external).GetLeftPart(UriPartial.Path)
                : settings.ResolveCsmsUrl(Environment.GetEnvironmentVariable)?.GetLeftPart(UriPartial.Path) ?? "the embedded reference CSMS";
            Console.WriteLine($"DerSim: {scenarios.Count} scenario(s) from {loaded.Features.Count} feature(s) against {target}");
            if (scenarios.Count > 0 && await CsmsReachability.ProblemAsync(target, ct).ConfigureAwait(false) is { } unreachable)
            {
                // Every scenario would wait out its reconnects and end broken: say so once, before minutes pass.
                await Console.Error.WriteLineAsync($"dersim run: {unreachable}");
                return 2;
            }

            var missingFails = setup.Config.MissingOrPendingStepsOutcome == MissingOrPendingStepsOutcome.Error;
            var report = new ReportSession(reportsDirectory, new Reporting.Allure.AllureWriterOptions { MissingStepsFail = missingFails })
            {
                CatalogueScenarios = [.. loaded.Features.SelectMany(f => f.Scenarios)],
            };
            CucumberReports.Configure(reportsDirectory, setup.Config.Formatters);
            using var runner = setup.Executor([report]);
            try
            {
                // Binding problems (a missing bindingAssemblies entry) stop the run before any scenario.
                await runner.StartAsync();
            }
            catch (ReqnrollBindingsException ex)
            {
                await Console.Error.WriteLineAsync($"dersim run: {ex.Message}");
                return 2;
            }

            // Against a CSMS of its own each scenario has the station ids to itself; against an external one, scenarios
            // naming the same station must not overlap, so they run one at a time unless --parallel says otherwise.
            var isExternal = !target.StartsWith("the embedded", StringComparison.Ordinal);
            var parallelism = Parallelism(result.GetValue(parallel), isExternal);
            var suite = new SuiteRunner(runner, Console.Out, parallelism)
            {
                NonParallelizableTags = ["non-parallelizable", .. setup.Config.AddNonParallelizableMarkerForTags],
                MissingStepsFail = missingFails,
            };
            var outcome = await suite.RunAsync(scenarios, ct);
            var environment = new ReportEnvironment
            {
                Csms = target,
                OcppVersions = [.. (selected.Count > 0 ? selected : OcppVersions.All).Select(v => v.DisplayName())],
            };
            await report.CompleteAsync(environment, Console.Out, render: !result.GetValue(noHtml), summary: false, ct);
            Console.WriteLine(outcome.Summary(missingFails));
            if (Directory.Exists(trafficDirectory))
            {
                var shown = Path.GetRelativePath(Directory.GetCurrentDirectory(), trafficDirectory);
                Console.Error.WriteLine($"traffic of each scenario: {(shown.StartsWith("..", StringComparison.Ordinal) ? trafficDirectory : shown)}/");
            }

            return loaded.Errors.Count > 0 || outcome.Failed(missingFails) > 0 ? 1 : 0;
        });
        return command;
    }

    /// <summary>Scenarios run at once: <paramref name="given"/>, else 1 against an external CSMS, else 2 per core.</summary>
    internal static int Parallelism(int? given, bool external) =>
        given is { } n ? n : external ? 1 : Math.Max(2, Environment.ProcessorCount * 2);

    private static List<ScenarioCase> Select(IEnumerable<ScenarioCase> scenarios, List<TagExpression> filters, List<OcppVersion> versions, string[] profiles)
    {
        var versionTags = versions.Select(ScenarioTags.VersionTag).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var allVersionTags = OcppVersions.All.Select(ScenarioTags.VersionTag).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var profileNames = profiles.Select(p => Path.GetFileNameWithoutExtension(p)).ToList();
        return
        [
            .. scenarios.Where(s =>
                filters.All(f => f.Matches(s.Tags))
                && (versionTags.Count == 0 || !s.Tags.Any(allVersionTags.Contains) || s.Tags.Any(versionTags.Contains))
                && (profileNames.Count == 0 || profileNames.Any(p => s.Steps.Any(step => step.Text.Contains($"\"{p}\"", StringComparison.OrdinalIgnoreCase))))),
        ];
    }
}
