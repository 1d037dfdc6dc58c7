using System.Globalization;
using Reqnroll.BindingSkeletons;
using Reqnroll.Configuration;

namespace DerSim.Gherkin.Configuration;

/// <summary>
/// The Reqnroll keys of reqnroll.json that apply to this layer, with Reqnroll's defaults. The <c>dersim</c> section is
/// read by DerSim's own loader and ignored here; Reqnroll keys this layer has no use for are accepted silently.
/// </summary>
public sealed record ReqnrollConfig
{
    /// <summary>The configuration used when there is no reqnroll.json.</summary>
    public static ReqnrollConfig Default { get; } = new();

    /// <summary>The file it was read from, or null for <see cref="Default"/>.</summary>
    public string? FilePath { get; init; }

    /// <summary><c>language.feature</c>: the dialect of feature files without <c># language:</c>. The default value is "en-US".</summary>
    public string FeatureLanguage { get; init; } = "en-US";

    /// <summary><c>language.binding</c>: the culture for argument conversion. The default value is null (use <see cref="FeatureLanguage"/>).</summary>
    public string? BindingCulture { get; init; }

    /// <summary>The culture bindings convert arguments with: <see cref="BindingCulture"/>, else <see cref="FeatureLanguage"/>.</summary>
    public string EffectiveBindingCulture => BindingCulture ?? FeatureLanguage;

    /// <summary><c>bindingAssemblies[].assembly</c>: extra assemblies with bindings (the test assembly is always one). The default value is empty.</summary>
    public IReadOnlyList<string> BindingAssemblies { get; init; } = [];

    /// <summary><c>runtime.missingOrPendingStepsOutcome</c>. The default value is <see cref="MissingOrPendingStepsOutcome.Pending"/> (NUnit: inconclusive).</summary>
    public MissingOrPendingStepsOutcome MissingOrPendingStepsOutcome { get; init; } = MissingOrPendingStepsOutcome.Pending;

    /// <summary><c>runtime.stopAtFirstError</c>: skip the remaining steps' matching after a failure. The default value is false.</summary>
    public bool StopAtFirstError { get; init; }

    /// <summary><c>runtime.obsoleteBehavior</c>. The default value is <see cref="ObsoleteBehavior.Warn"/>.</summary>
    public ObsoleteBehavior ObsoleteBehavior { get; init; } = ObsoleteBehavior.Warn;

    /// <summary><c>trace.traceSuccessfulSteps</c>: log passed steps too. The default value is true.</summary>
    public bool TraceSuccessfulSteps { get; init; } = true;

    /// <summary><c>trace.traceTimings</c>: log step durations of at least <see cref="MinTracedDuration"/>. The default value is false.</summary>
    public bool TraceTimings { get; init; }

    /// <summary><c>trace.minTracedDuration</c> ("0:0:0.1"). The default value is 100 ms.</summary>
    public TimeSpan MinTracedDuration { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary><c>trace.stepDefinitionSkeletonStyle</c>. The default value is <see cref="StepDefinitionSkeletonStyle.CucumberExpressionAttribute"/>.</summary>
    public StepDefinitionSkeletonStyle StepDefinitionSkeletonStyle { get; init; } = StepDefinitionSkeletonStyle.CucumberExpressionAttribute;

    /// <summary><c>trace.coloredOutput</c>. The default value is false.</summary>
    public bool ColoredOutput { get; init; }

    /// <summary><c>generator.addNonParallelizableMarkerForTags</c>: tags (without '@') whose scenarios never run in parallel. The default value is empty.</summary>
    public IReadOnlyList<string> AddNonParallelizableMarkerForTags { get; init; } = [];

    /// <summary><c>formatters</c>: the names of the Reqnroll formatters the file configures (e.g. "html", "message"); Reqnroll reads their settings itself. The default value is empty.</summary>
    public IReadOnlyList<string> Formatters { get; init; } = [];

    /// <summary>Keys this layer does not know, each as "file: unknown key 'json.path' (ignored)".</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>
    /// This configuration as Reqnroll's runtime takes it (Reqnroll's defaults for what reqnroll.json does not set), so
    /// the file is read once, by this reader, with its errors and warnings.
    /// </summary>
    public ReqnrollConfiguration ToReqnroll()
    {
        var configuration = ConfigurationLoader.GetDefault();
        configuration.FeatureLanguage = CultureOf(FeatureLanguage);
        configuration.BindingCulture = BindingCulture is null ? null : CultureOf(BindingCulture);
        configuration.AdditionalStepAssemblies = [.. BindingAssemblies];
        configuration.MissingOrPendingStepsOutcome = MissingOrPendingStepsOutcome;
        configuration.StopAtFirstError = StopAtFirstError;
        configuration.ObsoleteBehavior = ObsoleteBehavior;
        configuration.TraceSuccessfulSteps = TraceSuccessfulSteps;
        configuration.TraceTimings = TraceTimings;
        configuration.MinTracedDuration = MinTracedDuration;
        configuration.StepDefinitionSkeletonStyle = StepDefinitionSkeletonStyle;
        configuration.ColoredOutput = ColoredOutput;
        configuration.AddNonParallelizableMarkerForTags = [.. AddNonParallelizableMarkerForTags];
        return configuration;
    }

    /// <summary>Reads reqnroll.json; a missing file gives <see cref="Default"/>.</summary>
    /// <exception cref="ReqnrollConfigException">Invalid JSON ("path:line:col: ...") or a value of the wrong type (names its JSON path).</exception>
    public static ReqnrollConfig Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return File.Exists(path) ? Parse(File.ReadAllText(path), path) : Default;
    }

    /// <summary>Reads reqnroll.json content; <paramref name="path"/> is only used in messages.</summary>
    /// <exception cref="ReqnrollConfigException">As for <see cref="Load"/>.</exception>
    public static ReqnrollConfig Parse(string json, string path) => ReqnrollConfigReader.Read(json, path);

    /// <summary>The culture named <paramref name="name"/>, or the invariant culture when there is none by that name.</summary>
    internal static CultureInfo CultureOf(string name)
    {
        try
        {
            return CultureInfo.GetCultureInfo(name);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.InvariantCulture;
        }
    }
}
