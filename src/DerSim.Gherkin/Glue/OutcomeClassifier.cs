using DerSim.Gherkin.Model;

namespace DerSim.Gherkin.Glue;

/// <summary>
/// Tells a failed assertion (Failed) from any other exception (Broken), by type name so this layer needs no reference
/// to Shouldly or other assertion libraries; <see cref="NotApplicableException"/> and <see cref="ScenarioInconclusiveException"/>
/// end the scenario unjudged.
/// </summary>
internal static class OutcomeClassifier
{
    private static readonly HashSet<string> AssertionTypes = new(StringComparer.Ordinal)
    {
        "AssertionException", "ShouldAssertException", "TableComparisonException", "MultipleAssertException",
    };

    public static ScenarioStatus StatusOf(Exception error) => Unwrap(error) switch
    {
        global::Reqnroll.PendingStepException => ScenarioStatus.Pending,
        NotApplicableException => ScenarioStatus.NotApplicable,
        ScenarioInconclusiveException => ScenarioStatus.Inconclusive,
        var e when IsAssertion(e.GetType()) => ScenarioStatus.Failed,
        _ => ScenarioStatus.Broken,
    };

    public static Exception Unwrap(Exception error)
    {
        while (error is AggregateException { InnerExceptions.Count: 1 } aggregate)
        {
            error = aggregate.InnerExceptions[0];
        }

        return error;
    }

    private static bool IsAssertion(Type? type)
    {
        for (; type is not null && type != typeof(Exception); type = type.BaseType)
        {
            if (AssertionTypes.Contains(type.Name) ||
                type.Name.EndsWith("AssertionException", StringComparison.Ordinal) ||
                type.Name.EndsWith("AssertException", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
