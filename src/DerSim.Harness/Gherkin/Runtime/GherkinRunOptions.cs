using System.Globalization;

namespace DerSim.Harness.Gherkin.Runtime;

/// <summary>How a <see cref="TestRunner"/> runs scenarios (the runtime part of reqnroll.json).</summary>
public sealed record GherkinRunOptions
{
    /// <summary>Culture for converting step arguments (language.binding); a step attribute's Culture overrides it. The default value is the invariant culture.</summary>
    public CultureInfo BindingCulture { get; init; } = CultureInfo.InvariantCulture;

    /// <summary>Default Gherkin language of feature files (language.feature). The default value is "en".</summary>
    public string FeatureLanguage { get; init; } = "en";

    /// <summary>How undefined and pending steps are reported by the test framework glue. The default value is Inconclusive.</summary>
    public Configuration.MissingOrPendingStepsOutcome MissingOrPendingStepsOutcome { get; init; } = Configuration.MissingOrPendingStepsOutcome.Inconclusive;

    /// <summary>
    /// When true, the steps after a failure are not even matched; when false they are still matched, so undefined
    /// and ambiguous steps are reported too (runtime.stopAtFirstError). The default value is false.
    /// </summary>
    public bool StopAtFirstError { get; init; }

    /// <summary>Listeners for run, feature, scenario, step and hook events. The default value is none.</summary>
    public IReadOnlyList<IGherkinRunListener> Listeners { get; init; } = [];

    /// <summary>
    /// Where the runner writes what it cannot put in a result (a listener's exception). The default value is null:
    /// <see cref="Console.Out"/>, which NUnit captures into the running test's output.
    /// </summary>
    public TextWriter? Log { get; init; }

    /// <summary>Gives a binding method's documentation for catalogues (e.g. from XML docs). The default value is null.</summary>
    public Func<System.Reflection.MethodInfo, string?>? Documentation { get; init; }
}
