using StepDefinitionType = Reqnroll.Bindings.StepDefinitionType;
using DerSim.Gherkin;
using DerSim.Gherkin.Features;
using DerSim.Gherkin.Model;

namespace DerSim.Gherkin.Tests.Features;

public sealed class FeatureLoaderTests
{
    private static readonly string Folder = Path.Combine(TestContext.CurrentContext.TestDirectory, "Features");

    private static FeatureDocument Load(string file)
    {
        var result = FeatureLoader.Load([Path.Combine(Folder, "loader", file)], "en-US");
        result.Errors.ShouldBeEmpty();
        return result.Features.ShouldHaveSingleItem();
    }

    [Test]
    public void A_folder_loads_every_feature_recursively_in_ordinal_order()
    {
        var result = FeatureLoader.Load([Path.Combine(Folder, "loader")], "en-US");

        result.Errors.ShouldBeEmpty();
        result.Features.Select(f => f.RelativePath).ShouldBe(["arguments.feature", "culture.feature", "german.feature", "outline.feature", "rules.feature"]);
    }

    [Test]
    public void Outline_rows_of_several_examples_become_cases_with_values_in_names_ids_and_steps()
    {
        var feature = Load("outline.feature");

        feature.Title.ShouldBe("Boot");
        feature.Description.ShouldBe("The station announces itself.");
        feature.Tags.ShouldBe(["boot", "smart-charging"]);
        feature.Language.ShouldBe("en");
        feature.Scenarios.Select(s => s.TestName).ShouldBe(
        [
            "Boot / Boot outcome (status: Accepted, interval: 300, state: online)",
            "Boot / Boot outcome (status: Pending, interval: 10, state: waiting)",
            "Boot / Boot outcome (status: Rejected, interval: 60, state: offline)",
            "Boot / Same name",
            "Boot / Same name #2",
        ]);
        var pending = feature.Scenarios[1];
        pending.Id.ShouldBe("outline.feature:9:23");
        pending.Line.ShouldBe(23);
        pending.Title.ShouldBe("Boot outcome");
        pending.Arguments.ShouldBe(new Dictionary<string, string> { ["status"] = "Pending", ["interval"] = "10", ["state"] = "waiting" });
        pending.Tags.ShouldBe(["boot", "smart-charging", "slow", "rejected"]);
        feature.Scenarios[0].Tags.ShouldBe(["boot", "smart-charging", "slow", "accepted"]);
        pending.Steps.Select(s => (s.Keyword, s.Type, s.Text, s.Line, s.FromBackground)).ShouldBe(
        [
            ("Given", StepDefinitionType.Given, "a station \"CS-1\"", 6, true),
            ("When", StepDefinitionType.When, "the CSMS answers Pending with interval 10", 10, false),
            ("Then", StepDefinitionType.Then, "the station is waiting", 11, false),
            ("And", StepDefinitionType.Then, "it waits 10 seconds", 12, false),
            ("*", StepDefinitionType.Then, "it logs \"Pending\"", 13, false),
        ]);
        feature.Scenarios[3].Id.ShouldBe("outline.feature:26");
        feature.Scenarios[4].Id.ShouldBe("outline.feature:29");
        feature.Scenarios[3].Arguments.ShouldBeEmpty();
    }

    [Test]
    public void Ids_and_names_are_the_same_on_every_load()
    {
        var first = Load("outline.feature").Scenarios.Select(s => (s.Id, s.TestName)).ToList();
        var second = Load("outline.feature").Scenarios.Select(s => (s.Id, s.TestName)).ToList();

        second.ShouldBe(first);
        first.Select(s => s.Id).ShouldBeUnique();
    }

    [Test]
    public void Rules_bring_their_background_and_tags()
    {
        var feature = Load("rules.feature");

        var limit = feature.Scenarios[0];
        limit.Rule.ShouldBe("Limits apply");
        limit.Tags.ShouldBe(["feature-tag", "rule-tag", "scenario-tag"]);
        limit.Steps.Select(s => (s.Text, s.Type, s.FromBackground)).ShouldBe(
        [
            ("the feature background", StepDefinitionType.Given, true),
            ("the rule background", StepDefinitionType.Given, true),
            ("a limit of 11 kW is set", StepDefinitionType.When, false),
            ("the EV asks for 22 kW", StepDefinitionType.When, false),
            ("the station draws 11 kW", StepDefinitionType.Then, false),
        ]);
        var full = feature.Scenarios[1];
        full.Rule.ShouldBe("No limit");
        full.Tags.ShouldBe(["feature-tag"]);
        full.Steps.Select(s => s.Text).ShouldBe(["the feature background", "the EV asks for 22 kW", "the station draws 22 kW"]);
        full.Steps[1].Keyword.ShouldBe("*");
        full.Steps[1].Type.ShouldBe(StepDefinitionType.Given);
    }

    [Test]
    public void Data_tables_and_doc_strings_are_kept_with_the_media_type()
    {
        var steps = Load("arguments.feature").Scenarios.ShouldHaveSingleItem().Steps;

        steps[0].DataTable.ShouldNotBeNull().Select(r => string.Join(",", r)).ShouldBe(["id,limit", "1,11", "2,7.4"]);
        steps[0].DocString.ShouldBeNull();
        steps[1].DocString.ShouldBe(new DocStringArgument("{\"chargingProfileId\": 1}", "json"));
        steps[1].DataTable.ShouldBeNull();
        steps[2].DocString.ShouldBe(new DocStringArgument("line one\n  line two", null));
    }

    [Test]
    public void A_german_feature_uses_the_german_keywords()
    {
        var feature = Load("german.feature");

        feature.Language.ShouldBe("de");
        feature.Tags.ShouldBe(["deutsch"]);
        feature.Scenarios.ShouldHaveSingleItem().TestName.ShouldBe("Ladevorgang / Laden startet");
        feature.Scenarios[0].Steps.Select(s => (s.Keyword, s.Type)).ShouldBe(
        [
            ("Angenommen", StepDefinitionType.Given),
            ("Und", StepDefinitionType.Given),
            ("Wenn", StepDefinitionType.When),
            ("Und", StepDefinitionType.When),
            ("Dann", StepDefinitionType.Then),
            ("Aber", StepDefinitionType.Then),
        ]);
    }

    [Test]
    public void Culture_names_fall_back_to_the_neutral_language()
    {
        Load("culture.feature").Language.ShouldBe("de");

        var (feature, errors) = FeatureLoader.Parse("Funktionalität: F\n  Szenario: S\n    Angenommen x\n", "f.feature", "f.feature", "de-DE");

        errors.ShouldBeEmpty();
        feature!.Scenarios.Single().Steps.Single().Type.ShouldBe(StepDefinitionType.Given);
        Should.Throw<ArgumentException>(() => FeatureLoader.Load([], "xx-YY")).Message.ShouldContain("xx-YY");
    }

    [Test]
    public void Parse_errors_give_every_position_of_the_file()
    {
        var path = Path.Combine(Folder, "broken", "broken.feature");
        var result = FeatureLoader.Load([path], "en");

        result.Features.ShouldBeEmpty();
        result.Errors.Select(e => (e.Line, e.Column)).ShouldBe([(4, 3), (8, 5)]);
        result.Errors.ShouldAllBe(e => e.Path == path);
        result.Errors[0].ToString().ShouldStartWith($"{path}:4:3: expected: ");
        result.Errors[0].Message.ShouldContain("'this line is not Gherkin'");
        result.Errors[1].Message.ShouldContain("cell count");
    }

    [Test]
    public void A_missing_path_is_an_error_naming_it()
    {
        Should.Throw<DirectoryNotFoundException>(() => FeatureLoader.Load(["no/such/place"], "en")).Message.ShouldContain("no/such/place");
    }

    [Test]
    public void A_file_with_only_comments_has_no_feature_and_no_error()
    {
        var (feature, errors) = FeatureLoader.Parse("# nothing here\n", "empty.feature", "empty.feature", "en");

        feature.ShouldBeNull();
        errors.ShouldBeEmpty();
    }
}
