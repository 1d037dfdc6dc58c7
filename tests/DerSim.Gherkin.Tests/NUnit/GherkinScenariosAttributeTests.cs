using DerSim.Gherkin.Configuration;
using DerSim.Gherkin.Model;
using DerSim.Gherkin.NUnit;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace DerSim.Gherkin.Tests.NUnit;

public sealed class GherkinScenariosAttributeTests
{
    private static readonly string TestDirectory = TestContext.CurrentContext.TestDirectory;

    private static List<TestMethod> Build(ReqnrollConfig? config = null, params string[] paths) =>
        new GherkinScenariosAttribute(paths).BuildFrom(
            new MethodWrapper(typeof(Host), nameof(Host.Run)), null, TestDirectory, config ?? ReqnrollConfig.Default);

    private static TestMethod Named(List<TestMethod> tests, string name) =>
        tests.SingleOrDefault(t => t.Name == name) ?? throw new AssertionException($"No test '{name}' among: {string.Join(" | ", tests.Select(t => t.Name))}");

    [Test]
    public void Every_scenario_and_outline_row_is_one_test_named_feature_slash_scenario()
    {
        var tests = Build(null, "Features/nunit");

        tests.Select(t => t.Name).Where(n => n.StartsWith("NUnit Boot", StringComparison.Ordinal)).ShouldBe(
        [
            "NUnit Boot / Boot outcome (status: Pending, interval: 10)",
            "NUnit Boot / Boot outcome (status: Accepted, interval: 300)",
            "NUnit Boot / Ignored boot",
            "NUnit Boot / Exclusive boot",
        ]);
        tests.Count.ShouldBe(14);
        tests.Select(t => t.FullName).ShouldBeUnique();
        Named(tests, "NUnit Boot / Ignored boot").FullName.ShouldBe($"{typeof(Host).FullName}.NUnit Boot / Ignored boot");
        Named(tests, "NUnit Boot / Exclusive boot").Arguments.Single().ShouldBeOfType<ScenarioCase>().Id.ShouldBe("boot.feature:18");
    }

    [Test]
    public void Tags_become_categories_without_the_at_sign()
    {
        var test = Named(Build(null, "Features/nunit"), "NUnit outcomes / A step breaks");

        test.Properties[PropertyNames.Category].Cast<string>().ShouldBe(["outcomes", "expect-broken"]);
        test.RunState.ShouldBe(RunState.Runnable);
    }

    [Test]
    public void Ignore_tag_ignores_the_test_with_a_reason_naming_file_and_line()
    {
        var test = Named(Build(null, "Features/nunit"), "NUnit Boot / Ignored boot");

        test.RunState.ShouldBe(RunState.Ignored);
        ((string)test.Properties.Get(PropertyNames.SkipReason)!).ShouldEndWith("boot.feature:14)");
    }

    [Test]
    public void Scenarios_run_in_parallel_unless_a_tag_opts_out()
    {
        var config = ReqnrollConfig.Default with { AddNonParallelizableMarkerForTags = ["serial"] };
        var tests = Build(config, "Features/nunit");

        Scope(Named(tests, "NUnit Boot / Exclusive boot")).ShouldBe(ParallelScope.None);
        Scope(Named(tests, "NUnit outcomes / Marked by the configured tag")).ShouldBe(ParallelScope.None);
        Scope(Named(tests, "NUnit Boot / Boot outcome (status: Pending, interval: 10)")).ShouldBe(ParallelScope.Self);
        Scope(Named(Build(null, "Features/nunit"), "NUnit outcomes / Marked by the configured tag")).ShouldBe(ParallelScope.Self);
    }

    [Test]
    public void A_file_that_does_not_parse_is_a_failing_test_with_every_position()
    {
        var tests = Build(null, "Features/broken");

        var test = tests.ShouldHaveSingleItem();
        test.Name.ShouldBe("Parse error: broken.feature");
        test.RunState.ShouldBe(RunState.NotRunnable);
        var reason = (string)test.Properties.Get(PropertyNames.SkipReason)!;
        reason.Split('\n').Length.ShouldBe(2);
        reason.ShouldContain("broken.feature:4:3: ");
        reason.ShouldContain("broken.feature:8:5: ");
    }

    [Test]
    public void A_missing_folder_is_a_failing_test_naming_the_folder_looked_for()
    {
        var tests = Build(null, "Features/nunit", "no-such-folder");

        var test = Named(tests, "Missing features: no-such-folder");
        test.RunState.ShouldBe(RunState.NotRunnable);
        ((string)test.Properties.Get(PropertyNames.SkipReason)!).ShouldContain(Path.Combine(TestDirectory, "no-such-folder"));
        tests.Count.ShouldBe(15);
    }

    [Test]
    public void The_public_entry_reads_reqnroll_json_beside_the_test_assembly()
    {
        var tests = new GherkinScenariosAttribute("Features/loader/german.feature")
            .BuildFrom(new MethodWrapper(typeof(Host), nameof(Host.Run)), null).ToList();

        tests.ShouldHaveSingleItem().Name.ShouldBe("Ladevorgang / Laden startet");
    }

    private static ParallelScope Scope(TestMethod test) => (ParallelScope)test.Properties.Get(PropertyNames.ParallelScope)!;

    /// <summary>A method shaped like a user's, without the attribute, so NUnit does not run it.</summary>
    public sealed class Host
    {
        public Task Run(ScenarioCase scenario) => Task.CompletedTask;
    }
}
