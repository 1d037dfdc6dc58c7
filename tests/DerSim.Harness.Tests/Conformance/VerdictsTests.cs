using DerSim.Gherkin.Model;
using DerSim.Harness.Conformance;

namespace DerSim.Harness.Tests.Conformance;

/// <summary>The one mapping from execution status to verdict, its labels, its order and the last line it makes.</summary>
public sealed class VerdictsTests
{
    [TestCase(ScenarioStatus.Passed, false, "PASS")]
    [TestCase(ScenarioStatus.Failed, false, "FAIL")]
    [TestCase(ScenarioStatus.NotApplicable, false, "N/A")]
    [TestCase(ScenarioStatus.Skipped, false, "N/A")]
    [TestCase(ScenarioStatus.Inconclusive, false, "INCONCLUSIVE")]
    [TestCase(ScenarioStatus.Broken, false, "ERROR")]
    [TestCase(ScenarioStatus.Ambiguous, false, "ERROR")]
    [TestCase(ScenarioStatus.Undefined, false, "INCONCLUSIVE")]
    [TestCase(ScenarioStatus.Pending, false, "INCONCLUSIVE")]
    [TestCase(ScenarioStatus.Undefined, true, "ERROR")]
    [TestCase(ScenarioStatus.Pending, true, "ERROR")]
    public void Each_status_has_one_verdict(ScenarioStatus status, bool missingStepsFail, string label)
    {
        var verdict = Verdicts.Of(status, missingStepsFail);
        Verdicts.Label(verdict).ShouldBe(label);
        Verdicts.Parse(label).ShouldBe(verdict);
    }

    [Test]
    public void Every_status_is_mapped()
    {
        foreach (var status in Enum.GetValues<ScenarioStatus>())
        {
            Verdicts.ReportOrder.ShouldContain(Verdicts.Of(status));
        }
    }

    [Test]
    public void A_case_takes_the_worst_of_its_runs()
    {
        Verdicts.Worst([ConformanceVerdict.Pass, ConformanceVerdict.NotApplicable]).ShouldBe(ConformanceVerdict.NotApplicable);
        Verdicts.Worst([ConformanceVerdict.NotApplicable, ConformanceVerdict.Inconclusive, ConformanceVerdict.Pass]).ShouldBe(ConformanceVerdict.Inconclusive);
        Verdicts.Worst([ConformanceVerdict.Inconclusive, ConformanceVerdict.Fail]).ShouldBe(ConformanceVerdict.Fail);
        Verdicts.Worst([ConformanceVerdict.Fail, ConformanceVerdict.Error, ConformanceVerdict.Pass]).ShouldBe(ConformanceVerdict.Error);
        Verdicts.Worst([]).ShouldBeNull();
    }

    [Test]
    public void The_last_line_counts_fail_and_error_as_failed_and_the_unjudged_as_skipped()
    {
        Verdicts.CountLine([ConformanceVerdict.Pass, ConformanceVerdict.Fail, ConformanceVerdict.Error, ConformanceVerdict.NotApplicable, ConformanceVerdict.Inconclusive, ConformanceVerdict.Pass])
            .ShouldBe("2 passed, 2 failed, 2 skipped");
        Verdicts.Parse("PASSED").ShouldBeNull();
    }
}
