namespace DerSim.Harness.Gherkin;

/// <summary>Where a hook runs.</summary>
public enum HookType
{
    /// <summary>Once before any scenario (static method).</summary>
    BeforeTestRun,

    /// <summary>Once after every scenario (static method).</summary>
    AfterTestRun,

    /// <summary>Before a feature's first scenario (static method).</summary>
    BeforeFeature,

    /// <summary>After a feature's last scenario (static method).</summary>
    AfterFeature,

    /// <summary>Before each scenario.</summary>
    BeforeScenario,

    /// <summary>After each scenario, also when it failed.</summary>
    AfterScenario,

    /// <summary>Before each step.</summary>
    BeforeStep,

    /// <summary>After each step.</summary>
    AfterStep,
}
