namespace DerSim.Harness.Gherkin.Configuration;

/// <summary>How suggested step definitions are written (<c>trace.stepDefinitionSkeletonStyle</c>).</summary>
public enum StepDefinitionSkeletonStyle
{
    /// <summary>A Cucumber expression in the attribute (Reqnroll's default).</summary>
    CucumberExpressionAttribute,

    /// <summary>A regular expression in the attribute.</summary>
    RegexAttribute,

    /// <summary>No expression; the method name with underscores is the step text.</summary>
    MethodNameUnderscores,

    /// <summary>No expression; the method name in PascalCase is the step text.</summary>
    MethodNamePascalCase,

    /// <summary>No expression; the method name is read as a regular expression.</summary>
    MethodNameRegex,
}
