using DerSim.Gherkin.Features;

namespace DerSim.Gherkin.Tests.Features;

public sealed class TagExpressionTests
{
    [TestCase("@boot", "boot,ocpp1.6", true)]
    [TestCase("boot", "boot", true)]
    [TestCase("@boot", "smart-charging", false)]
    [TestCase("@boot and @ocpp1.6", "boot,ocpp1.6", true)]
    [TestCase("@boot and @ocpp1.6", "boot,ocpp2.1", false)]
    [TestCase("@boot or @reset", "reset", true)]
    [TestCase("not @slow", "boot", true)]
    [TestCase("not @slow", "slow", false)]
    [TestCase("@boot and not (@ocpp2.1 or @ocpp1.6)", "boot,ocpp2.0.1", true)]
    [TestCase("@boot and not (@ocpp2.1 or @ocpp1.6)", "boot,ocpp2.1", false)]
    [TestCase("@a or @b and @c", "a", true)]
    [TestCase("(@a or @b) and @c", "a", false)]
    [TestCase("not not @a", "a", true)]
    [TestCase("@BOOT", "boot", true)]
    public void Selects_by_tags(string expression, string tags, bool expected) =>
        TagExpression.Parse(expression).Matches(tags.Split(',')).ShouldBe(expected);

    [TestCase("", "empty")]
    [TestCase("@a and", "ends where a tag was expected")]
    [TestCase("(@a or @b", "missing \")\"")]
    [TestCase("@a @b", "unexpected \"@b\"")]
    [TestCase("and @a", "unexpected \"and\"")]
    public void Malformed_expressions_say_what_is_wrong(string expression, string message) =>
        Should.Throw<FormatException>(() => TagExpression.Parse(expression)).Message.ShouldContain(message);
}
