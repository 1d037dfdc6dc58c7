using DerSim.Ocpp;
using DerSim.Ocpp.Validation;

namespace DerSim.Ocpp.Tests.Validation;

/// <summary>Our validator (schemas generated from the types) on every action's valid and invalid payloads.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class OcppSchemaValidatorTests
{
    private static readonly OcppSchemaValidator Ours = new();

    [TestCaseSource(typeof(MessageCatalog), nameof(MessageCatalog.ValidCases))]
    public void Valid_example_passes(object message, bool full)
    {
        var m = (MessageCase)message;
        var json = MessageCatalog.Example(m, full);

        Ours.Validate(m.Version, m.Action, m.Kind, json).ShouldBeEmpty(json);
    }

    [TestCaseSource(typeof(MessageCatalog), nameof(MessageCatalog.InvalidCases))]
    public void Invalid_payload_is_rejected_with_its_kind(object invalid)
    {
        var c = (InvalidCase)invalid;

        var violations = Ours.Validate(c.Message.Version, c.Message.Action, c.Message.Kind, c.Json);

        violations.Select(v => v.Kind).ShouldContain(c.Expected, string.Join("; ", violations));
        violations.ShouldAllBe(v => v.Path.StartsWith('$') && v.Message.Length > 0);
    }

    [TestCase("not json", TestName = "Syntax_not_json")]
    [TestCase("[1,2]", TestName = "Syntax_array")]
    [TestCase("\"text\"", TestName = "Syntax_string")]
    [TestCase("{} {}", TestName = "Syntax_trailing_content")]
    public void Non_object_payload_is_a_syntax_violation(string payload)
    {
        var violations = Ours.Validate(OcppVersion.V201, "Heartbeat", PayloadKind.Request, payload);

        violations.ShouldHaveSingleItem().Kind.ShouldBe(SchemaViolationKind.Syntax);
    }

    [Test]
    public void Unknown_action_is_reported_as_such()
    {
        Ours.Validate(OcppVersion.V16, "TransactionEvent", PayloadKind.Request, "{}")
            .ShouldHaveSingleItem().Kind.ShouldBe(SchemaViolationKind.UnknownAction);
    }

    [Test]
    public void Send_only_action_has_no_response_schema()
    {
        Ours.Validate(OcppVersion.V21, "NotifyPeriodicEventStream", PayloadKind.Response, "{}")
            .ShouldHaveSingleItem().Kind.ShouldBe(SchemaViolationKind.UnknownAction);
    }

    [Test]
    public void Nested_violation_has_a_json_path_and_says_what_was_expected()
    {
        const string payload = """
            {"connectorId":1,"meterValue":[{"timestamp":"2024-05-01T10:00:00Z","sampledValue":[{"value":"1","unit":"Parsec"}]}]}
            """;

        var v = Ours.Validate(OcppVersion.V16, "MeterValues", PayloadKind.Request, payload).ShouldHaveSingleItem();

        v.Path.ShouldBe("$.meterValue[0].sampledValue[0].unit");
        v.Kind.ShouldBe(SchemaViolationKind.Property);
        v.Message.ShouldContain("Wh");
    }

    [Test]
    public void Missing_nested_required_is_an_occurrence_violation_at_its_parent()
    {
        const string payload = """{"chargingStation":{"vendorName":"V"},"reason":"PowerUp"}""";

        var v = Ours.Validate(OcppVersion.V201, "BootNotification", PayloadKind.Request, payload).ShouldHaveSingleItem();

        v.Kind.ShouldBe(SchemaViolationKind.Occurrence);
        v.Path.ShouldStartWith("$.chargingStation");
        v.Message.ShouldContain("model");
    }

    [TestCase("12.3", true)]
    [TestCase("0.1", true)]
    [TestCase("12.35", false)]
    public void V16_limit_multiple_of_a_tenth_compares_as_decimal(string limit, bool valid)
    {
        var payload = """
            {"connectorId":1,"csChargingProfiles":{"chargingProfileId":1,"stackLevel":0,"chargingProfilePurpose":"TxDefaultProfile",
             "chargingProfileKind":"Absolute","chargingSchedule":{"chargingRateUnit":"A","chargingSchedulePeriod":[{"startPeriod":0,"limit":LIMIT}]}}}
            """.Replace("LIMIT", limit, StringComparison.Ordinal);

        var ours = Ours.Validate(OcppVersion.V16, "SetChargingProfile", PayloadKind.Request, payload);
        ours.Count.ShouldBe(valid ? 0 : 1, string.Join("; ", ours));

        if (RepoPaths.OfficialSchemas is { } root)
        {
            new OcppSchemaValidator(root).Validate(OcppVersion.V16, "SetChargingProfile", PayloadKind.Request, payload)
                .Count.ShouldBe(valid ? 0 : 1);
        }
    }

    [Test]
    public void A_fresh_validator_builds_the_schema_on_first_use()
    {
        // Start-up cost is measured by the bench (bench/README.md), not asserted here: a timed unit test fails on a busy machine.
        var validator = new OcppSchemaValidator();
        const string payload = """{"chargingStation":{"model":"M","vendorName":"V"},"reason":"PowerUp"}""";

        validator.Validate(OcppVersion.V201, "BootNotification", PayloadKind.Request, payload).ShouldBeEmpty();
    }

    [Test]
    public void Official_folder_mode_reads_files_with_a_byte_order_mark()
    {
        var root = Directory.CreateTempSubdirectory("dersim-schemas-").FullName;
        try
        {
            // A schema of our own (not an official file), saved with a UTF-8 BOM as some published files are.
            Directory.CreateDirectory(Path.Combine(root, "2.0.1"));
            File.WriteAllText(Path.Combine(root, "2.0.1", "HeartbeatRequest.json"),
                """{"$schema":"http://json-schema.org/draft-06/schema#","type":"object","additionalProperties":false,"properties":{"n":{"type":"integer"}}}""",
                new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            var validator = new OcppSchemaValidator(root);

            validator.Validate(OcppVersion.V201, "Heartbeat", PayloadKind.Request, """{"n":1}""").ShouldBeEmpty();
            validator.Validate(OcppVersion.V201, "Heartbeat", PayloadKind.Request, """{"m":1}""")
                .ShouldHaveSingleItem().Kind.ShouldBe(SchemaViolationKind.UnknownProperty);
            validator.Validate(OcppVersion.V201, "Heartbeat", PayloadKind.Response, "{}")
                .ShouldHaveSingleItem().Kind.ShouldBe(SchemaViolationKind.UnknownAction);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Test]
    public void After_only_the_boot_schemas_were_prepared_other_actions_are_built_on_use_and_still_reject()
    {
        // ./sim builds the BootNotification schemas ahead, on a pool thread, and every other schema on its first frame.
        var validator = new OcppSchemaValidator();
        validator.Prepare(OcppVersion.V201, "BootNotification");

        validator.Validate(OcppVersion.V201, "BootNotification", PayloadKind.Request, """{"reason":"PowerUp"}""")
            .ShouldHaveSingleItem().Kind.ShouldBe(SchemaViolationKind.Occurrence);
        var status = validator.Validate(
            OcppVersion.V201,
            "StatusNotification",
            PayloadKind.Request,
            """{"timestamp":"2026-01-01T08:00:00.000Z","connectorStatus":"Flying","evseId":1,"connectorId":1}""");
        status.ShouldHaveSingleItem().Path.ShouldBe("$.connectorStatus");
        status[0].Kind.ShouldBe(SchemaViolationKind.Property);
        validator.Validate(OcppVersion.V201, "Heartbeat", PayloadKind.Response, """{"currentTime":"2026-01-01T08:00:00.000Z","x":1}""")
            .ShouldHaveSingleItem().Kind.ShouldBe(SchemaViolationKind.UnknownProperty);
    }

    [Test]
    public void Prepare_builds_both_schemas_without_throwing() =>
        Should.NotThrow(() => new OcppSchemaValidator().Prepare(OcppVersion.V16, "BootNotification"));

    [Test]
    public void Our_schema_text_carries_the_constraints()
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(OcppSchemaBuilder.Build(typeof(DerSim.Ocpp.V16.SetChargingProfileRequest)))!;

        json["additionalProperties"]!.GetValue<bool>().ShouldBeFalse();
        json["required"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["connectorId", "csChargingProfiles"]);
        var period = json["properties"]!["csChargingProfiles"]!["properties"]!["chargingSchedule"]!["properties"]!["chargingSchedulePeriod"]!;
        period["minItems"].ShouldBeNull();
        period["items"]!["properties"]!["limit"]!["multipleOf"]!.GetValue<decimal>().ShouldBe(0.1m);
        json["properties"]!["csChargingProfiles"]!["properties"]!["chargingProfilePurpose"]!["enum"]!.AsArray().Count.ShouldBe(3);
    }

    /// <summary>Found by bench/fuzz.sh: an integer beyond 64 bits threw InvalidCastException out of NJsonSchema.</summary>
    [TestCase(OcppVersion.V16, "RemoteStartTransaction", """{"connectorId":99999999999999999999999999991,"idTag":"T"}""", "$.connectorId")]
    [TestCase(OcppVersion.V201, "Reset", """{"type":"OnIdle","evseId":-99999999999999999999999999991}""", "$.evseId")]
    [TestCase(OcppVersion.V21, "GetVariables", """{"getVariableData":[{"component":{"name":"C","evse":{"id":1}},"variable":{"name":"V"}},{"component":{"name":"C","evse":{"id":123456789012345678901234567890}},"variable":{"name":"V"}}]}""", "$.getVariableData[1].component.evse.id")]
    public void Integer_beyond_64_bits_is_a_property_violation_not_an_exception(OcppVersion version, string action, string payload, string path)
    {
        var violations = Ours.Validate(version, action, PayloadKind.Request, payload);

        violations.ShouldNotBeEmpty();
        violations.ShouldContain(v => v.Path == path && v.Kind == SchemaViolationKind.Property, string.Join("; ", violations));
    }

    /// <summary>
    /// format: date-time is RFC 3339 §5.6 (JSON Schema draft-06 §8.3.1): NJsonSchema also took a date alone, a year,
    /// or a time without an offset, which a station cannot place in time.
    /// </summary>
    [TestCase("2026-01-01T08:00:00.000Z", true)]
    [TestCase("2026-01-01T08:00:00Z", true)]
    [TestCase("2026-01-01t08:00:00.5z", true)]
    [TestCase("2026-01-01T08:00:00+02:00", true)]
    [TestCase("2016-12-31T23:59:60-05:30", true)]
    [TestCase("2024-02-29T08:00:00Z", true)]
    [TestCase("2026-01-01", false)]
    [TestCase("2026", false)]
    [TestCase("2026-01-01T08:00:00", false)]
    [TestCase("2026-01-01 08:00:00Z", false)]
    [TestCase("2026-01-01T08:00Z", false)]
    [TestCase("2026-01-01T08:00:00.Z", false)]
    [TestCase("2026-01-01T08:00:00+0200", false)]
    [TestCase("2026-02-29T08:00:00Z", false)]
    [TestCase("2026-13-01T08:00:00Z", false)]
    [TestCase("2026-01-01T24:00:00Z", false)]
    [TestCase("2026-01-01T08:00:00+24:00", false)]
    [TestCase("\u0032026-01-01T08:00:00Z", true)]
    public void Date_time_is_an_RFC_3339_date_time(string value, bool valid)
    {
        var violations = Ours.Validate(OcppVersion.V201, "Heartbeat", PayloadKind.Response, $$"""{"currentTime":"{{value}}"}""");

        if (valid)
        {
            violations.ShouldBeEmpty();
        }
        else
        {
            var v = violations.ShouldHaveSingleItem();
            v.Path.ShouldBe("$.currentTime");
            v.Kind.ShouldBe(SchemaViolationKind.Property);
            v.Message.ShouldBe("expected 'currentTime' to be an RFC 3339 date-time");
        }
    }

    [Test]
    public void A_string_is_measured_in_UTF_16_code_units_escaped_or_not()
    {
        // 1.6 Authorize idTag: maxLength 20 (CiString20Type).
        Ours.Validate(OcppVersion.V16, "Authorize", PayloadKind.Request, """{"idTag":"\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9ééééééééééé"}""")
            .ShouldHaveSingleItem().Message.ShouldBe("expected 'idTag' to be at most 20 characters");
        Ours.Validate(OcppVersion.V16, "Authorize", PayloadKind.Request, """{"idTag":"ééééééééééééééééééé\u00e9"}""").ShouldBeEmpty();
    }
}
