using System.Globalization;
using System.Reflection;
using DerSim.Harness.Gherkin.Expressions;
using DerSim.Harness.Gherkin.Model;

namespace DerSim.Harness.Gherkin.Runtime;

/// <summary>
/// Every binding of the binding assemblies: step definitions, hooks, step argument transformations and the bindings
/// that could not be registered. Matches steps to definitions with Reqnroll's rules (keyword, whole text, argument
/// count, best [Scope]). Immutable once built; safe to share between threads.
/// </summary>
public sealed class BindingRegistry
{
    private readonly ILookup<StepDefinitionType, StepDefinitionBinding> _byType;

    internal BindingRegistry(
        IReadOnlyList<StepDefinitionBinding> stepDefinitions,
        IReadOnlyList<HookBinding> hooks,
        IReadOnlyList<TransformationBinding> transformations,
        IReadOnlyList<BindingError> errors,
        ParameterTypeRegistry parameterTypes)
    {
        StepDefinitions = stepDefinitions;
        Hooks = hooks;
        Transformations = transformations;
        Errors = errors;
        ParameterTypes = parameterTypes;
        _byType = stepDefinitions.SelectMany(d => d.Types.Distinct().Select(t => (t, d))).ToLookup(x => x.t, x => x.d);
    }

    /// <summary>Every step definition, in discovery order (assembly, type and method name).</summary>
    public IReadOnlyList<StepDefinitionBinding> StepDefinitions { get; }

    /// <summary>Every hook.</summary>
    public IReadOnlyList<HookBinding> Hooks { get; }

    /// <summary>Every step argument transformation.</summary>
    public IReadOnlyList<TransformationBinding> Transformations { get; }

    /// <summary>Bindings that could not be registered, with the reason.</summary>
    public IReadOnlyList<BindingError> Errors { get; }

    /// <summary>The parameter types expressions may use, those of transformations and enums included.</summary>
    public ParameterTypeRegistry ParameterTypes { get; }

    /// <summary>Discovers the bindings of <paramref name="assemblies"/>.</summary>
    /// <param name="assemblies">The binding assemblies.</param>
    /// <param name="documentation">Gives a method's documentation (e.g. its XML doc summary) for catalogues; optional.</param>
    /// <param name="bindingCulture">The culture numbers in steps are written in (language.binding); invariant when null.</param>
    public static BindingRegistry Discover(IEnumerable<Assembly> assemblies, Func<MethodInfo, string?>? documentation = null, CultureInfo? bindingCulture = null) =>
        BindingDiscovery.Discover(assemblies, documentation, bindingCulture ?? CultureInfo.InvariantCulture);

    /// <summary>Discovers the bindings among <paramref name="types"/> only (tests, tools that pick their bindings).</summary>
    public static BindingRegistry Discover(IEnumerable<Type> types, Func<MethodInfo, string?>? documentation = null, CultureInfo? bindingCulture = null) =>
        BindingDiscovery.Discover(types, documentation, bindingCulture ?? CultureInfo.InvariantCulture);

    /// <summary>Hooks of <paramref name="type"/> in running order (Order ascending, then discovery order).</summary>
    public IEnumerable<HookBinding> HooksOf(HookType type) => Hooks.Where(h => h.HookType == type).OrderBy(h => h.Order);

    /// <summary>Finds the definition for <paramref name="step"/> of <paramref name="scenario"/>.</summary>
    public StepMatchResult Match(ScenarioStep step, ScenarioCase scenario)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(scenario);
        var hasBlock = step.DataTable is not null || step.DocString is not null;
        var matching = new List<(StepDefinitionBinding Definition, IReadOnlyList<StepArgument> Arguments, int Score)>();
        var mismatched = new List<StepDefinitionBinding>();
        foreach (var definition in _byType[step.Type])
        {
            var arguments = definition.Expression.Match(step.Text);
            if (arguments is null)
            {
                continue;
            }

            var score = BindingScope.BestScore(definition.Scopes, scenario);
            if (score == 0)
            {
                continue;
            }

            if (definition.Method.GetParameters().Length != arguments.Count + (hasBlock ? 1 : 0))
            {
                mismatched.Add(definition);
                continue;
            }

            matching.Add((definition, arguments, score));
        }

        if (matching.Count == 0 && mismatched.Count > 0)
        {
            var what = hasBlock ? "its arguments and the step's " + (step.DataTable is not null ? "table" : "doc string") : "its arguments";
            return new StepMatchResult(
                StepMatchKind.ParameterMismatch,
                null,
                [],
                mismatched,
                null,
                $"parameter count mismatch for step '{step}': the expression matches but the method does not take {what}: {string.Join(", ", mismatched)}");
        }

        if (matching.Count == 0)
        {
            var snippet = SnippetFor(step);
            return new StepMatchResult(StepMatchKind.Undefined, null, [], [], snippet, $"no step definition found for step '{step}'; add one:\n{snippet}");
        }

        var best = matching.Max(m => m.Score);
        var winners = matching.Where(m => m.Score == best).ToList();
        if (winners.Count > 1)
        {
            var names = winners.Select(w => w.Definition).ToList();
            return new StepMatchResult(
                StepMatchKind.Ambiguous,
                null,
                [],
                names,
                null,
                $"ambiguous step definitions found for step '{step}': {string.Join(", ", names)}");
        }

        return new StepMatchResult(StepMatchKind.Matched, winners[0].Definition, winners[0].Arguments, [], null, string.Empty);
    }

    /// <summary>A ready-to-paste step definition for <paramref name="step"/>.</summary>
    public string SnippetFor(ScenarioStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return Snippets.SnippetGenerator.Generate(step.Type, step.Text, step.DocString is not null, step.DataTable is not null, ParameterTypes);
    }

    internal static CultureInfo? CultureOf(string? name) => string.IsNullOrEmpty(name) ? null : CultureInfo.GetCultureInfo(name);
}
