using System.Text.Json.Nodes;
using DerSim.Sim.Ocpp;
using DerSim.Sim.Ocpp.Json;
using DerSim.Sim.Ocpp.Validation;
using DerSim.Sim.Ocpp.V21;

namespace DerSim.Sim.Tests.Ocpp.Validation;

/// <summary>One message (an action's request or response) of one version.</summary>
internal sealed record MessageCase(OcppVersion Version, string Action, PayloadKind Kind, Type Type)
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
        select new MessageCase(version, action.Name, kind, kind == PayloadKind.Request ? action.RequestType : action.ResponseType);

    public static string Example(MessageCase m, bool full) =>
        OcppJson.Serialize(ExampleBuilder.Build(m.Type, full), m.Type, m.Table);

    public static IEnumerable<TestCaseData> ValidCases() =>
        from m in All()
        from full in new[] { false, true }
        select new TestCaseData(m, full).SetName($"{m}.{(full ? "Full" : "Minimal")}");

    public static IEnumerable<TestCaseData> InvalidCases() =>
        from m in All()
        from c in Mutations.For(m, JsonNode.Parse(Example(m, full: true))!.AsObject())
        select new TestCaseData(c).SetName(c.ToString());
}
