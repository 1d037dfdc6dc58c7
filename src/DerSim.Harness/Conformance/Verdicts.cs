using DerSim.Gherkin.Model;

namespace DerSim.Harness.Conformance;

/// <summary>
/// The one place where a scenario's execution status becomes its conformance verdict, and where each verdict is
/// counted and named. Every report (console, JUnit, Allure, conformance.json/html, <c>dersim catalogue</c>) goes
/// through it.
/// </summary>
public static class Verdicts
{
    /// <summary>The verdicts in the order reports list them: PASS, FAIL, N/A, INCONCLUSIVE, ERROR.</summary>
    public static IReadOnlyList<ConformanceVerdict> ReportOrder { get; } =
        [ConformanceVerdict.Pass, ConformanceVerdict.Fail, ConformanceVerdict.NotApplicable, ConformanceVerdict.Inconclusive, ConformanceVerdict.Error];

    /// <summary>
    /// The verdict of <paramref name="status"/>: Passed → PASS; Failed → FAIL; NotApplicable and Skipped (an
    /// <c>@ignore</c>d scenario) → N/A; Inconclusive → INCONCLUSIVE; Broken and Ambiguous → ERROR; Undefined and
    /// Pending → ERROR when <paramref name="missingStepsFail"/> (Reqnroll's <c>runtime.missingOrPendingStepsOutcome</c>
    /// is <c>Error</c>), else INCONCLUSIVE (Reqnroll's own word for that outcome).
    /// </summary>
    public static ConformanceVerdict Of(ScenarioStatus status, bool missingStepsFail = false) => status switch
    {
        ScenarioStatus.Passed => ConformanceVerdict.Pass,
        ScenarioStatus.Failed => ConformanceVerdict.Fail,
        ScenarioStatus.NotApplicable or ScenarioStatus.Skipped => ConformanceVerdict.NotApplicable,
        ScenarioStatus.Inconclusive => ConformanceVerdict.Inconclusive,
        ScenarioStatus.Undefined or ScenarioStatus.Pending => missingStepsFail ? ConformanceVerdict.Error : ConformanceVerdict.Inconclusive,
        _ => ConformanceVerdict.Error,
    };

    /// <summary>How reports write <paramref name="verdict"/>: PASS, FAIL, N/A, INCONCLUSIVE, ERROR.</summary>
    public static string Label(ConformanceVerdict verdict) => verdict switch
    {
        ConformanceVerdict.Pass => "PASS",
        ConformanceVerdict.Fail => "FAIL",
        ConformanceVerdict.NotApplicable => "N/A",
        ConformanceVerdict.Inconclusive => "INCONCLUSIVE",
        _ => "ERROR",
    };

    /// <summary>The verdict a label of <see cref="Label"/> names, or null.</summary>
    public static ConformanceVerdict? Parse(string? label) =>
        Enum.GetValues<ConformanceVerdict>().Cast<ConformanceVerdict?>().FirstOrDefault(v => Label(v!.Value) == label);

    /// <summary>Whether the verdict fails a CI gate and counts as "failed" in the last line: FAIL and ERROR.</summary>
    public static bool IsFailure(ConformanceVerdict verdict) => verdict is ConformanceVerdict.Fail or ConformanceVerdict.Error;

    /// <summary>The worst of <paramref name="verdicts"/> (ERROR &gt; FAIL &gt; INCONCLUSIVE &gt; N/A &gt; PASS), or null when there are none.</summary>
    public static ConformanceVerdict? Worst(IEnumerable<ConformanceVerdict> verdicts) =>
        verdicts.Select(v => (ConformanceVerdict?)v).Max();

    /// <summary>"N passed, N failed, N skipped": PASS, then FAIL and ERROR, then N/A and INCONCLUSIVE. CI parses this line.</summary>
    public static string CountLine(IReadOnlyCollection<ConformanceVerdict> verdicts)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        var passed = verdicts.Count(v => v == ConformanceVerdict.Pass);
        var failed = verdicts.Count(IsFailure);
        return $"{passed} passed, {failed} failed, {verdicts.Count - passed - failed} skipped";
    }
}
