using DerSim.Gherkin.Configuration;

using Reqnroll.BindingSkeletons;
using Reqnroll.Configuration;

namespace DerSim.Gherkin.Tests.Configuration;

public sealed class ReqnrollConfigTests
{
    [Test]
    public void A_missing_file_gives_reqnrolls_defaults()
    {
        var config = ReqnrollConfig.Load(Path.Combine(TestContext.CurrentContext.TestDirectory, "no-such-reqnroll.json"));

        config.ShouldBeSameAs(ReqnrollConfig.Default);
        config.FeatureLanguage.ShouldBe("en-US");
        config.BindingCulture.ShouldBeNull();
        config.EffectiveBindingCulture.ShouldBe("en-US");
        config.MissingOrPendingStepsOutcome.ShouldBe(MissingOrPendingStepsOutcome.Pending);
        config.StopAtFirstError.ShouldBeFalse();
        config.TraceSuccessfulSteps.ShouldBeTrue();
        config.TraceTimings.ShouldBeFalse();
        config.MinTracedDuration.ShouldBe(TimeSpan.FromMilliseconds(100));
        config.StepDefinitionSkeletonStyle.ShouldBe(StepDefinitionSkeletonStyle.CucumberExpressionAttribute);
        config.BindingAssemblies.ShouldBeEmpty();
        config.AddNonParallelizableMarkerForTags.ShouldBeEmpty();
        config.Warnings.ShouldBeEmpty();
    }

    [Test]
    public void Every_applicable_key_is_read_with_comments_and_trailing_commas()
    {
        const string json = """
            {
              // Reqnroll settings
              "language": { "feature": "de-DE", "binding": "de-AT" },
              "bindingAssemblies": [ { "assembly": "Shared.Steps" }, { "assembly": "More.Steps" }, ],
              /* runtime */
              "runtime": { "missingOrPendingStepsOutcome": "error", "stopAtFirstError": true, "obsoleteBehavior": "Pending" },
              "trace": {
                "traceSuccessfulSteps": false,
                "traceTimings": true,
                "minTracedDuration": "0:0:2.5",
                "stepDefinitionSkeletonStyle": "RegexAttribute",
                "coloredOutput": true,
              },
              "generator": { "addNonParallelizableMarkerForTags": [ "@serial", "exclusive" ], "allowRowTests": true },
              "dersim": { "anything": [1, 2, 3] },
            }
            """;

        var config = ReqnrollConfig.Parse(json, "reqnroll.json");

        config.FeatureLanguage.ShouldBe("de-DE");
        config.BindingCulture.ShouldBe("de-AT");
        config.EffectiveBindingCulture.ShouldBe("de-AT");
        config.BindingAssemblies.ShouldBe(["Shared.Steps", "More.Steps"]);
        config.MissingOrPendingStepsOutcome.ShouldBe(MissingOrPendingStepsOutcome.Error);
        config.StopAtFirstError.ShouldBeTrue();
        config.ObsoleteBehavior.ShouldBe(ObsoleteBehavior.Pending);
        config.TraceSuccessfulSteps.ShouldBeFalse();
        config.TraceTimings.ShouldBeTrue();
        config.MinTracedDuration.ShouldBe(TimeSpan.FromSeconds(2.5));
        config.StepDefinitionSkeletonStyle.ShouldBe(StepDefinitionSkeletonStyle.RegexAttribute);
        config.ColoredOutput.ShouldBeTrue();
        config.AddNonParallelizableMarkerForTags.ShouldBe(["serial", "exclusive"]);
        config.Warnings.ShouldBeEmpty();

        // Reqnroll's runtime gets the same values from this reader (the file is not read a second time by Reqnroll).
        var runtime = config.ToReqnroll();
        runtime.FeatureLanguage.Name.ShouldBe("de-DE");
        runtime.BindingCulture!.Name.ShouldBe("de-AT");
        runtime.AdditionalStepAssemblies.ShouldBe(["Shared.Steps", "More.Steps"]);
        runtime.MissingOrPendingStepsOutcome.ShouldBe(MissingOrPendingStepsOutcome.Error);
        runtime.StopAtFirstError.ShouldBeTrue();
        runtime.ObsoleteBehavior.ShouldBe(ObsoleteBehavior.Pending);
        runtime.TraceSuccessfulSteps.ShouldBeFalse();
        runtime.TraceTimings.ShouldBeTrue();
        runtime.MinTracedDuration.ShouldBe(TimeSpan.FromSeconds(2.5));
        runtime.StepDefinitionSkeletonStyle.ShouldBe(StepDefinitionSkeletonStyle.RegexAttribute);
        runtime.ColoredOutput.ShouldBeTrue();
        runtime.AddNonParallelizableMarkerForTags.ShouldBe(["serial", "exclusive"]);
    }

    [Test]
    public void Unknown_keys_are_warnings_naming_their_json_path()
    {
        const string json = """
            {
              "langauge": { "feature": "en-US" },
              "runtime": { "stopAtFirstEror": true, "missingOrPendingStepsOutcome": "Ignore" },
              "bindingAssemblies": [ { "assembly": "A", "path": "x" } ]
            }
            """;

        var config = ReqnrollConfig.Parse(json, "cfg/reqnroll.json");

        config.Warnings.ShouldBe(
        [
            "cfg/reqnroll.json: unknown key 'langauge' (ignored)",
            "cfg/reqnroll.json: unknown key 'runtime.stopAtFirstEror' (ignored)",
            "cfg/reqnroll.json: unknown key 'bindingAssemblies[0].path' (ignored)",
        ]);
        config.MissingOrPendingStepsOutcome.ShouldBe(MissingOrPendingStepsOutcome.Ignore);
        config.StopAtFirstError.ShouldBeFalse();
    }

    [Test]
    public void Invalid_json_names_file_line_and_column()
    {
        const string json = "{\n  \"runtime\": {\n    \"stopAtFirstError\": tru\n  }\n}\n";

        var e = Should.Throw<ReqnrollConfigException>(() => ReqnrollConfig.Parse(json, "reqnroll.json"));

        e.Line.ShouldBe(3);
        e.Column.ShouldBe(28); // System.Text.Json points after the bad literal "tru"
        e.Message.ShouldStartWith("reqnroll.json:3:28: invalid JSON: ");
        e.Message.ShouldNotContain("LineNumber");
    }

    [TestCase("""{ "runtime": { "stopAtFirstError": "yes" } }""", "'runtime.stopAtFirstError' must be true or false")]
    [TestCase("""{ "runtime": { "missingOrPendingStepsOutcome": "Sometimes" } }""", "'runtime.missingOrPendingStepsOutcome' must be one of Pending, Inconclusive, Ignore, Error")]
    [TestCase("""{ "runtime": { "missingOrPendingStepsOutcome": "2" } }""", "'runtime.missingOrPendingStepsOutcome' must be one of")]
    [TestCase("""{ "language": { "feature": 7 } }""", "'language.feature' must be a string")]
    [TestCase("""{ "language": "en-US" }""", "'language' must be an object")]
    [TestCase("""{ "bindingAssemblies": [ "Steps" ] }""", "'bindingAssemblies[0]' must be an object")]
    [TestCase("""{ "bindingAssemblies": [ { } ] }""", "'bindingAssemblies[0].assembly' must be an assembly name")]
    [TestCase("""{ "trace": { "minTracedDuration": "soon" } }""", "'trace.minTracedDuration' must be a duration")]
    [TestCase("""{ "generator": { "addNonParallelizableMarkerForTags": [ 1 ] } }""", "'generator.addNonParallelizableMarkerForTags[0]' must be a string")]
    [TestCase("""[ 1 ]""", "'$' must be an object")]
    public void Wrong_value_types_name_the_json_path(string json, string expected)
    {
        Should.Throw<ReqnrollConfigException>(() => ReqnrollConfig.Parse(json, "reqnroll.json"))
            .Message.ShouldContain("reqnroll.json: " + expected);
    }
}
