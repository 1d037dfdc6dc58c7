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

    /// <summary>Creates the error for <paramref name="expression"/> at a 1-based <paramref name="column"/>.</summary>
    public StepExpressionException(string expression, int column, string problem)
        : base($"step expression \"{expression}\", column {column}: {problem}")
    {
        Expression = expression;
        Column = column;
    }

    /// <summary>The expression as written.</summary>
    public string Expression { get; }

    /// <summary>The 1-based column of the offending character, when known.</summary>
    public int? Column { get; }
}
