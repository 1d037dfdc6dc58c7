using DerSim.Harness.Gherkin.Expressions;

namespace DerSim.Harness.Tests.Gherkin.Expressions;

/// <summary>Reqnroll's rule for telling regular expressions from Cucumber expressions.</summary>
public sealed class StepExpressionFactoryTests
{
    [TestCase("I have {int} cukes", false)]
    [TestCase("I have 42 cukes", false)]
    [TestCase("^I have (\\d+) cukes$", true)]
    [TestCase("^I start", true)]
    [TestCase("I end$", true)]
    [TestCase("I have (.*) cukes", true)]
    [TestCase("I have (\\w+) cukes", true)]
    [TestCase("I have (a+)", true)]
    [TestCase("I have (s)", false)]
    [TestCase("a/b", false)]
    [TestCase("a\\/b", false)]
    [TestCase("^a/b", true)]
    [TestCase("(a/b)", false)]
    [TestCase("\\(a\\)", false)]
    [TestCase("version 1\\.6", true)]
    [TestCase("I wait \\d+ seconds", true)]
    [TestCase("I have {int} (.*) cukes", false)]
    [TestCase("I say {}", false)]
    public void Detects_regular_expressions(string source, bool isRegex)
    {
        StepExpressionFactory.IsRegex(source).ShouldBe(isRegex);
        StepExpressionFactory.Create(source, ParameterTypeRegistry.CreateDefault(System.Globalization.CultureInfo.InvariantCulture)).IsRegex.ShouldBe(isRegex);
    }

    [Test]
    public void Regex_groups_become_arguments()
    {
        var expression = StepExpressionFactory.Create("^I have (\\d+) cukes in (?:my )?(\\w+)?$", ParameterTypeRegistry.CreateDefault(System.Globalization.CultureInfo.InvariantCulture));
        expression.ShouldBeOfType<RegexStepExpression>();
        var arguments = expression.Match("I have 3 cukes in belly")!;
        arguments.Select(a => a.Value).ShouldBe(["3", "belly"]);
        arguments[0].ParameterType.ShouldBeNull();
    }

    [Test]
    public void Cucumber_expressions_become_CucumberExpression()
    {
        var expression = StepExpressionFactory.Create("I have {int} cukes", ParameterTypeRegistry.CreateDefault(System.Globalization.CultureInfo.InvariantCulture));
        expression.ShouldBeOfType<CucumberExpression>().IsRegex.ShouldBeFalse();
        expression.Match("I have 3 cukes")!.Single().Value.ShouldBe("3");
    }

    [Test]
    public void Invalid_regular_expressions_name_the_expression()
    {
        var ex = Should.Throw<StepExpressionException>(() => StepExpressionFactory.Create("^I have (\\d+ cukes$", ParameterTypeRegistry.CreateDefault(System.Globalization.CultureInfo.InvariantCulture)));
        ex.Message.ShouldContain("^I have (\\d+ cukes$");
    }
}
