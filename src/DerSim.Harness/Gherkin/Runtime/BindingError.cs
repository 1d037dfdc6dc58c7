namespace DerSim.Harness.Gherkin.Runtime;

/// <summary>A binding that could not be registered, kept for the first scenario's report instead of failing start-up.</summary>
/// <param name="Method">The method, "Class.Method(types)".</param>
/// <param name="Message">What is wrong.</param>
public sealed record BindingError(string Method, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Method + ": " + Message;
}
