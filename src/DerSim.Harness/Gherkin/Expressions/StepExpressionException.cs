namespace DerSim.Harness.Gherkin.Expressions;

/// <summary>A step expression that cannot be compiled; the message names the expression and what is wrong.</summary>
public sealed class StepExpressionException : Exception
{
    /// <summary>Creates the error for <paramref name="expression"/>.</summary>
    public StepExpressionException(string expression, string problem, Exception? inner = null)
        : base($"step expression \"{expression}\": {problem}", inner)
    {
        Expression = expression;
    }

    /// <summary>The expression as written.</summary>
    public string Expression { get; }
}
