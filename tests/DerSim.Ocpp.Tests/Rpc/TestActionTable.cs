using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization.Metadata;
using DerSim.Ocpp;

namespace DerSim.Ocpp.Tests.Rpc;

/// <summary>A hand-written action table with the test messages, for any version.</summary>
public sealed class TestActionTable : IOcppActionTable
{
    public TestActionTable(OcppVersion version)
    {
        Version = version;
        OcppAction[] actions =
        [
            new("BootNotification", typeof(BootNotificationRequest), typeof(BootNotificationResponse), MessageDirection.StationToCsms),
            new("Heartbeat", typeof(HeartbeatRequest), typeof(HeartbeatResponse), MessageDirection.StationToCsms),
            new("Reset", typeof(ResetRequest), typeof(ResetResponse), MessageDirection.CsmsToStation),
            new("DataTransfer", typeof(DataTransferRequest), typeof(DataTransferResponse), MessageDirection.Both),
            new("NotifyPeriodicEventStream", typeof(NotifyPeriodicEventStreamRequest), typeof(NoResponse), MessageDirection.StationToCsms),
        ];
        Actions = actions.ToDictionary(a => a.Name, StringComparer.Ordinal);
    }

    public OcppVersion Version { get; }

    public IReadOnlyDictionary<string, OcppAction> Actions { get; }

    public IJsonTypeInfoResolver TypeInfoResolver => TestMessagesContext.Default;

    public bool TryGet(string name, [NotNullWhen(true)] out OcppAction? action) => Actions.TryGetValue(name, out action);

    public bool TryGetByRequestType(Type requestType, [NotNullWhen(true)] out OcppAction? action)
    {
        action = Actions.Values.FirstOrDefault(a => a.RequestType == requestType);
        return action is not null;
    }
}
