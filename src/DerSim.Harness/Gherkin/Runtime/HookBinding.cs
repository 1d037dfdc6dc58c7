using System.Reflection;
using DerSim.Harness.Gherkin.Model;

namespace DerSim.Harness.Gherkin.Runtime;

/// <summary>A discovered hook.</summary>
/// <param name="HookType">When it runs.</param>
/// <param name="BindingType">The binding class (instance hooks run on the scenario's instance of it).</param>
/// <param name="Method">The method.</param>
/// <param name="Tags">Tag filter without '@' (any matches; empty: always).</param>
/// <param name="Order">Lower runs first.</param>
/// <param name="Scopes">The method's [Scope]s, or else its class's.</param>
public sealed record HookBinding(HookType HookType, Type BindingType, MethodInfo Method, IReadOnlyList<string> Tags, int Order, IReadOnlyList<BindingScope> Scopes)
{
    /// <summary>"Class.Method(types)".</summary>
    public string DisplayName => MethodDisplay.Of(Method, BindingType);

    /// <summary>Whether the hook applies to <paramref name="tags"/> (and <paramref name="scenario"/>'s scopes, when given).</summary>
    public bool AppliesTo(IReadOnlyList<string> tags, ScenarioCase? scenario)
    {
        ArgumentNullException.ThrowIfNull(tags);
        if (HookType is HookType.BeforeTestRun or HookType.AfterTestRun)
        {
            return true; // No feature or scenario to filter by: Reqnroll ignores tags and scopes here.
        }

        if (Tags.Count > 0 && !Tags.Any(t => tags.Contains(t, StringComparer.Ordinal)))
        {
            return false;
        }

        if (Scopes.Count == 0)
        {
            return true;
        }

        if (scenario is null)
        {
            // Feature hooks: only the tag part of a scope can be judged.
            return Scopes.Any(s => s.Tag is null || tags.Contains(s.Tag, StringComparer.Ordinal));
        }

        return BindingScope.BestScore(Scopes, scenario) > 0;
    }
}
