using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;

namespace DerSim.Sim.Tests.Evse;

/// <summary>Semantic rules: each broken rule is reported with file, line and JSON path.</summary>
public class EvseProfileRuleTests
{
    private ProfileFiles files = null!;

    [SetUp]
    public void SetUp() => files = new ProfileFiles();

    [TearDown]
    public void TearDown() => files.DeleteScratch();

    private EvseProfileException Broken(string profile, string find, string replace, string expectedPath, string lineMarker, string expectedText)
    {
        var path = files.WriteEdited(profile, find, replace);
        var line = ProfileFiles.LineOf(path, lineMarker);

        var ex = Should.Throw<EvseProfileException>(() => EvseProfileLoader.Load(path, files.BundledDirectory));

        TestContext.Out.WriteLine(ex.Message);
        ex.JsonPath.ShouldBe(expectedPath);
        ex.Position.ShouldNotBeNull().Line.ShouldBe(line);
        ex.Message.ShouldContain($"{path}:{line}:");
        ex.Message.ShouldContain($"at {expectedPath}: ");
        ex.Message.ShouldContain(expectedText);
        return ex;
    }

    [Test]
    public void Duplicate_EVSE_id() =>
        Broken("EVSE-AC-7.4kW-2port", "\"id\": 2,", "\"id\": 1,", "$.evses[1].id", "\"id\": 1,\n      \"maxKw\": 7.4,\n      \"connectors\": [\n        {\n          \"id\": 1,\n          \"type\": \"cType2\",\n          \"currentType\": \"AC\",\n          \"phases\": 1,\n          \"nominalVoltageV\": 230,\n          \"maxCurrentA\": 32,\n          \"maxKw\": 7.4,\n          \"energyTransferModes\": [\n            \"AC_single_phase\"\n          ]\n        }\n      ]\n    }\n  ],", "expected EVSE ids numbered 1..n in order, so 2 here, found 1");

    [Test]
    public void EVSE_ids_start_at_one() =>
        Broken("EVSE-AC-22kW-1port", "\"id\": 1,\n      \"maxKw\"", "\"id\": 0,\n      \"maxKw\"", "$.evses[0].id", "\"id\": 0", "so 1 here, found 0");

    [Test]
    public void Power_group_names_an_EVSE_that_does_not_exist() =>
        Broken("EVSE-Hybrid-2DC-1AC", "        3\n      ]", "        4\n      ]", "$.powerGroups[0].evseIds[2]", "        4\n", "expected the id of an EVSE in $.evses (1, 2, 3), found 4");

    [Test]
    public void AC_connector_with_two_phases() =>
        Broken("EVSE-AC-22kW-1port", "\"phases\": 3", "\"phases\": 2", "$.evses[0].connectors[0].phases", "\"phases\": 2", "expected phases 1 or 3 for an AC connector, found 2");

    [Test]
    public void AC_connector_without_phases_points_at_the_connector() =>
        Broken("EVSE-AC-22kW-1port", "\"phases\": 3,", string.Empty, "$.evses[0].connectors[0].phases", "{\n          \"id\": 1,\n          \"type\"", "found none");

    [Test]
    public void Vendor_longer_than_BootNotification_allows() =>
        Broken("EVSE-AC-22kW-1port", "\"vendor\": \"DerSim\"", "\"vendor\": \"DerSim Laboratories Ltd\"", "$.identity.vendor", "\"vendor\"", "expected at most 20 characters (BootNotification limit), found 23");

    [Test]
    public void Model_longer_than_BootNotification_allows() =>
        Broken("EVSE-AC-22kW-1port", "\"model\": \"AC-22kW-1port\"", "\"model\": \"AC-22kW-1port-deluxe-x\"", "$.identity.model", "\"model\"", "expected at most 20 characters");

    [Test]
    public void Power_must_be_positive() =>
        Broken("EVSE-DC-150kW-CCS-1port", "\"capacityKwh\": 300", "\"capacityKwh\": 0", "$.backingBattery.capacityKwh", "\"capacityKwh\"", "expected a number > 0, found 0");

    [Test]
    public void Group_budget_must_be_positive() =>
        Broken("EVSE-Hybrid-2DC-1AC", "\"budgetKw\": 200", "\"budgetKw\": -5", "$.powerGroups[0].budgetKw", "\"budgetKw\"", "expected a number > 0, found -5");

    [Test]
    public void At_least_one_EVSE()
    {
        var text = files.ReadBundled("EVSE-AC-22kW-1port");
        var start = text.IndexOf("\"evses\": [", StringComparison.Ordinal);
        var end = text.IndexOf("\"backingBattery\"", StringComparison.Ordinal);
        var path = files.Write("empty.json", text[..start] + "\"evses\": [],\n  " + text[end..]);
        var line = ProfileFiles.LineOf(path, "\"evses\"");

        var ex = Should.Throw<EvseProfileException>(() => EvseProfileLoader.Load(path, files.BundledDirectory));

        ex.JsonPath.ShouldBe("$.evses");
        ex.Position.ShouldNotBeNull().Line.ShouldBe(line);
        ex.Message.ShouldContain("expected at least one EVSE");
    }

    [Test]
    public void At_most_three_connectors()
    {
        // The hybrid has three EVSEs with one connector each; a second connector on EVSE 3 makes four.
        var text = files.ReadBundled("EVSE-Hybrid-2DC-1AC");
        var acConnector = text[text.LastIndexOf("        {\n          \"id\": 1,\n          \"type\": \"cType2\"", StringComparison.Ordinal)..];
        acConnector = acConnector[..(acConnector.IndexOf("        }", StringComparison.Ordinal) + "        }".Length)];
        var path = files.Write("four.json", text.Replace(acConnector, acConnector + ",\n" + acConnector.Replace("\"id\": 1", "\"id\": 2"), StringComparison.Ordinal));
        var line = ProfileFiles.LineOf(path, "\"evses\"");

        var ex = Should.Throw<EvseProfileException>(() => EvseProfileLoader.Load(path, files.BundledDirectory));

        ex.JsonPath.ShouldBe("$.evses");
        ex.Position.ShouldNotBeNull().Line.ShouldBe(line);
        ex.Message.ShouldContain("expected at most 3 connectors in total, found 4");
    }

    [Test]
    public void Bidirectional_section_requires_a_BPT_mode() =>
        Broken("EVSE-V2G-DC-50kW-bidir", "\"DC_BPT\"", "\"DC\"", "$.evses[0].connectors[0].bidirectional", "\"bidirectional\"", "expected a BPT energy transfer mode");

    [Test]
    public void AC_mode_on_a_DC_connector_is_quoted_in_JSON_spelling() =>
        Broken("EVSE-DC-150kW-CCS-1port", "            \"DC\"", "            \"AC_three_phase\"", "$.evses[0].connectors[0].energyTransferModes[0]", "\"AC_three_phase\"", "found AC_three_phase");

    [Test]
    public void Unknown_measurand() =>
        Broken("EVSE-AC-22kW-1port", "\"Power.Offered\"", "\"Power.Ofered\"", "$.meterValues.measurands[2]", "\"Power.Ofered\"", "expected an OCPP measurand name");

    [Test]
    public void Every_broken_rule_is_listed()
    {
        var ex = Broken("EVSE-AC-22kW-1port", "\"phases\": 3,\n          \"nominalVoltageV\": 230", "\"phases\": 2,\n          \"nominalVoltageV\": 0", "$.evses[0].connectors[0].nominalVoltageV", "\"nominalVoltageV\": 0", "expected a number > 0");

        ex.Message.ShouldContain("also at line");
        ex.Message.ShouldContain("$.evses[0].connectors[0].phases: expected phases 1 or 3");
    }
}
