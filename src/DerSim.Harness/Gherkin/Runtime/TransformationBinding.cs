using System.Reflection;

namespace DerSim.Harness.Gherkin.Runtime;

/// <summary>A discovered [StepArgumentTransformation] method.</summary>
/// <param name="BindingType">The binding class (instance methods run on the scenario's instance of it).</param>
/// <param name="Method">The method; its return type is what it converts to.</param>
/// <param name="Regex">The pattern the argument must match, or null.</param>
/// <param name="Name">The Cucumber parameter type name it defines, or null.</param>
public sealed record TransformationBinding(Type BindingType, MethodInfo Method, string? Regex, string? Name);
