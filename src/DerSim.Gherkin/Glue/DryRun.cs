using System.Globalization;
using System.Reflection;
using DerSim.Gherkin.Model;
using Reqnroll;
using Reqnroll.Bindings;
using Reqnroll.Bindings.Discovery;
using Reqnroll.BindingSkeletons;
using Reqnroll.BoDi;
using Reqnroll.Configuration;
using Reqnroll.Infrastructure;

namespace DerSim.Gherkin.Glue;

/// <summary>How a step fares in a dry run.</summary>
public enum StepMatchKind
{
    /// <summary>Exactly one step definition applies.</summary>
    Matched,

    /// <summary>No step definition matches the text.</summary>
    Undefined,

    /// <summary>Several step definitions apply with the same scope.</summary>
    Ambiguous,

    /// <summary>The text matches but the method cannot take the step's arguments (count, table, doc string).</summary>
    Unusable,
}

/// <summary>A step's dry-run verdict: the kind, the bindings involved, and for an undefined step a snippet to paste.</summary>
/// <param name="Kind">Matched, undefined, ambiguous or unusable.</param>
/// <param name="Bindings">"Class.Method" of the candidates (the match, or the competing definitions).</param>
/// <param name="Snippet">Reqnroll's step definition skeleton for an undefined step, else null.</param>
public sealed record StepMatch(StepMatchKind Kind, IReadOnlyList<string> Bindings, string? Snippet);

/// <summary>
/// Reqnroll's view of the bindings without running anything (a dry run): the binding registry built from the test
/// assembly and reqnroll.json's <c>bindingAssemblies</c>, Reqnroll's step matcher (scopes, parameter checks) and its
/// snippet writer. No test run starts, so no BeforeTestRun/AfterTestRun hook runs.
/// </summary>
public sealed class DryRun
{
    private readonly IStepDefinitionMatchService _matcher;
    private readonly IStepDefinitionSkeletonProvider _skeletons;
    private readonly ReqnrollConfiguration _configuration;
    private readonly Dictionary<(StepDefinitionType, string, bool, bool, string), StepMatch>? _seen;

    private DryRun(IObjectContainer container)
    {
        _matcher = container.Resolve<IStepDefinitionMatchService>();
        _skeletons = container.Resolve<IStepDefinitionSkeletonProvider>();
        _configuration = container.Resolve<ReqnrollConfiguration>();
        Registry = container.Resolve<IBindingRegistry>();

        // Without scoped step definitions a step's match depends only on its keyword type, text and block, so a step
        // written many times (a Background, an outline) is matched once.
        _seen = Registry.GetStepDefinitions().Any(d => d.IsScoped) ? null : [];
    }

    /// <summary>The bindings Reqnroll found.</summary>
    public IBindingRegistry Registry { get; }

    /// <summary>The bindings of <paramref name="testAssembly"/> (and <paramref name="more"/>), configured by <paramref name="config"/> (null: Reqnroll's own lookup).</summary>
    /// <exception cref="ReqnrollBindingsException">A <c>bindingAssemblies</c> entry cannot be found.</exception>
    public static DryRun Of(Assembly testAssembly, Configuration.ReqnrollConfig? config = null, IEnumerable<Assembly>? more = null)
    {
        ArgumentNullException.ThrowIfNull(testAssembly);
        var containers = new DerSimContainerBuilder(config, null);
        var global = containers.CreateGlobalContainer(testAssembly);
        var builder = global.Resolve<IRuntimeBindingRegistryBuilder>();
        foreach (var assembly in builder.GetBindingAssemblies(testAssembly).Concat(more ?? []).Distinct())
        {
            builder.BuildBindingsFromAssembly(assembly);
        }

        builder.BuildingCompleted();

        // Step matching and snippets live in a test thread's container.
        return new DryRun(containers.CreateTestThreadContainer(global));
    }

    /// <summary>Matches <paramref name="step"/> of <paramref name="scenario"/> as Reqnroll would when running it.</summary>
    public StepMatch Match(ScenarioCase scenario, ScenarioStep step)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(step);
        var key = (step.Type, step.Text, step.DataTable is not null, step.DocString is not null, scenario.Feature.Language);
        if (_seen is not null && _seen.TryGetValue(key, out var known))
        {
            return known;
        }

        var found = MatchOnce(scenario, step);
        _seen?.Add(key, found);
        return found;
    }

    private StepMatch MatchOnce(ScenarioCase scenario, ScenarioStep step)
    {
        var culture = Configuration.ReqnrollConfig.CultureOf(scenario.Feature.Language);
        var keyword = step.Type switch
        {
            StepDefinitionType.Given => StepDefinitionKeyword.Given,
            StepDefinitionType.When => StepDefinitionKeyword.When,
            _ => StepDefinitionKeyword.Then,
        };
        var table = step.DataTable is { Count: > 0 } cells ? ReqnrollExecutor.TableOf(cells) : null;
        var context = new StepContext(scenario.Feature.Title, scenario.Title, scenario.Tags, culture);
        var instance = new StepInstance(step.Type, keyword, step.Keyword + " ", step.Text, step.DocString?.Content, table, context);
        var match = _matcher.GetBestMatch(instance, _configuration.BindingCulture ?? culture, out var reason, out var candidates);
        if (match.Success)
        {
            return new StepMatch(StepMatchKind.Matched, [NameOf(match)], null);
        }

        var names = candidates.Select(NameOf).ToList();
        return reason switch
        {
            StepDefinitionAmbiguityReason.None => new StepMatch(StepMatchKind.Undefined, [], Snippet(instance, culture)),
            StepDefinitionAmbiguityReason.ParameterErrors => new StepMatch(StepMatchKind.Unusable, names, null),
            _ => new StepMatch(StepMatchKind.Ambiguous, names, null),
        };
    }

    private string Snippet(StepInstance instance, CultureInfo culture) =>
        _skeletons.GetStepDefinitionSkeleton(ProgrammingLanguage.CSharp, instance, _configuration.StepDefinitionSkeletonStyle, culture).TrimEnd();

    private static string NameOf(BindingMatch match) => $"{match.StepBinding.Method.Type.Name}.{match.StepBinding.Method.Name}";
}
