using DerSim.Sim.Ocpp;
using DerSim.Sim.Ocpp.Validation;

namespace DerSim.Sim.Tests.Ocpp.Validation;

[TestFixture]
public sealed class OcppErrorCodesTests
{
    [TestCase(SchemaViolationKind.Syntax, OcppVersion.V16, "FormationViolation")]
    [TestCase(SchemaViolationKind.UnknownProperty, OcppVersion.V16, "FormationViolation")]
    [TestCase(SchemaViolationKind.Occurrence, OcppVersion.V16, "OccurenceConstraintViolation")]
    [TestCase(SchemaViolationKind.Type, OcppVersion.V16, "TypeConstraintViolation")]
    [TestCase(SchemaViolationKind.Property, OcppVersion.V16, "PropertyConstraintViolation")]
    [TestCase(SchemaViolationKind.UnknownAction, OcppVersion.V16, "NotSupported")]
    [TestCase(SchemaViolationKind.Syntax, OcppVersion.V201, "FormatViolation")]
    [TestCase(SchemaViolationKind.Occurrence, OcppVersion.V201, "OccurrenceConstraintViolation")]
    [TestCase(SchemaViolationKind.UnknownProperty, OcppVersion.V21, "FormatViolation")]
    [TestCase(SchemaViolationKind.Property, OcppVersion.V21, "PropertyConstraintViolation")]
    public void Violation_maps_to_the_versions_code(SchemaViolationKind kind, OcppVersion version, string code)
    {
        var mapped = OcppErrorCodes.ForViolation(kind, version);

        mapped.ShouldBe(code);
        OcppErrorCodes.All(version).ShouldContain(mapped);
    }

    [TestCase("FormationViolation", "FormatViolation")]
    [TestCase("FormatViolation", "FormatViolation")]
    [TestCase("OccurenceConstraintViolation", "OccurrenceConstraintViolation")]
    [TestCase(" OccurrenceConstraintViolation ", "OccurrenceConstraintViolation")]
    [TestCase("GenericError", "GenericError")]
    public void Normalize_accepts_either_spelling(string received, string normalized) =>
        OcppErrorCodes.Normalize(received).ShouldBe(normalized);

    [Test]
    public void Normalize_for_16_gives_the_official_16_spelling()
    {
        OcppErrorCodes.Normalize("FormatViolation", OcppVersion.V16).ShouldBe("FormationViolation");
        OcppErrorCodes.Normalize("OccurrenceConstraintViolation", OcppVersion.V16).ShouldBe("OccurenceConstraintViolation");
    }

    [Test]
    public void Code_sets_differ_where_the_versions_differ()
    {
        OcppErrorCodes.V16.All.ShouldNotContain("RpcFrameworkError");
        OcppErrorCodes.V16.All.ShouldNotContain("MessageTypeNotSupported");
        OcppErrorCodes.V2.All.ShouldContain("RpcFrameworkError");
        OcppErrorCodes.V2.All.ShouldContain("MessageTypeNotSupported");
        OcppErrorCodes.V16.All.Count.ShouldBe(10);
        OcppErrorCodes.V2.All.Count.ShouldBe(12);
    }
}
