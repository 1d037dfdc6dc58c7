using System.Globalization;
using DerSim.Harness.Gherkin.Expressions;

namespace DerSim.Harness.Tests.Gherkin.Expressions;

/// <summary>The Cucumber expression compiler, case by case from the grammar.</summary>
public sealed class CucumberExpressionTests
{
    private static readonly string[] NoMatch = ["<no match>"];

    /// <summary>expression, step text, expected argument values (empty: matches without arguments; NoMatch: no match).</summary>
    private static readonly object[][] MatchCases =
    [
        // plain text
        ["I do something", "I do something", Array.Empty<string>()],
        ["I do something", "I do something else", NoMatch],
        ["I do something", "we do something", NoMatch],
        ["I do something", "I do  something", NoMatch],
        ["", "", Array.Empty<string>()],
        ["a.b*c+d?e[f]g^h$i|j", "a.b*c+d?e[f]g^h$i|j", Array.Empty<string>()],
        ["a.b", "axb", NoMatch],
        ["costs $5", "costs $5", Array.Empty<string>()],

        // {int} and the other integers
        ["I have {int} cukes", "I have 42 cukes", new[] { "42" }],
        ["I have {int} cukes", "I have -7 cukes", new[] { "-7" }],
        ["I have {int} cukes", "I have 0 cukes", new[] { "0" }],
        ["I have {int} cukes", "I have 4.5 cukes", NoMatch],
        ["I have {int} cukes", "I have many cukes", NoMatch],
        ["I have {int} cukes", "I have  cukes", NoMatch],
        ["{int} and {int}", "1 and 22", new[] { "1", "22" }],
        ["{int}", "123456789012", new[] { "123456789012" }],
        ["{long} bytes", "9000000000 bytes", new[] { "9000000000" }],
        ["{short}", "-12", new[] { "-12" }],
        ["{byte}", "255", new[] { "255" }],
        ["{biginteger}", "123456789012345678901234567890", new[] { "123456789012345678901234567890" }],

        // {float}, {double}, {decimal}, {bigdecimal}
        ["{float} kWh", "3.5 kWh", new[] { "3.5" }],
        ["{float} kWh", "-3.5 kWh", new[] { "-3.5" }],
        ["{float} kWh", "3 kWh", new[] { "3" }],
        ["{float} kWh", ".5 kWh", new[] { ".5" }],
        ["{float} kWh", "1.5e3 kWh", new[] { "1.5e3" }],
        ["{float} kWh", "3. kWh", NoMatch],
        ["{float} kWh", "3,5 kWh", NoMatch],
        ["{double}", "+2.25", new[] { "+2.25" }],
        ["{decimal} EUR", "19.99 EUR", new[] { "19.99" }],
        ["{bigdecimal}", "100.000000000000000001", new[] { "100.000000000000000001" }],

        // {word}
        ["user {word} logs in", "user marvin logs in", new[] { "marvin" }],
        ["user {word} logs in", "user zaphod-beeblebrox logs in", new[] { "zaphod-beeblebrox" }],
        ["user {word} logs in", "user two words logs in", NoMatch],

        // {string}
        ["user {string} logs in", "user \"Marvin\" logs in", new[] { "Marvin" }],
        ["user {string} logs in", "user 'Zaphod Beeblebrox' logs in", new[] { "Zaphod Beeblebrox" }],
        ["user {string} logs in", "user \"\" logs in", new[] { "" }],
        ["user {string} logs in", "user '' logs in", new[] { "" }],
        ["user {string} logs in", "user \"it's\" logs in", new[] { "it's" }],
        ["user {string} logs in", "user 'say \"hi\"' logs in", new[] { "say \"hi\"" }],
        ["user {string} logs in", "user \"a \\\"b\\\" c\" logs in", new[] { "a \"b\" c" }],
        ["user {string} logs in", "user Marvin logs in", NoMatch],
        ["user {string} logs in", "user \"Marvin logs in", NoMatch],
        ["{string} and {string}", "\"a\" and 'b'", new[] { "a", "b" }],

        // anonymous {}
        ["I say {}", "I say anything at all", new[] { "anything at all" }],
        ["I say {}", "I say ", new[] { "" }],
        ["{} then {int}", "x y then 3", new[] { "x y", "3" }],

        // optional text
        ["I have {int} cucumber(s)", "I have 1 cucumber", new[] { "1" }],
        ["I have {int} cucumber(s)", "I have 2 cucumbers", new[] { "2" }],
        ["I have {int} cucumber(s)", "I have 2 cucumberss", NoMatch],
        ["(a )car", "a car", Array.Empty<string>()],
        ["(a )car", "car", Array.Empty<string>()],
        ["a (big )car", "a car", Array.Empty<string>()],
        ["a (big/small) car", "a big/small car", Array.Empty<string>()],
        ["a (big/small) car", "a big car", NoMatch],

        // alternation
        ["three hungry/blind mice", "three hungry mice", Array.Empty<string>()],
        ["three hungry/blind mice", "three blind mice", Array.Empty<string>()],
        ["three hungry/blind mice", "three hungry/blind mice", NoMatch],
        ["three hungry/blind mice", "three deaf mice", NoMatch],
        ["I am/was/will be here", "I was be here", Array.Empty<string>()],
        ["I am/was/will be here", "I will be here", Array.Empty<string>()],
        ["I am/was/will be here", "I am be here", Array.Empty<string>()],
        ["the mouse/mice(s) run(s)", "the mices run", Array.Empty<string>()],
        ["the mouse/mice(s) run(s)", "the mouse runs", Array.Empty<string>()],
        ["{int} apple/apples", "3 apples", new[] { "3" }],
        ["{int} apple/apples", "3 pear", NoMatch],

        // escapes
        ["a \\(b\\) c", "a (b) c", Array.Empty<string>()],
        ["a \\(b\\) c", "a b c", NoMatch],
        ["a \\{int\\} c", "a {int} c", Array.Empty<string>()],
        ["a \\{int\\} c", "a 5 c", NoMatch],
        ["km\\/h", "km/h", Array.Empty<string>()],
        ["km\\/h", "km", NoMatch],
        ["back\\\\slash", "back\\slash", Array.Empty<string>()],
        ["a\\ b", "a b", Array.Empty<string>()],
        ["a } b", "a } b", Array.Empty<string>()],
        ["a ) b", "a ) b", Array.Empty<string>()],

        // parameters next to text and other parameters
        ["{int}kWh", "5kWh", new[] { "5" }],
        ["price: {float}€", "price: 1.25€", new[] { "1.25" }],
        ["{word} has {int} (new )message(s)", "alice has 1 message", new[] { "alice", "1" }],
        ["{word} has {int} (new )message(s)", "bob has 3 new messages", new[] { "bob", "3" }],
    ];

    /// <summary>expression, the start of the expected message, the expected column.</summary>
    private static readonly object[][] ErrorCases =
    [
        ["I have {unknown} cukes", "undefined parameter type {unknown}", 8],
        ["I have {int cukes", "the '{' does not have a matching '}'", 8],
        ["I have (s cukes", "the '(' does not have a matching ')'", 8],
        ["I have () cukes", "an optional may not be empty", 8],
        ["I have ({int}) cukes", "an optional may not contain a parameter type", 9],
        ["I have ((s)) cukes", "an optional may not contain another optional", 9],
        ["I have a/ cukes", "an alternative may not be empty", 10],
        ["I have /b cukes", "an alternative may not be empty", 8],
        ["I have a//b cukes", "an alternative may not be empty", 10],
        ["I have {int}/b cukes", "an alternative may not contain a parameter type", 8],
        ["I have (a)/b cukes", "an alternative may not consist only of optionals", 8],
        ["I have \\x cukes", "'x' cannot be escaped", 8],
        ["I have cukes\\", "the end of the expression cannot be escaped", 13],
        ["I have {in t} cukes", "a parameter type name may not contain ' '", 11],
    ];

    private static ParameterTypeRegistry Registry() => ParameterTypeRegistry.CreateDefault(System.Globalization.CultureInfo.InvariantCulture);

    [TestCaseSource(nameof(MatchCases))]
    public void Matches_as_the_grammar_says(string expression, string text, string[] expected)
    {
        var compiled = new CucumberExpression(expression, Registry());
        var arguments = compiled.Match(text);
        if (ReferenceEquals(expected, NoMatch))
        {
            arguments.ShouldBeNull($"{compiled.Pattern} should not match");
        }
        else
        {
            arguments.ShouldNotBeNull($"{compiled.Pattern} should match");
            arguments.Select(a => a.Value).ToArray().ShouldBe(expected);
        }
    }

    [TestCaseSource(nameof(ErrorCases))]
    public void Malformed_expressions_are_reported_with_their_column(string expression, string problem, int column)
    {
        var ex = Should.Throw<StepExpressionException>(() => new CucumberExpression(expression, Registry()));
        ex.Expression.ShouldBe(expression);
        ex.Message.ShouldContain(problem);
        ex.Message.ShouldContain(expression);
        ex.Column.ShouldBe(column);
    }

    [Test]
    public void The_case_table_is_large_enough()
    {
        (MatchCases.Length + ErrorCases.Length).ShouldBeGreaterThanOrEqualTo(60);
    }

    [Test]
    public void Arguments_carry_their_position_and_parameter_type()
    {
        var arguments = new CucumberExpression("user {string} has {int} kWh", Registry()).Match("user \"ann\" has 12 kWh")!;
        arguments[0].Start.ShouldBe(6);
        arguments[0].ParameterType!.Name.ShouldBe("string");
        arguments[0].Groups.ShouldBe(["ann"]);
        arguments[1].Start.ShouldBe(15);
        arguments[1].ParameterType!.Type.ShouldBe(typeof(int));
    }

    [Test]
    public void Decimals_follow_the_binding_culture()
    {
        var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        comma.NumberFormat.NumberDecimalSeparator = ",";
        var registry = ParameterTypeRegistry.CreateDefault(comma);
        var expression = new CucumberExpression("{double} kWh", registry);
        expression.Match("3,5 kWh")!.Single().Value.ShouldBe("3,5");
        expression.Match("3.5 kWh").ShouldBeNull();
        registry.Culture.ShouldBeSameAs(comma);
    }

    [Test]
    public void Types_defined_by_name_can_be_used_as_parameters()
    {
        var registry = Registry();
        registry.DefineType(typeof(DayOfWeek)).ShouldBeTrue();
        registry.DefineType(typeof(DayOfWeek)).ShouldBeFalse();
        new CucumberExpression("on {DayOfWeek}", registry).Match("on friday")!.Single().Value.ShouldBe("friday");
        new CucumberExpression("on {System.DayOfWeek}", registry).Match("on Monday")!.Single().ParameterType!.Type.ShouldBe(typeof(DayOfWeek));

        registry.Define(new ParameterType("color", ["red|green|blue"], typeof(string)));
        var colored = new CucumberExpression("a {color} car", registry);
        colored.Match("a red car")!.Single().Value.ShouldBe("red");
        colored.Match("a pink car").ShouldBeNull();
    }

    [Test]
    public void Parameter_types_with_several_patterns_and_groups_give_the_groups()
    {
        var registry = Registry();
        registry.Define(new ParameterType("point", [@"\((\d+),(\d+)\)", @"(\d+)x(\d+)"], typeof(string)));
        var arguments = new CucumberExpression("at {point} and {int}", registry).Match("at 3x4 and 7")!;
        arguments[0].Groups.ShouldBe(["3", "4"]);
        arguments[1].Value.ShouldBe("7");
        new CucumberExpression("at {point}", registry).Match("at (1,2)")![0].Groups.ShouldBe(["1", "2"]);
    }
}
