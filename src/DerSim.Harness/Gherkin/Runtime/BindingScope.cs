using DerSim.Harness.Gherkin.Model;

namespace DerSim.Harness.Gherkin.Runtime;

/// <summary>One [Scope]: every condition given must hold for the scenario.</summary>
/// <param name="Tag">A tag without '@', or null.</param>
/// <param name="Feature">A feature title, or null.</param>
/// <param name="Scenario">A scenario title, or null.</param>
public sealed record BindingScope(string? Tag, string? Feature, string? Scenario)
{
    /// <summary>How many conditions hold when all do (more wins, as in Reqnroll); 0 when one fails.</summary>
    public int Score(ScenarioCase scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var score = 0;
        if (Tag is not null)
        {
            if (!scenario.Tags.Contains(Tag, StringComparer.Ordinal))
            {
                return 0;
            }

            score++;
        }

        if (Feature is not null)
        {
            if (!string.Equals(Feature, scenario.Feature.Title, StringComparison.Ordinal))
            {
                return 0;
            }

            score++;
        }

        if (Scenario is not null)
        {
            if (!string.Equals(Scenario, scenario.Title, StringComparison.Ordinal))
            {
                return 0;
            }

            score++;
        }

        // A [Scope] without conditions restricts nothing but still counts as scoped.
        return Math.Max(score, 1);
    }

    /// <summary>The best score of <paramref name="scopes"/> (0: none holds); -1 when there are no scopes (unscoped).</summary>
    public static int BestScore(IReadOnlyList<BindingScope> scopes, ScenarioCase scenario)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        return scopes.Count == 0 ? -1 : scopes.Max(s => s.Score(scenario));
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var parts = new List<string>(3);
        if (Tag is not null)
        {
            parts.Add("Tag = \"" + Tag + "\"");
        }

        if (Feature is not null)
        {
            parts.Add("Feature = \"" + Feature + "\"");
        }

        if (Scenario is not null)
        {
            parts.Add("Scenario = \"" + Scenario + "\"");
        }

        return "[Scope(" + string.Join(", ", parts) + ")]";
    }
}
