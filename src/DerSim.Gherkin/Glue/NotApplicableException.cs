namespace DerSim.Gherkin.Glue;

/// <summary>Thrown when a scenario makes no sense for the configuration under test; the scenario ends NotApplicable.</summary>
public class NotApplicableException : Exception
{
    /// <summary>Creates the exception without a reason.</summary>
    public NotApplicableException()
        : base("not applicable")
    {
    }

    /// <summary>Creates the exception with the <paramref name="message"/> saying why.</summary>
    public NotApplicableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    public NotApplicableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
