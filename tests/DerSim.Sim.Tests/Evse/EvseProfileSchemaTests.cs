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

    /// <summary>
    /// The loader builds the schema (and checks a profile against it) only when the rules failed or
    /// <see cref="EvseProfileSchemaCheck.MayBreakSchema"/> says so. That is sound only while every rule of the schema
    /// is checked by the strict reader, the rules or MayBreakSchema: a new one fails here until it is.
    /// </summary>
    [Test]
    public void Every_schema_rule_is_checked_by_the_reader_the_rules_or_here()
    {
        string[] covered =
        [
            // The rules: non-empty name; positive numbers; 1..3 EVSEs and connectors (at most 3 in all, at least 1 per
            // EVSE); vendor and model 1..20, serial number ≤ 25, firmware ≤ 50 characters; ids numbered 1..n; AC phases
            // 1 or 3, none on DC; at least one mode; group ids unique ≥ 1, evseIds of existing EVSEs, each in one group;
            // SoC 0..100; interval > 0 (an integer, so ≥ 1); known measurands, each once.
            "EvseProfile.name minLength", "EvseProfile.stationMaxKw exclusiveMinimum", "EvseProfile.evses maxItems",
            "EvseProfile.evses minItems", "BootIdentity.vendor maxLength", "BootIdentity.vendor minLength",
            "BootIdentity.model maxLength", "BootIdentity.model minLength", "BootIdentity.serialNumber maxLength",
            "BootIdentity.firmwareVersion maxLength", "EvseDefinition.id minimum", "EvseDefinition.maxKw exclusiveMinimum",
            "EvseDefinition.connectors maxItems", "EvseDefinition.connectors minItems", "ConnectorDefinition.id minimum",
            "ConnectorDefinition.nominalVoltageV exclusiveMinimum", "ConnectorDefinition.maxCurrentA exclusiveMinimum",
            "ConnectorDefinition.maxKw exclusiveMinimum", "ConnectorDefinition.energyTransferModes minItems",
            "ConnectorDefinition.phases enum", "BidirectionalCapability.maxDischargeKw exclusiveMinimum",
            "BackingBatteryDefinition.capacityKwh exclusiveMinimum", "BackingBatteryDefinition.initialSocPercent maximum",
            "BackingBatteryDefinition.initialSocPercent minimum", "BackingBatteryDefinition.maxChargeKw exclusiveMinimum",
            "BackingBatteryDefinition.maxDischargeKw exclusiveMinimum", "BackingBatteryDefinition.gridConnectionKw exclusiveMinimum",
            "MeterValuesDefinition.sampleIntervalSeconds minimum", "MeterValuesDefinition.measurands uniqueItems",
            "MeterValuesDefinition.measurands[] enum", "PowerGroupDefinition.id minimum", "PowerGroupDefinition.budgetKw exclusiveMinimum",
            "PowerGroupDefinition.evseIds minItems", "PowerGroupDefinition.evseIds uniqueItems", "PowerGroupDefinition.evseIds[] minimum",
            // The strict reader: enum names exactly (StrictEnumConverter).
            "ConnectorType enum", "CurrentType enum", "EnergyTransferMode enum",
            // EvseProfileSchemaCheck.MayBreakSchema.
            "BootIdentity.serialNumber minLength", "BootIdentity.firmwareVersion minLength", "ConnectorDefinition.energyTransferModes uniqueItems",
        ];
        // Structure (types, required, unknown properties, nulls) is the strict reader's; these say nothing of values.
        string[] structural = ["type", "description", "$ref", "required", "additionalProperties", "properties", "items", "definitions", "title", "$schema", "oneOf"];
        var root = JsonNode.Parse(EvseProfileSchema.Generate())!.AsObject();
        var found = new List<string>();
        void Walk(JsonObject node, string where)
        {
            found.AddRange(node.Where(p => !structural.Contains(p.Key)).Select(p => $"{where} {p.Key}"));
            foreach (var (name, property) in node["properties"]?.AsObject() ?? [])
            {
                Walk(property!.AsObject(), $"{where}.{name}");
            }

            if (node["items"] is JsonObject items)
            {
                Walk(items, where + "[]");
            }
        }

        Walk(root, nameof(EvseProfile));
        foreach (var (name, definition) in root["definitions"]!.AsObject())
        {
            Walk(definition!.AsObject(), name);
        }

        found.Except(covered).ShouldBeEmpty("schema rules nobody checks before the loader skips the schema: make EvseProfileValidator or EvseProfileSchemaCheck.MayBreakSchema check them, then list them here");
        covered.Except(found).ShouldBeEmpty("listed but no longer in the schema");
    }

    [TestCase("\"firmwareVersion\": \"0.1.0\"", "\"firmwareVersion\": \"\"", "$.identity.firmwareVersion")]
    [TestCase("\"DC\"\n          ]", "\"DC\", \"DC\"\n          ]", "$.evses[0].connectors[0].energyTransferModes")]
    public void A_rule_only_the_schema_has_is_still_reported(string find, string replace, string jsonPath)
    {
        var path = files.WriteEdited(Hybrid, find, replace);

        var ex = Should.Throw<EvseProfileException>(() => EvseProfileLoader.Load(path, files.BundledDirectory));
        TestContext.Out.WriteLine(ex.Message);

        ex.JsonPath.ShouldBe(jsonPath);
        ex.Message.ShouldContain(EvseProfileSchema.FileName);
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
