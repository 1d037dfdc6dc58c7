namespace DerSim.Harness.Gherkin;

/// <summary>Thrown by a step that is not implemented yet; the step and scenario end Pending.</summary>
public class PendingStepException : Exception
{
    /// <summary>Creates the exception with Reqnroll's message.</summary>
    public PendingStepException()
        : base("One or more step definitions are not implemented yet.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public PendingStepException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    public PendingStepException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
