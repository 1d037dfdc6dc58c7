namespace DerSim.Harness.Gherkin.Configuration;

/// <summary>What a step bound to an <c>[Obsolete]</c> method does (<c>runtime.obsoleteBehavior</c>).</summary>
public enum ObsoleteBehavior
{
    /// <summary>Nothing special.</summary>
    None,

    /// <summary>A warning in the output (Reqnroll's default).</summary>
    Warn,

    /// <summary>The step is pending.</summary>
    Pending,

    /// <summary>The step fails.</summary>
    Error,
}
