using DerSim.Harness.Gherkin.Model;

namespace DerSim.Harness.Reporting.Allure;

/// <summary>The binding layer's outcomes as Allure statuses; the skipped kinds say which in their message.</summary>
public static class AllureStatusMapping
{
    /// <summary>Failed and Ambiguous are failures, Broken is broken, the rest that did not pass are skipped.</summary>
    public static string StatusOf(ScenarioStatus status) => status switch
    {
        ScenarioStatus.Passed => AllureStatus.Passed,
        ScenarioStatus.Failed or ScenarioStatus.Ambiguous => AllureStatus.Failed,
        ScenarioStatus.Broken => AllureStatus.Broken,
        _ => AllureStatus.Skipped,
    };

    /// <summary>Details for a non-passing outcome: the message prefixed with the kind of skip, the trace; null when passed.</summary>
    public static AllureStatusDetails? DetailsOf(ScenarioStatus status, string? message, Exception? error)
    {
        if (status == ScenarioStatus.Passed)
        {
            return null;
        }

        var prefix = status switch
        {
            ScenarioStatus.Pending => "pending: ",
            ScenarioStatus.Undefined => "undefined step: ",
            ScenarioStatus.NotApplicable => "not applicable: ",
            ScenarioStatus.Skipped => "skipped: ",
            ScenarioStatus.Ambiguous => "ambiguous step: ",
            _ => "",
        };
        var text = string.IsNullOrEmpty(message) ? error?.Message : message;
        if (text is null && status == ScenarioStatus.Skipped)
        {
            return new AllureStatusDetails("skipped: an earlier step did not pass", null);
        }

        var trace = error is null ? null : $"{error.GetType().FullName}: {error.Message}\n{error.StackTrace}".TrimEnd();
        return new AllureStatusDetails(prefix + text, trace);
    }
}
