namespace DerSim.Harness.Gherkin.Runtime;

/// <summary>What matching a step against the step definitions found.</summary>
public enum StepMatchKind
{
    /// <summary>Exactly one definition fits.</summary>
    Matched,

    /// <summary>No definition's expression matches the text.</summary>
    Undefined,

    /// <summary>More than one definition fits equally well.</summary>
    Ambiguous,

    /// <summary>Expressions match but no method takes that many arguments.</summary>
    ParameterMismatch,
}
