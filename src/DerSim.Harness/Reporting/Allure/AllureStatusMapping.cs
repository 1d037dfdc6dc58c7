using DerSim.Gherkin.Model;
using DerSim.Harness.Conformance;

namespace DerSim.Harness.Reporting.Allure;

/// <summary>The binding layer's outcomes as Allure statuses, through their verdict; the skipped kinds say which in their message.</summary>
public static class AllureStatusMapping
{
    /// <summary>
    /// By <see cref="Verdicts.Of"/>: PASS passed, FAIL failed, ERROR broken, N/A and INCONCLUSIVE skipped
    /// (<paramref name="missingStepsFail"/> as that takes it).
    /// </summary>
    public static string StatusOf(ScenarioStatus status, bool missingStepsFail = false) => StatusOf(Verdicts.Of(status, missingStepsFail));

    /// <summary>PASS passed, FAIL failed, ERROR broken, N/A and INCONCLUSIVE skipped.</summary>
    public static string StatusOf(ConformanceVerdict verdict) => verdict switch
    {
        ConformanceVerdict.Pass => AllureStatus.Passed,
        ConformanceVerdict.Fail => AllureStatus.Failed,
        ConformanceVerdict.Error => AllureStatus.Broken,
        _ => AllureStatus.Skipped,
    };

    /// <summary>Details for a non-passing outcome: the message prefixed with the kind of skip, the exception's type and stack trace; null when passed.</summary>
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
            ScenarioStatus.Inconclusive => "inconclusive: ",
            ScenarioStatus.Skipped => "skipped: ",
            ScenarioStatus.Ambiguous => "ambiguous step: ",
            _ => "",
        };
        var text = string.IsNullOrEmpty(message) ? error?.Message : message;
        if (text is null && status == ScenarioStatus.Skipped)
        {
            return new AllureStatusDetails("skipped: an earlier step did not pass", null);
        }

        // The message stands above the trace in every Allure view; repeating it in the trace doubled every failure's
        // quoted frames on the page.
        var trace = error is null ? null : $"{error.GetType().FullName}\n{OwnFrames(error.StackTrace)}".TrimEnd();
        return new AllureStatusDetails(prefix + text, trace);
    }

    /// <summary>
    /// The frames of <paramref name="stackTrace"/> above the runner's: from the reflection call into the binding (or
    /// the runner's await of it) down, every trace is the same plumbing. The whole trace when there is no such frame.
    /// </summary>
    public static string OwnFrames(string? stackTrace)
    {
        if (string.IsNullOrEmpty(stackTrace))
        {
            return "";
        }

        var lines = stackTrace.Split('\n');
        var runner = Array.FindIndex(lines, l => RunnerFrames.Any(r => l.TrimStart().StartsWith(r, StringComparison.Ordinal)));
        if (runner <= 0)
        {
            return stackTrace;
        }

        var own = lines[..runner].ToList();
        while (own.Count > 1 && own[^1].TrimStart().StartsWith("---", StringComparison.Ordinal))
        {
            own.RemoveAt(own.Count - 1);
        }

        return string.Join('\n', own).TrimEnd();
    }

    private static readonly string[] RunnerFrames = ["at InvokeStub_", "at System.Reflection.", "at DerSim.Gherkin.", "at Reqnroll."];
}
