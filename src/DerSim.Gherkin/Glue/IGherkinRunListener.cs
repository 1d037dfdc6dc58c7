namespace DerSim.Gherkin.Glue;

/// <summary>
/// Receives the events of a run, for reporters. Every method has an empty default, so a listener implements only what
/// it needs. Scenarios may run in parallel, so calls can come from several threads at once; a listener that throws is
/// logged and the run goes on.
/// </summary>
public interface IGherkinRunListener
{
    /// <summary>The run started (before the BeforeTestRun hooks).</summary>
    void RunStarted(RunStartedEvent e)
    {
    }

    /// <summary>The run ended (after the AfterTestRun hooks).</summary>
    void RunFinished(RunFinishedEvent e)
    {
    }

    /// <summary>A feature's first scenario is about to run (before the BeforeFeature hooks).</summary>
    void FeatureStarted(FeatureStartedEvent e)
    {
    }

    /// <summary>A feature's scenarios are done (after the AfterFeature hooks).</summary>
    void FeatureFinished(FeatureFinishedEvent e)
    {
    }

    /// <summary>A scenario is about to run (before its BeforeScenario hooks).</summary>
    void ScenarioStarted(ScenarioStartedEvent e)
    {
    }

    /// <summary>A scenario ended (after its AfterScenario hooks).</summary>
    void ScenarioFinished(ScenarioFinishedEvent e)
    {
    }

    /// <summary>A step is about to run (before its BeforeStep hooks); also raised for skipped steps.</summary>
    void StepStarted(StepStartedEvent e)
    {
    }

    /// <summary>A step ended (after its AfterStep hooks).</summary>
    void StepFinished(StepFinishedEvent e)
    {
    }

    /// <summary>A hook ended.</summary>
    void HookFinished(HookFinishedEvent e)
    {
    }
}
