using DerSim.Ocpp.Validation;

namespace DerSim.Ocpp.Tests.Validation;

/// <summary>
/// The official OCPP schemas as an independent oracle: every generated message, built with minimal and with all
/// fields, must validate against them; and for derived invalid payloads our validator and the official schemas must
/// both reject, with the same kind of violation.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class SchemaOracleTests
{
    private static readonly Lazy<OcppSchemaValidator?> Official = new(() =>
        RepoPaths.OfficialSchemas is { } root ? new OcppSchemaValidator(root) : null);

    private static readonly OcppSchemaValidator Ours = new();

    private static OcppSchemaValidator RequireOfficial()
    {
        RepoPaths.RequireOfficialSchemas();
        return Official.Value!;
    }

    [TestCaseSource(typeof(MessageCatalog), nameof(MessageCatalog.ValidCases))]
    public void Example_validates_against_the_official_schema(object message, bool full)
    {
        var official = RequireOfficial();
        var m = (MessageCase)message;
        var json = MessageCatalog.Example(m, full);

        var violations = official.Validate(m.Version, m.Action, m.Kind, json);

        violations.ShouldBeEmpty($"{json}\n{string.Join("\n", violations)}");
    }

    [TestCaseSource(typeof(MessageCatalog), nameof(MessageCatalog.InvalidCases))]
    public void Invalid_payload_is_rejected_by_both_with_the_same_kind(object invalid)
    {
        var official = RequireOfficial();
        var c = (InvalidCase)invalid;

        var theirs = official.Validate(c.Message.Version, c.Message.Action, c.Message.Kind, c.Json);
        var ours = Ours.Validate(c.Message.Version, c.Message.Action, c.Message.Kind, c.Json);

        theirs.Select(v => v.Kind).ShouldContain(c.Expected, $"official: {string.Join("; ", theirs)}\n{c.Json}");
        ours.Select(v => v.Kind).ShouldContain(c.Expected, $"ours: {string.Join("; ", ours)}\n{c.Json}");
        ours.Select(v => v.Kind).Distinct().Order().ShouldBe(theirs.Select(v => v.Kind).Distinct().Order(),
            $"ours: {string.Join("; ", ours)}\nofficial: {string.Join("; ", theirs)}");
    }
}
