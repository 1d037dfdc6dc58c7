using DerSim.Ocpp;
using DerSim.Ocpp.Rpc;
using DerSim.Ocpp.Validation;

namespace DerSim.Ocpp.Tests.Rpc;

public class RpcErrorCodesTests
{
    [TestCase(OcppVersion.V16, SchemaViolationKind.Syntax, "FormationViolation")]
    [TestCase(OcppVersion.V16, SchemaViolationKind.UnknownProperty, "FormationViolation")]
    [TestCase(OcppVersion.V16, SchemaViolationKind.Occurrence, "OccurenceConstraintViolation")]
    [TestCase(OcppVersion.V16, SchemaViolationKind.Type, "TypeConstraintViolation")]
    [TestCase(OcppVersion.V16, SchemaViolationKind.Property, "PropertyConstraintViolation")]
    [TestCase(OcppVersion.V16, SchemaViolationKind.UnknownAction, "NotImplemented")]
    [TestCase(OcppVersion.V201, SchemaViolationKind.Syntax, "FormatViolation")]
    [TestCase(OcppVersion.V201, SchemaViolationKind.Occurrence, "OccurrenceConstraintViolation")]
    [TestCase(OcppVersion.V21, SchemaViolationKind.UnknownProperty, "FormatViolation")]
    [TestCase(OcppVersion.V21, SchemaViolationKind.Type, "TypeConstraintViolation")]
    public void ForViolation_uses_the_versions_spelling(OcppVersion version, SchemaViolationKind kind, string expected) =>
        RpcErrorCodes.ForViolation(version, kind).ShouldBe(expected);

    [TestCase("FormationViolation", "FormatViolation")]
    [TestCase("OccurenceConstraintViolation", "OccurrenceConstraintViolation")]
    [TestCase("FormatViolation", "FormatViolation")]
    [TestCase("GenericError", "GenericError")]
    public void Normalize_accepts_either_spelling(string received, string expected) =>
        RpcErrorCodes.Normalize(received).ShouldBe(expected);

    [TestCase("FormatViolation", OcppVersion.V16, "FormationViolation")]
    [TestCase("OccurrenceConstraintViolation", OcppVersion.V16, "OccurenceConstraintViolation")]
    [TestCase("FormationViolation", OcppVersion.V201, "FormatViolation")]
    public void Normalize_to_version_gives_the_official_spelling(string received, OcppVersion version, string expected) =>
        RpcErrorCodes.Normalize(received, version).ShouldBe(expected);

    [Test]
    public void Code_lists_match_the_specifications()
    {
        RpcErrorCodes.V16Codes.Count.ShouldBe(10);
        RpcErrorCodes.V2Codes.Count.ShouldBe(12);
        RpcErrorCodes.IsDefined("MessageTypeNotSupported", OcppVersion.V16).ShouldBeFalse();
        RpcErrorCodes.IsDefined("OccurrenceConstraintViolation", OcppVersion.V16).ShouldBeTrue();
        RpcErrorCodes.IsDefined("RpcFrameworkError", OcppVersion.V21).ShouldBeTrue();
    }
}
