using DerSim.Harness.Gherkin.Model;

namespace DerSim.Harness.Gherkin;

/// <summary>The running step and how it is going; injectable, and reachable as <see cref="ScenarioContext.StepContext"/>.</summary>
public sealed class ScenarioStepContext : KeyedContext
{
    /// <summary>Creates the context of the step <paramref name="stepInfo"/>.</summary>
    public ScenarioStepContext(StepInfo stepInfo)
    {
        StepInfo = stepInfo;
    }

    /// <summary>The running step.</summary>
    public StepInfo StepInfo { get; }

    /// <summary>The step's outcome so far (Passed while it runs).</summary>
    public ScenarioStatus Status { get; internal set; }
}
