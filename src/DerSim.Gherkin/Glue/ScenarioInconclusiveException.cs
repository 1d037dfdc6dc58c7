namespace DerSim.Gherkin.Glue;

/// <summary>
/// Thrown when an action the scenario needs from outside DerSim (an operator at the CSMS, a call to the CSMS's own API)
/// did not happen in time: the scenario ends Inconclusive, neither failed nor passed, with the message saying what was
/// awaited. (Not "InconclusiveException": NUnit has one, and test code sees both namespaces.)
/// </summary>
public class ScenarioInconclusiveException : Exception
{
    /// <summary>Creates the exception without a reason.</summary>
    public ScenarioInconclusiveException()
        : base("inconclusive")
    {
    }

    /// <summary>Creates the exception with the <paramref name="message"/> saying what did not happen.</summary>
    public ScenarioInconclusiveException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    public ScenarioInconclusiveException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
