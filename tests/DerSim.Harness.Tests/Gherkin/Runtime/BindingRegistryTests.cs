using DerSim.Harness.Gherkin;
using DerSim.Harness.Gherkin.Runtime;

namespace DerSim.Harness.Tests.Gherkin.Runtime;

public sealed class BindingRegistryTests
{
    private static readonly BindingRegistry Registry = BindingRegistry.Discover([typeof(RtSteps), typeof(RtHooks)]);

    [Test]
    public void Every_step_attribute_is_one_definition_with_its_method_and_parameters()
    {
        Registry.Errors.ShouldBeEmpty();
        var given = Registry.StepDefinitions.Single(d => d.Source == "rt the EV has {int} kWh");
        given.Types.ShouldBe([StepDefinitionType.Given]);
        given.DisplayName.ShouldBe("RtSteps.GivenCharge(int)");
        given.Parameters.Select(p => p.Name).ShouldBe(["kwh"]);
        Registry.StepDefinitions.Count(d => d.Method.Name.StartsWith("Same", StringComparison.Ordinal)).ShouldBe(2);
    }

    [Test]
    public void Hooks_are_found_with_tags_without_at_and_order()
    {
        Registry.HooksOf(HookType.BeforeScenario).Select(h => h.Method.Name).ShouldBe(["BeforeScenarioEarly", "BeforeScenarioLate", "OtherTag"], ignoreOrder: false, customMessage: "order 10, 20, then default 10000");
        Registry.Hooks.Single(h => h.Method.Name == "OtherTag").Tags.ShouldBe(["rt-other"]);
    }

    [Test]
    public void A_matching_step_gives_the_binding_and_its_arguments()
    {
        var match = Registry.Match(Scenarios.Step("Given rt the EV has 12 kWh"), Scenarios.One("Given rt the EV has 12 kWh"));
        match.Kind.ShouldBe(StepMatchKind.Matched);
        match.Binding!.Method.Name.ShouldBe("GivenCharge");
        match.Arguments.Single().Value.ShouldBe("12");
    }

    [Test]
    public void The_keyword_must_fit()
    {
        var match = Registry.Match(Scenarios.Step("When rt the EV has 12 kWh"), Scenarios.One("When rt the EV has 12 kWh"));
        match.Kind.ShouldBe(StepMatchKind.Undefined);
        match.Snippet!.ShouldContain("[When(");
        match.Message.ShouldContain("rt the EV has 12 kWh");
    }

    [Test]
    public void Two_equal_definitions_are_ambiguous_and_both_named()
    {
        var match = Registry.Match(Scenarios.Step("Given rt the same step"), Scenarios.One("Given rt the same step"));
        match.Kind.ShouldBe(StepMatchKind.Ambiguous);
        match.Message.ShouldContain("RtSteps.Same1()");
        match.Message.ShouldContain("RtSteps.Same2()");
        match.Message.ShouldContain("\"rt the same step\"");
    }

    [Test]
    public void The_better_scope_wins()
    {
        var match = Registry.Match(Scenarios.Step("Given rt a scoped step"), Scenarios.One("Given rt a scoped step"));
        match.Kind.ShouldBe(StepMatchKind.Matched);
        match.Binding!.Method.Name.ShouldBe("Scoped");
    }

    [Test]
    public void Scoped_definitions_do_not_match_outside_their_scope()
    {
        var outside = Scenarios.Feature("other", [], [("s", ["not-rt"], ["Given rt the EV has 1 kWh"])]).Scenarios[0];
        Registry.Match(outside.Steps[0], outside).Kind.ShouldBe(StepMatchKind.Undefined);
    }

    [Test]
    public void A_table_needs_a_last_parameter_for_it()
    {
        var scenario = Scenarios.One("Given rt the EV has 1 kWh");
        var withTable = Scenarios.Step("Given rt the EV has 1 kWh", table: [["a"], ["1"]]);
        var match = Registry.Match(withTable, scenario);
        match.Kind.ShouldBe(StepMatchKind.ParameterMismatch);
        match.Message.ShouldContain("RtSteps.GivenCharge(int)");
    }

    [Test]
    public void An_expression_derived_from_the_method_name_matches_with_P0_and_P1()
    {
        var definition = Registry.StepDefinitions.Single(d => d.Method.Name.StartsWith("Given_rt", StringComparison.Ordinal));
        definition.IsDerivedFromMethodName.ShouldBeTrue();
        definition.Source.ShouldBe("rt the station (.*) has (.*) connectors");
        var match = Registry.Match(Scenarios.Step("Given rt the station \"CP-1\" has 2 connectors"), Scenarios.One("Given x"));
        match.Kind.ShouldBe(StepMatchKind.Matched);
        match.Arguments.Select(a => a.Value).ShouldBe(["CP-1", "2"]);
        Registry.Match(Scenarios.Step("Given RT the station CP-1 has 2 connectors"), Scenarios.One("Given x")).Kind.ShouldBe(StepMatchKind.Matched, "case does not matter");
    }

    [Test]
    public void Discovery_errors_are_collected_with_the_method_not_thrown()
    {
        var registry = BindingRegistry.Discover([typeof(RtBrokenBindings<int>)]);
        var errors = registry.Errors.Select(e => e.ToString()).ToList();
        errors.ShouldContain(e => e.StartsWith("RtBrokenBindings`1.NotStatic(): ", StringComparison.Ordinal) && e.Contains("must be static", StringComparison.Ordinal));
        errors.ShouldContain(e => e.StartsWith("RtBrokenBindings`1.BadRegex(int): ", StringComparison.Ordinal));
        errors.ShouldContain(e => e.StartsWith("RtBrokenBindings`1.Given_rt_P1_before_P0(int, int): ", StringComparison.Ordinal));
        registry.StepDefinitions.ShouldContain(d => d.Method.Name == "Fine");
        var mismatch = registry.Match(Scenarios.Step("Given rt takes 3 things"), Scenarios.Feature("f", [], [("s", ["rt-broken"], ["Given rt takes 3 things"])]).Scenarios[0]);
        mismatch.Kind.ShouldBe(StepMatchKind.ParameterMismatch);
    }

    [TestCase("Given_the_EV_is_plugged_in", "the EV is plugged in")]
    [TestCase("GivenTheEVIsPluggedIn", "The EV Is Plugged In")]
    [TestCase("When_the_EV_is_plugged_in", "the EV is plugged in")]
    public void Method_names_give_the_step_text(string methodName, string expected)
    {
        var method = typeof(DerivedNames).GetMethod(methodName)!;
        var registry = BindingRegistry.Discover([typeof(DerivedNames)]);
        var definition = registry.StepDefinitions.Single(d => d.Method == method);
        definition.Source.ShouldBe(expected);
        definition.Expression.Match("the EV is plugged in").ShouldNotBeNull();
        definition.Expression.Match("the EV is plugged in, surely not").ShouldBeNull();
    }

    [Binding]
    [Scope(Tag = "rt-names")]
    public sealed class DerivedNames
    {
        [Given]
        public void Given_the_EV_is_plugged_in() => Calls.Add("a");

        [Given]
        public void GivenTheEVIsPluggedIn() => Calls.Add("b");

        [When]
        public void When_the_EV_is_plugged_in() => Calls.Add("c");
    }
}
