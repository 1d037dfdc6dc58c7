using DerSim.OcppGen;

namespace DerSim.Ocpp.Tests.Validation;

/// <summary>The generator lets one version's types carry another's only where every payload of the carried version reads.</summary>
[TestFixture]
public sealed class CarrierCheckTests
{
    private static readonly VersionInfo Old = new("old", "VOld", "old", true, CarriedBy: "VNew");
    private static readonly VersionInfo New = new("new", "VNew", "new", true);

    private static VersionModel Model(VersionInfo v, params TypeDef[] types) =>
        new(v, types, [new ActionDef("Ping", "PingRequest", "PingResponse", "Both")]);

    private static ObjectDef Message(string name, params PropDef[] props) => new(name, props, Closed: true, "Ping", name.EndsWith("Request", StringComparison.Ordinal) ? "Request" : "Response");

    private static PropDef Prop(string name, bool required, ValueKind kind, string? typeName = null) => new(name, char.ToUpperInvariant(name[0]) + name[1..], required, new TypeRef(kind, typeName));

    [Test]
    public void A_wider_carrier_carries_and_a_field_only_it_requires_becomes_schema_only_required()
    {
        var old = Model(Old,
            Message("PingRequest", Prop("n", true, ValueKind.Integer), Prop("kind", false, ValueKind.Enum, "KindEnum")),
            Message("PingResponse"),
            new EnumDef("KindEnum", ["A"]));
        var carrier = Model(New,
            Message("PingRequest", Prop("n", true, ValueKind.Number), Prop("kind", false, ValueKind.Enum, "KindEnum"), Prop("extra", true, ValueKind.String)),
            Message("PingResponse"),
            new EnumDef("KindEnum", ["A", "B"]));

        var carried = CarrierCheck.Carry(old, carrier);

        var extra = carried.Types.OfType<ObjectDef>().Single(t => t.Name == "PingRequest").Props.Single(p => p.JsonName == "extra");
        extra.Required.ShouldBeFalse("a payload of the old version has no 'extra' and must still read");
        extra.RequiredInSchemaOnly.ShouldBeTrue("the new version's schema still requires it");
    }

    [TestCase("enum")]
    [TestCase("field")]
    [TestCase("type")]
    [TestCase("action")]
    public void A_carrier_that_would_lose_a_payload_fails_generation(string what)
    {
        var old = Model(Old,
            Message("PingRequest", Prop("n", true, ValueKind.Integer), Prop("kind", false, ValueKind.Enum, "KindEnum"), Prop("note", false, ValueKind.String)),
            Message("PingResponse"),
            new EnumDef("KindEnum", ["A", "C"]));
        var carrier = Model(New,
            Message("PingRequest",
                Prop("n", true, what == "type" ? ValueKind.String : ValueKind.Integer),
                Prop("kind", false, ValueKind.Enum, "KindEnum"),
                Prop(what == "field" ? "other" : "note", false, ValueKind.String)),
            Message("PingResponse"),
            new EnumDef("KindEnum", what == "enum" ? ["A"] : ["A", "C"]));
        if (what == "action")
        {
            carrier = carrier with { Actions = [new ActionDef("Pong", "PingRequest", "PingResponse", "Both")] };
        }

        var ex = Should.Throw<InvalidOperationException>(() => CarrierCheck.Carry(old, carrier));
        ex.Message.ShouldContain(what switch
        {
            "enum" => "value 'C' missing",
            "field" => "PingRequest.note: missing in the carrier",
            "type" => "PingRequest.n: Integer carried by String",
            _ => "Ping: no such action",
        });
    }
}
