namespace DerSim.Harness.Gherkin;

/// <summary>Marks a class whose methods are step definitions, hooks or step argument transformations (Reqnroll's name).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class BindingAttribute : Attribute;
