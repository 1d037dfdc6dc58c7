using DerSim.Ocpp;
using DerSim.Ocpp.Dialects;

namespace DerSim.Ocpp.Tests;

/// <summary>The type a token's text fits: ISO14443 only for a card UID, as a strict CSMS requires.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class IdTokenTypesTests
{
    [TestCase("04A1B2C3", "ISO14443")]
    [TestCase("04a1b2c3d4e5f6", "ISO14443")]
    [TestCase("E004010012345678", "ISO15693")]
    [TestCase("DERSIM-TAG-1", "Local")]
    [TestCase("TAG-1", "Local")]
    [TestCase("04A1B2C", "Local")]
    [TestCase("04A1B2C3D4", "Local")]
    [TestCase("04A1B2CG", "Local")]
    public void A_token_gets_the_type_its_text_fits(string token, string type) => IdTokenTypes.Fitting(token).ShouldBe(type);

    [Test]
    public void Each_version_defines_its_own_types()
    {
        IdTokenTypes.Of(OcppVersion.V16).ShouldBeEmpty();
        IdTokenTypes.IsDefined("eMAID", OcppVersion.V201).ShouldBeTrue();
        IdTokenTypes.IsDefined("VIN", OcppVersion.V201).ShouldBeFalse();
        IdTokenTypes.IsDefined("VIN", OcppVersion.V21).ShouldBeTrue();
        IdTokenTypes.IsDefined("iso14443", OcppVersion.V21).ShouldBeFalse();
        IdTokenTypes.Canonical("EMAID", OcppVersion.V201).ShouldBe("eMAID");
    }

    [Test]
    public void The_2_0_1_types_are_the_official_schema_enum()
    {
        var schema = Path.Combine(Validation.RepoPaths.RequireOfficialSchemas(), "2.0.1", "AuthorizeRequest.json");
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(schema));
        var official = document.RootElement.GetProperty("definitions").GetProperty("IdTokenEnumType").GetProperty("enum")
            .EnumerateArray().Select(e => e.GetString()!).ToList();

        IdTokenTypes.Of(OcppVersion.V201).ShouldBe(official, ignoreOrder: true);
        official.ShouldBeSubsetOf(IdTokenTypes.Of(OcppVersion.V21));
    }
}
