using System.Reflection;

namespace DerSim.Harness.Gherkin.Conversion;

/// <summary>
/// A <c>[StepArgumentTransformation]</c> method: with <paramref name="Regex"/> it takes the arguments that match it
/// (its groups feed the method's parameters); with <paramref name="Name"/> Cucumber expressions may say <c>{Name}</c>.
/// </summary>
public sealed record ArgumentTransformation(MethodInfo Method, string? Regex, string? Name);
