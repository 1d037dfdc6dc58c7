namespace DerSim.Harness.Conformance;

/// <summary>
/// What a run says about the CSMS, per scenario and per OCA case, as certification tools report it. The order is
/// severity, worst last: a case run several times takes the worst of its results (<see cref="Verdicts.Worst"/>).
/// </summary>
public enum ConformanceVerdict
{
    /// <summary>The CSMS did everything the scenario checks.</summary>
    Pass,

    /// <summary>The target declaration says the CSMS lacks the version or feature (the reason says which): not judged.</summary>
    NotApplicable,

    /// <summary>An operator or API action the scenario needs did not happen in time: not judged.</summary>
    Inconclusive,

    /// <summary>The CSMS broke a rule; the message quotes the frames and the rule.</summary>
    Fail,

    /// <summary>DerSim or the environment broke (an exception, an undefined or ambiguous step): not judged, but the run fails.</summary>
    Error,
}
