using DerSim.Ocpp;
using V16 = DerSim.Ocpp.V16;
using Ocpp2 = DerSim.Ocpp.V21;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>GetLog (2.x; 1.6 with the security extension): the station is to upload one of its logs to a location.</summary>
/// <param name="StationId">The station it is for.</param>
/// <param name="Version">The station's OCPP version.</param>
/// <param name="LogType">DiagnosticsLog or SecurityLog (2.1 also DataCollectorLog).</param>
/// <param name="RemoteLocation">The URL the log goes to (<c>log.remoteLocation</c>).</param>
/// <param name="RequestId">The request's id; the CSMS numbers its own (<see cref="ChosenByCsms"/>).</param>
/// <param name="OldestTimestamp">The oldest entry wanted, or null for the log's start.</param>
/// <param name="LatestTimestamp">The latest entry wanted, or null for now.</param>
/// <param name="Retries">How often the station tries again after a failed upload, or null for its own choice.</param>
/// <param name="RetryInterval">The seconds between those tries, or null for its own choice.</param>
public sealed record GetLogCommand(
    string StationId,
    OcppVersion Version,
    string LogType,
    string RemoteLocation,
    int RequestId,
    DateTimeOffset? OldestTimestamp = null,
    DateTimeOffset? LatestTimestamp = null,
    int? Retries = null,
    int? RetryInterval = null) : CsmsCommand(StationId, Version)
{
    /// <inheritdoc />
    public override CsmsActionKind Kind => CsmsActionKind.GetLog;

    /// <inheritdoc />
    public override IReadOnlyCollection<string> ChosenByCsms => ["requestId"];

    /// <inheritdoc />
    protected override string? ActionIn(OcppVersion version) => "GetLog";

    /// <inheritdoc />
    protected override object Request() => Version == OcppVersion.V16
        ? new V16.GetLogRequest(
            new V16.LogParametersType(RemoteLocation) { OldestTimestamp = OldestTimestamp, LatestTimestamp = LatestTimestamp },
            Wire<V16.LogEnumType>(LogType, "log type"),
            RequestId)
        {
            Retries = Retries,
            RetryInterval = RetryInterval,
        }
        : new Ocpp2.GetLogRequest(
        new Ocpp2.LogParametersType(RemoteLocation) { OldestTimestamp = OldestTimestamp, LatestTimestamp = LatestTimestamp },
        Wire<Ocpp2.LogEnumType>(LogType, "log type"),
        RequestId)
    {
        Retries = Retries,
        RetryInterval = RetryInterval,
    };
}
