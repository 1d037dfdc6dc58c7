using System.Text;
using System.Text.Json.Nodes;
using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;
using DerSim.Ocpp.Tests.Validation;
using NJsonSchema;

namespace DerSim.Sim.Tests.Evse;

public class EvseProfileSchemaTests
{
    private const string UpdateVariable = "DERSIM_UPDATE_SCHEMA";
    private const string Hybrid = "EVSE-Hybrid-2DC-1AC";
    private ProfileFiles files = null!;

    private static string CommittedPath => Path.Combine(RepoPaths.RepoRoot, "profiles", EvseProfileSchema.FileName);

    [SetUp]
    public void SetUp() => files = new ProfileFiles();

    [TearDown]
    public void TearDown() => files.DeleteScratch();

    [Test]
    public void Committed_schema_is_the_generated_one()
    {
        var generated = EvseProfileSchema.Generate();
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(CommittedPath, generated, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }

        File.Exists(CommittedPath).ShouldBeTrue($"{CommittedPath} is missing; regenerate it: {UpdateVariable}=1 dotnet test tests/DerSim.Sim.Tests --filter Committed_schema_is_the_generated_one");
        File.ReadAllText(CommittedPath).ReplaceLineEndings("\n").ShouldBe(
            generated,
            $"profiles/{EvseProfileSchema.FileName} is stale; regenerate it: {UpdateVariable}=1 dotnet test tests/DerSim.Sim.Tests --filter Committed_schema_is_the_generated_one");
    }

    [Test]
    public async Task Schema_is_draft_07_with_resolvable_references_and_no_vendor_keywords()
    {
        var text = EvseProfileSchema.Generate();
        var root = JsonNode.Parse(text)!.AsObject();

        root["$schema"]!.GetValue<string>().ShouldBe("http://json-schema.org/draft-07/schema#");
        root["additionalProperties"]!.GetValue<bool>().ShouldBeFalse();
        var definitions = root["definitions"]!.AsObject();
        foreach (var node in Descendants(root))
        {
            if (node is JsonObject obj)
            {
                obj.Select(p => p.Key).ShouldNotContain(k => k.StartsWith("x-", StringComparison.Ordinal), "vendor keywords make editors warn");
                if (obj["$ref"] is JsonValue reference)
                {
                    var name = reference.GetValue<string>().Replace("#/definitions/", string.Empty, StringComparison.Ordinal);
                    definitions.ContainsKey(name).ShouldBeTrue($"$ref {reference} does not resolve");
                }

                if (obj["exclusiveMinimum"] is JsonValue exclusive)
                {
                    exclusive.GetValueKind().ShouldBe(System.Text.Json.JsonValueKind.Number, "draft-07 wants a number, not draft-04's boolean");
                }

                // ("type" is also a property name inside "properties", hence the kind check.)
                if (obj["type"] is JsonValue type && type.GetValueKind() == System.Text.Json.JsonValueKind.String && type.GetValue<string>() == "object")
                {
                    obj["additionalProperties"]!.GetValue<bool>().ShouldBeFalse();
                }
            }
        }

        // NJsonSchema reads it back, as an editor would.
        (await JsonSchema.FromJsonAsync(text)).Definitions.Keys.ShouldContain("ConnectorDefinition");
    }

    [Test]
    public void Schema_spells_enums_as_profiles_do_and_requires_the_positional_members()
    {
        var root = JsonNode.Parse(EvseProfileSchema.Generate())!;
        var connector = root["definitions"]!["ConnectorDefinition"]!;

        root["definitions"]!["ConnectorType"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldContain("cCCS2");
        root["definitions"]!["EnergyTransferMode"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldContain("AC_three_phase");
        connector["required"]!.AsArray().Select(n => n!.GetValue<string>())
            .ShouldBe(["id", "type", "currentType", "nominalVoltageV", "maxCurrentA", "maxKw", "energyTransferModes"]);
        connector["properties"]!["maxKw"]!["exclusiveMinimum"]!.GetValue<double>().ShouldBe(0);
        root["definitions"]!["BackingBatteryDefinition"]!["properties"]!["initialSocPercent"]!["maximum"]!.GetValue<double>().ShouldBe(100);
    }

    [Test]
    public void Every_bundled_profile_is_valid_against_the_schema()
    {
        foreach (var name in EvseProfileLoader.BundledNames(files.BundledDirectory))
        {
            var bytes = File.ReadAllBytes(Path.Combine(files.BundledDirectory, name + ".json"));
            EvseProfileSchemaCheck.Validate(bytes).ShouldBeEmpty(name);
        }

        EvseProfileLoader.BundledNames(files.BundledDirectory).Count.ShouldBe(6);
    }

    [Test]
    public void A_schema_violation_names_file_line_and_json_path()
    {
        // An empty serial number breaks only the schema's minLength: the rules let an optional field be empty.
        var path = files.WriteEdited(Hybrid, "\"serialNumber\": \"DERSIM-HYB-0001\"", "\"serialNumber\": \"\"");
        var line = ProfileFiles.LineOf(path, "\"serialNumber\"");

        var ex = Should.Throw<EvseProfileException>(() => EvseProfileLoader.Load(path, files.BundledDirectory));
        TestContext.Out.WriteLine(ex.Message);

        ex.JsonPath.ShouldBe("$.identity.serialNumber");
        ex.Position.ShouldNotBeNull().Line.ShouldBe(line);
        ex.Message.ShouldContain($"{path}:{line}:5");
        ex.Message.ShouldContain("at $.identity.serialNumber: expected at least 1 characters");
        ex.Message.ShouldContain(EvseProfileSchema.FileName);
    }

    [Test]
    public void A_break_both_rules_and_schema_catch_is_reported_once_in_the_rules_words()
    {
        var path = files.WriteEdited(Hybrid, "\"stationMaxKw\": 200", "\"stationMaxKw\": -1");

        var ex = Should.Throw<EvseProfileException>(() => EvseProfileLoader.Load(path, files.BundledDirectory));
        TestContext.Out.WriteLine(ex.Message);

        ex.JsonPath.ShouldBe("$.stationMaxKw");
        ex.Message.ShouldNotContain(EvseProfileSchema.FileName);
    }

    [Test]
    public void Schema_check_alone_reports_positions_for_several_violations()
    {
        var text = files.ReadBundled(Hybrid)
            .Replace("\"initialSocPercent\": 80", "\"initialSocPercent\": 180", StringComparison.Ordinal)
            .Replace("\"sampleIntervalSeconds\": 30", "\"sampleIntervalSeconds\": 0", StringComparison.Ordinal);

        var errors = EvseProfileSchemaCheck.Validate(Encoding.UTF8.GetBytes(text));

        errors.Select(e => e.JsonPath).ShouldBe(["$.backingBattery.initialSocPercent", "$.meterValues.sampleIntervalSeconds"], ignoreOrder: true);
        errors.ShouldContain(e => e.Message.Contains("expected a number ≤ 100, found 180", StringComparison.Ordinal));
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        yield return node;
        var children = node switch
        {
            JsonObject obj => obj.Select(p => p.Value),
            JsonArray array => array.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
        {
            foreach (var descendant in Descendants(child))
            {
                yield return descendant;
            }
        }
    }
}
