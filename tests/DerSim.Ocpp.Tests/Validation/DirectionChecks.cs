using DerSim.Ocpp;
using DerSim.Ocpp.V21;

namespace DerSim.Ocpp.Tests.Validation;

/// <summary>Direction and completeness checks shared by the per-version message tests.</summary>
internal static class DirectionChecks
{
    public static void Check(IOcppActionTable table, string action, MessageDirection direction)
    {
        table.TryGet(action, out var a).ShouldBeTrue();
        a!.Direction.ShouldBe(direction);
        a.CanBeSentBy(OcppRole.ChargingStation).ShouldBe(direction != MessageDirection.CsmsToStation);
        a.CanBeSentBy(OcppRole.Csms).ShouldBe(direction != MessageDirection.StationToCsms);
        table.TryGetByRequestType(a.RequestType, out var byType).ShouldBeTrue();
        byType.ShouldBeSameAs(a);
        a.RequestType.Name.ShouldBe(action + "Request");
    }

    /// <summary>Every official schema file maps to a table entry and every entry to its files.</summary>
    public static void TableMatchesSchemaFiles(IOcppActionTable table, int expectedActions)
    {
        table.Actions.Count.ShouldBe(expectedActions);
        var folder = Path.Combine(RepoPaths.RequireOfficialSchemas(), table.Version.DisplayName());
        var files = Directory.GetFiles(folder, "*.json").Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.Ordinal);
        var expected = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in table.Actions.Values)
        {
            var request = table.Version == OcppVersion.V16 || !files.Contains(a.Name + "Request") ? a.Name : a.Name + "Request";
            expected.Add(request);
            if (a.ResponseType != typeof(NoResponse))
            {
                expected.Add(a.Name + "Response");
                a.ResponseType.Name.ShouldBe(a.Name + "Response");
            }
        }

        files.Except(expected).ShouldBeEmpty("schema files without a table entry");
        expected.Except(files).ShouldBeEmpty("table entries without a schema file");
    }
}
