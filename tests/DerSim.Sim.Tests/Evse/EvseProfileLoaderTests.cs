using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;

namespace DerSim.Sim.Tests.Evse;

public class EvseProfileLoaderTests
{
    private const string Ac22 = "EVSE-AC-22kW-1port";
    private ProfileFiles files = null!;

    [SetUp]
    public void SetUp() => files = new ProfileFiles();

    [TearDown]
    public void TearDown() => files.DeleteScratch();

    [TestCase(Ac22)]
    [TestCase(Ac22 + ".json")]
    public void Bundled_name_resolves_with_or_without_extension(string name) =>
        EvseProfileLoader.Load(name, files.BundledDirectory).Name.ShouldBe(Ac22);

    [Test]
    public void Default_profile_is_the_single_AC_port() =>
        EvseProfileLoader.Load(EvseProfile.DefaultName, files.BundledDirectory).AllConnectors.ShouldHaveSingleItem();

    [Test]
    public void Absolute_path_loads_a_custom_profile()
    {
        var path = files.WriteEdited(Ac22, "\"name\": \"EVSE-AC-22kW-1port\"", "\"name\": \"My-Custom\"");

        EvseProfileLoader.Load(path, files.BundledDirectory).Name.ShouldBe("My-Custom");
    }

    [Test]
    public void Relative_path_is_resolved_against_the_working_directory()
    {
        var path = files.WriteEdited(Ac22, "\"name\": \"EVSE-AC-22kW-1port\"", "\"name\": \"Relative\"");
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        Path.IsPathRooted(relative).ShouldBeFalse();

        EvseProfileLoader.Load(relative, files.BundledDirectory).Name.ShouldBe("Relative");
    }

    [Test]
    public void Missing_file_names_it_and_lists_the_bundled_profiles()
    {
        var ex = Should.Throw<EvseProfileException>(() => EvseProfileLoader.Load("EVSE-AC-99kW", files.BundledDirectory));
        TestContext.Out.WriteLine(ex.Message);

        ex.Message.ShouldContain("'EVSE-AC-99kW' not found");
        foreach (var name in EvseProfileLoader.BundledNames(files.BundledDirectory))
        {
            ex.Message.ShouldContain(name);
        }
    }

    [Test]
    public void Text_that_is_not_JSON_reports_line_and_column()
    {
        var path = files.WriteEdited(Ac22, "\"stationMaxKw\": 22,", "\"stationMaxKw\": 22");
        var line = ProfileFiles.LineOf(path, "\"evses\"");

        var ex = Should.Throw<EvseProfileException>(() => EvseProfileLoader.Load(path, files.BundledDirectory));
        TestContext.Out.WriteLine(ex.Message);

        ex.Message.ShouldContain($"{path}:{line}:3");
        ex.Message.ShouldContain("not valid JSON");
        ex.Position.ShouldBe(new TextPosition(line, 3));
        ex.JsonPath.ShouldBe("$");
    }

    [Test]
    public void Wrong_type_names_the_path_and_the_expected_type()
    {
        var path = files.WriteEdited(Ac22, "\"maxKw\": 22,", "\"maxKw\": \"fast\",");
        var line = ProfileFiles.LineOf(path, "\"fast\"");

        var ex = Should.Throw<EvseProfileException>(() => EvseProfileLoader.Load(path, files.BundledDirectory));
        TestContext.Out.WriteLine(ex.Message);

        ex.JsonPath.ShouldBe("$.evses[0].maxKw");
        ex.Position!.Value.Line.ShouldBe(line);
        ex.Message.ShouldContain($"{path}:{line}:");
        ex.Message.ShouldContain("at $.evses[0].maxKw: expected a number");
    }

    [Test]
    public void Unknown_connector_type_lists_the_OCPP_names()
    {
        var path = files.WriteEdited(Ac22, "\"cType2\"", "\"Type2\"");
        var line = ProfileFiles.LineOf(path, "\"Type2\"");

        var ex = Should.Throw<EvseProfileException>(() => EvseProfileLoader.Load(path, files.BundledDirectory));
        TestContext.Out.WriteLine(ex.Message);

        ex.JsonPath.ShouldBe("$.evses[0].connectors[0].type");
        ex.Position!.Value.Line.ShouldBe(line);
        ex.Message.ShouldContain("expected one of: cCCS1, cCCS2, cG105");
        ex.Message.ShouldContain("sType2");
    }

    [Test]
    public void Integer_is_not_accepted_for_an_enum()
    {
        var path = files.WriteEdited(Ac22, "\"currentType\": \"AC\"", "\"currentType\": 0");

        var ex = Should.Throw<EvseProfileException>(() => EvseProfileLoader.Load(path, files.BundledDirectory));
        TestContext.Out.WriteLine(ex.Message);

        ex.JsonPath.ShouldBe("$.evses[0].connectors[0].currentType");
        ex.Message.ShouldContain("expected one of: AC, DC");
    }

    [Test]
    public void Missing_required_property_names_it()
    {
        var path = files.WriteEdited(Ac22, "\"model\": \"AC-22kW-1port\",", string.Empty);
        var line = ProfileFiles.LineOf(path, "\"identity\"");

        var ex = Should.Throw<EvseProfileException>(() => EvseProfileLoader.Load(path, files.BundledDirectory));
        TestContext.Out.WriteLine(ex.Message);

        ex.JsonPath.ShouldBe("$.identity.model");
        ex.Position!.Value.Line.ShouldBe(line);
        ex.Message.ShouldContain($"{path}:{line}:3");
        ex.Message.ShouldContain("missing required property 'model'");
    }

    [Test]
    public void Unknown_property_is_a_typo_not_a_default()
    {
        var path = files.WriteEdited(Ac22, "\"maxCurrentA\": 32", "\"maxCurrent\": 32");
        var line = ProfileFiles.LineOf(path, "\"maxCurrent\"");

        var ex = Should.Throw<EvseProfileException>(() => EvseProfileLoader.Load(path, files.BundledDirectory));
        TestContext.Out.WriteLine(ex.Message);

        ex.JsonPath.ShouldBe("$.evses[0].connectors[0].maxCurrent");
        ex.Position!.Value.Line.ShouldBe(line);
        ex.Message.ShouldContain("unknown property 'maxCurrent'; expected one of:");
        ex.Message.ShouldContain("maxCurrentA");
    }

    [Test]
    public void Null_for_a_required_value_is_rejected()
    {
        var path = files.WriteEdited(Ac22, "\"vendor\": \"DerSim\"", "\"vendor\": null");

        var ex = Should.Throw<EvseProfileException>(() => EvseProfileLoader.Load(path, files.BundledDirectory));
        TestContext.Out.WriteLine(ex.Message);

        ex.JsonPath!.ShouldStartWith("$.identity");
        ex.Message.ShouldContain("null");
    }

    [Test]
    public void Schema_key_is_optional()
    {
        var path = files.WriteEdited(Ac22, "\"$schema\": \"evse-profile.schema.json\",", string.Empty);

        EvseProfileLoader.Load(path, files.BundledDirectory).Schema.ShouldBeNull();
    }

    [Test]
    public void Power_groups_are_optional_and_empty_when_left_out()
    {
        // The source-generated reader hands a missing init-only property to the record as null (dotnet/runtime#84484),
        // and the rules ran into it.
        var path = files.WriteEdited(Ac22, "\"powerGroups\": [],", string.Empty);

        EvseProfileLoader.Load(path, files.BundledDirectory).PowerGroups.ShouldBeEmpty();
    }

    [Test]
    public void Null_power_groups_are_rejected()
    {
        var path = files.WriteEdited(Ac22, "\"stationMaxKw\": 22,", "\"stationMaxKw\": 22,\n  \"powerGroups\": null,");

        var ex = Should.Throw<EvseProfileException>(() => EvseProfileLoader.Load(path, files.BundledDirectory));
        TestContext.Out.WriteLine(ex.Message);

        ex.JsonPath.ShouldBe("$.powerGroups");
    }

    [Test]
    public void Byte_order_mark_is_tolerated()
    {
        var path = Path.Combine(files.ScratchDirectory, "bom.json");
        File.WriteAllText(path, files.ReadBundled(Ac22), new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        EvseProfileLoader.Load(path, files.BundledDirectory).Name.ShouldBe(Ac22);
    }

    [Test]
    public void Unknown_top_level_property_is_rejected()
    {
        var path = files.WriteEdited(Ac22, "\"stationMaxKw\": 22,", "\"stationMaxKw\": 22,\n  \"stationMaxKW\": 23,");
        var line = ProfileFiles.LineOf(path, "\"stationMaxKW\"");

        var ex = Should.Throw<EvseProfileException>(() => EvseProfileLoader.Load(path, files.BundledDirectory));
        TestContext.Out.WriteLine(ex.Message);

        ex.JsonPath.ShouldBe("$.stationMaxKW");
        ex.Position.ShouldBe(new TextPosition(line, 3));
        ex.Message.ShouldContain("unknown property 'stationMaxKW'; expected one of: name, identity, stationMaxKw");
        ex.Message.ShouldNotContain("allConnectors");
    }

    [Test]
    public void Unknown_energy_transfer_mode_points_into_the_array()
    {
        var path = files.WriteEdited(Ac22, "\"AC_three_phase\"", "\"AC_3_phase\"");
        var line = ProfileFiles.LineOf(path, "\"AC_3_phase\"");

        var ex = Should.Throw<EvseProfileException>(() => EvseProfileLoader.Load(path, files.BundledDirectory));
        TestContext.Out.WriteLine(ex.Message);

        ex.JsonPath.ShouldBe("$.evses[0].connectors[0].energyTransferModes[0]");
        ex.Position.ShouldNotBeNull().Line.ShouldBe(line);
        ex.Message.ShouldContain("expected one of: AC_single_phase, AC_two_phase, AC_three_phase, DC, AC_BPT");
    }

    [Test]
    public void Fractional_id_is_not_an_integer()
    {
        var path = files.WriteEdited(Ac22, "\"id\": 1,\n          \"type\"", "\"id\": 1.5,\n          \"type\"");

        var ex = Should.Throw<EvseProfileException>(() => EvseProfileLoader.Load(path, files.BundledDirectory));
        TestContext.Out.WriteLine(ex.Message);

        ex.JsonPath.ShouldBe("$.evses[0].connectors[0].id");
        ex.Message.ShouldContain("expected an integer");
    }

    [Test]
    public void Duplicate_key_is_rejected()
    {
        var path = files.WriteEdited(Ac22, "\"stationMaxKw\": 22,", "\"stationMaxKw\": 22,\n  \"stationMaxKw\": 2200,");
        var line = ProfileFiles.LineOf(path, "2200");

        var ex = Should.Throw<EvseProfileException>(() => EvseProfileLoader.Load(path, files.BundledDirectory));
        TestContext.Out.WriteLine(ex.Message);

        ex.JsonPath.ShouldBe("$.stationMaxKw");
        ex.Position.ShouldNotBeNull().Line.ShouldBe(line);
        ex.Message.ShouldContain("duplicate property 'stationMaxKw'");
    }

    [TestCase("\"currentType\": \"AC\"", "\"currentType\": \"ac\"", "$.evses[0].connectors[0].currentType")]
    [TestCase("\"maxKw\": 22,", "\"maxkw\": 22,", "$.evses[0].maxkw")]
    public void Names_are_case_sensitive(string find, string replace, string expectedPath)
    {
        var path = files.WriteEdited(Ac22, find, replace);

        var ex = Should.Throw<EvseProfileException>(() => EvseProfileLoader.Load(path, files.BundledDirectory));
        TestContext.Out.WriteLine(ex.Message);

        ex.JsonPath.ShouldBe(expectedPath);
    }
}
