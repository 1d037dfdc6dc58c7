using System.Globalization;
using System.Reflection;
using DerSim.Harness.Gherkin.Expressions;

namespace DerSim.Harness.Gherkin.Runtime;

/// <summary>A discovered step definition: one per step attribute of a method.</summary>
/// <param name="Types">The keywords it answers to.</param>
/// <param name="Expression">The compiled expression (its <see cref="IStepExpression.Source"/> is what the attribute says, or the expression derived from the method name).</param>
/// <param name="BindingType">The binding class.</param>
/// <param name="Method">The method.</param>
/// <param name="Scopes">The method's [Scope]s, or else its class's; empty: unscoped.</param>
/// <param name="Culture">The attribute's culture for argument conversion, or null for the run's binding culture.</param>
/// <param name="IsDerivedFromMethodName">Whether the attribute gave no expression.</param>
public sealed record StepDefinitionBinding(
    IReadOnlyList<StepDefinitionType> Types,
    IStepExpression Expression,
    Type BindingType,
    MethodInfo Method,
    IReadOnlyList<BindingScope> Scopes,
    CultureInfo? Culture,
    bool IsDerivedFromMethodName)
{
    /// <summary>The expression as written or derived.</summary>
    public string Source => Expression.Source;

    /// <summary>"Class.Method(types)".</summary>
    public string DisplayName => MethodDisplay.Of(Method, BindingType);

    /// <summary>The method's parameters (the arguments, then a Table or doc string one when the step has one).</summary>
    public IReadOnlyList<ParameterInfo> Parameters => Method.GetParameters();

    /// <summary>The method's documentation when the registry was given a provider, else null.</summary>
    public string? Documentation { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{DisplayName} [{string.Join("/", Types)}(\"{Source}\")]";
}
