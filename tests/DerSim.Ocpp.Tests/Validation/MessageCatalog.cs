using System.Text.Json.Nodes;
using DerSim.Ocpp;
using DerSim.Ocpp.Json;
using DerSim.Ocpp.Validation;
using DerSim.Ocpp.V21;

namespace DerSim.Ocpp.Tests.Validation;

/// <summary>
/// One message (an action's request or response) of one version: <paramref name="Type"/> carries it,
/// <paramref name="SchemaType"/> is the version's own shape its schema comes from (the same type but in 2.0.1,
/// which the 2.1 types carry).
/// </summary>
internal sealed record MessageCase(OcppVersion Version, string Action, PayloadKind Kind, Type Type, Type SchemaType)
{
    public IOcppActionTable Table => OcppActionTables.For(Version);

    public override string ToString() => $"{Version}.{Action}.{Kind}";
}

/// <summary>A deliberately broken payload and the violation kind it must produce.</summary>
internal sealed record InvalidCase(MessageCase Message, string Mutation, string Json, SchemaViolationKind Expected)
{
    public override string ToString() => $"{Message}.{Mutation}";
}

/// <summary>Every message of every version, with valid examples and derived invalid payloads.</summary>
internal static class MessageCatalog
{
    public static IEnumerable<MessageCase> All() =>
        from version in OcppVersions.All
        let table = OcppActionTables.For(version)
        from action in table.Actions.Values.OrderBy(a => a.Name, StringComparer.Ordinal)
        from kind in new[] { PayloadKind.Request, PayloadKind.Response }
        where kind == PayloadKind.Request || action.ResponseType != typeof(NoResponse)
        select kind == PayloadKind.Request
            ? new MessageCase(version, action.Name, kind, action.RequestType, action.RequestSchemaType)
            : new MessageCase(version, action.Name, kind, action.ResponseType, action.ResponseSchemaType);

    public static string Example(MessageCase m, bool full) => ExampleBuilder.Json(m.Table, m.Type, m.SchemaType, full);

    public static IEnumerable<TestCaseData> ValidCases() =>
        from m in All()
        from full in new[] { false, true }
        select new TestCaseData(m, full).SetName($"{m}.{(full ? "Full" : "Minimal")}");

    public static IEnumerable<TestCaseData> InvalidCases() =>
        from m in All()
        from c in Mutations.For(m, JsonNode.Parse(Example(m, full: true))!.AsObject())
        select new TestCaseData(c).SetName(c.ToString());
}
