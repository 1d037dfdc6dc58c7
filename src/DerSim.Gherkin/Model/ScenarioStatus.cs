namespace DerSim.Gherkin.Model;

/// <summary>How a scenario or a step ended.</summary>
public enum ScenarioStatus
{
    /// <summary>Every step passed.</summary>
    Passed,

    /// <summary>An assertion failed (NUnit, Shouldly, table comparison).</summary>
    Failed,

    /// <summary>Another exception: the scenario could not be judged.</summary>
    Broken,

    /// <summary>A step has no definition.</summary>
    Undefined,

    /// <summary>A step has more than one matching definition.</summary>
    Ambiguous,

    /// <summary>A step called <c>ScenarioContext.Pending()</c>.</summary>
    Pending,

    /// <summary>Not run: an earlier step did not pass (steps), or ignored (scenarios).</summary>
    Skipped,

    /// <summary>The step makes no sense for this configuration (e.g. an OCPP version); the scenario is not judged.</summary>
    NotApplicable,

    /// <summary>
    /// An action the scenario needs from outside (an operator at the CSMS, the CSMS's API) did not happen in time; the
    /// scenario is not judged (<see cref="Glue.ScenarioInconclusiveException"/>).
    /// </summary>
    Inconclusive,
}
