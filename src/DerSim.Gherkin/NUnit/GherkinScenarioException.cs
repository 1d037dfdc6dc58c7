namespace DerSim.Gherkin.NUnit;

/// <summary>
/// A scenario that broke (an exception other than an assertion): thrown by <see cref="GherkinNUnit.RunAsync(Model.ScenarioCase)"/>
/// so NUnit reports an error, not a failure. The inner exception is the step's original error.
/// </summary>
public sealed class GherkinScenarioException : Exception
{
    /// <summary>Creates the exception.</summary>
    public GherkinScenarioException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public GherkinScenarioException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the step's original error.</summary>
    public GherkinScenarioException(string message, Exception? inner)
        : base(message, inner)
    {
    }
}
