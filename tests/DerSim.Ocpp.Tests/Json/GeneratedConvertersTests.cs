using System.Text.Json;
using DerSim.Ocpp.Json;
using DerSim.Ocpp.V21;
using V201ActionTable = DerSim.Ocpp.V201.V201ActionTable;

namespace DerSim.Ocpp.Tests.Json;

/// <summary>The generated enum and object converters keep System.Text.Json's rules on the paths the oracle frames do not take.</summary>
[TestFixture]
public sealed class GeneratedConvertersTests
{
    private static readonly V201ActionTable Table = V201ActionTable.Instance;

    [Test]
    public void Unknown_enum_value_names_the_value_and_the_allowed_ones()
    {
        var bad = Should.Throw<JsonException>(() =>
            OcppJson.Deserialize<BootNotificationResponse>("""{"currentTime":"2024-05-01T10:00:00.000Z","interval":1,"status":"accepted"}""", Table));
        bad.Message.ShouldContain("\"accepted\"");
        bad.Message.ShouldContain("Accepted, Pending, Rejected");
    }

    [Test]
    public void Escaped_enum_text_is_read_like_the_plain_text()
    {
        var response = OcppJson.Deserialize<BootNotificationResponse>(
            """{"currentTime":"2024-05-01T10:00:00.000Z","interval":1,"status":"\u0041ccepted"}""", Table);
        response.Status.ShouldBe(RegistrationStatusEnumType.Accepted);
    }

    [Test]
    public void Integer_for_an_enum_is_rejected()
    {
        Should.Throw<JsonException>(() =>
            OcppJson.Deserialize<BootNotificationResponse>("""{"currentTime":"2024-05-01T10:00:00.000Z","interval":1,"status":0}""", Table));
    }

    [Test]
    public void Missing_required_property_is_named()
    {
        var ex = Should.Throw<JsonException>(() =>
            OcppJson.Deserialize<BootNotificationResponse>("""{"currentTime":"2024-05-01T10:00:00.000Z","status":"Accepted"}""", Table));
        ex.Message.ShouldContain("interval");
    }

    [Test]
    public void Wrong_token_types_are_rejected()
    {
        Should.Throw<JsonException>(() =>
            OcppJson.Deserialize<BootNotificationResponse>("""{"currentTime":"2024-05-01T10:00:00.000Z","interval":"1","status":"Accepted"}""", Table));
        Should.Throw<JsonException>(() =>
            OcppJson.Deserialize<BootNotificationResponse>("""{"currentTime":"yesterday","interval":1,"status":"Accepted"}""", Table));
        Should.Throw<JsonException>(() =>
            OcppJson.Deserialize<BootNotificationResponse>("""{"currentTime":"2024-05-01T10:00:00.000Z","interval":1.5,"status":"Accepted"}""", Table));
    }

    [Test]
    public void Unknown_properties_are_skipped_on_closed_types_and_kept_on_open_ones()
    {
        var response = OcppJson.Deserialize<BootNotificationResponse>(
            """{"currentTime":"2024-05-01T10:00:00.000Z","extra":{"a":[1,2]},"interval":1,"status":"Accepted","customData":{"vendorId":"V","x":[true]}}""",
            Table);
        response.Interval.ShouldBe(1);
        response.CustomData!.VendorId.ShouldBe("V");
        response.CustomData.ExtensionData!["x"].GetRawText().ShouldBe("[true]");

        OcppJson.Serialize(response, Table)
            .ShouldBe("""{"currentTime":"2024-05-01T10:00:00.000Z","interval":1,"status":"Accepted","customData":{"vendorId":"V","x":[true]}}""");
    }

    [Test]
    public void Undefined_enum_number_is_not_written()
    {
        var response = new BootNotificationResponse(DateTimeOffset.UnixEpoch, 1, (RegistrationStatusEnumType)42);
        Should.Throw<JsonException>(() => OcppJson.Serialize(response, Table));
    }
}
