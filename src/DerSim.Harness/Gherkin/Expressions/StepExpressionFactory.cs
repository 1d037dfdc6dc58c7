namespace DerSim.Harness.Gherkin.Expressions;

/// <summary>Compiles the expression of a step definition attribute, telling regular from Cucumber expressions.</summary>
public static class StepExpressionFactory
{
    /// <summary>Compiles <paramref name="source"/>.</summary>
    /// <exception cref="StepExpressionException">The expression is malformed or names an unknown parameter type.</exception>
    public static IStepExpression Create(string source, ParameterTypeRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return new RegexStepExpression(source);
    }
}
