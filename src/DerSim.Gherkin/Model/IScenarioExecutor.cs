namespace DerSim.Gherkin.Model;

/// <summary>Runs scenarios; the NUnit glue and <c>dersim run</c> both drive one.</summary>
public interface IScenarioExecutor
{
    /// <summary>Runs one scenario with its hooks (the test run's and feature's Before hooks run first when due).</summary>
    Task<ScenarioResult> RunAsync(ScenarioCase scenario, CancellationToken ct);

    /// <summary>Runs the pending AfterFeature and AfterTestRun hooks; call once at the end of the run.</summary>
    Task EndRunAsync();
}
