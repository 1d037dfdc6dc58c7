using DerSim.Harness.Drivers;
using DerSim.Gherkin.Glue;
using Reqnroll;
using DerSim.Harness.Target;

namespace DerSim.Harness.Steps;

/// <summary>
/// The target declaration in scenarios: scenarios it rules out (versions, <c>@requires:</c> features) and the token
/// roles steps name instead of literal tokens.
/// </summary>
[Binding]
public sealed class TargetSteps(ScenarioWorld world, ScenarioContext scenario)
{
    /// <summary>
    /// A token by its role in the target declaration: <c>the valid token</c>, <c>a second valid token</c>,
    /// <c>the unknown token</c>, <c>the blocked token</c>, <c>the expired token</c>, <c>a token of the valid token's
    /// group</c>, <c>the master pass token</c>.
    /// Example: <c>When the driver presents the valid token on EVSE 1</c>
    /// </summary>
    [StepArgumentTransformation("(" + TokenRoles.Pattern + ")", Name = "tokenRole")]
    public static TokenRole Role(string phrase) => TokenRoles.Parse(phrase);

    /// <summary>Ends the scenario as not applicable when the target lacks its version (version tags) or a feature it requires.</summary>
    [BeforeScenario(Order = 0)]
    public void RuleOut()
    {
        if (world.Target.NotApplicableReason(scenario.ScenarioInfo.CombinedTags) is { } reason)
        {
            scenario.NotApplicable(reason);
        }
    }

    /// <summary>The token playing <paramref name="role"/>; the scenario is not applicable when the declaration has none.</summary>
    internal static TargetToken Token(ScenarioWorld world, ScenarioContext scenario, TokenRole role)
    {
        var token = world.Target.Token(role);
        if (token is null)
        {
            scenario.NotApplicable(world.Target.MissingTokenReason(role)!);
        }

        return token!;
    }
}
