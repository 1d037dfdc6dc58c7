using DerSim.Ocpp;
using V16 = DerSim.Ocpp.V16;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>
/// GetDiagnostics (1.6 FirmwareManagement, §5.9): the station is to upload its diagnostics file to a location and report
/// the upload in DiagnosticsStatusNotification. 2.x asks for its logs with GetLog instead (<see cref="GetLogCommand"/>).
/// </summary>
/// <param name="StationId">The station it is for.</param>
/// <param name="Version">The station's OCPP version.</param>
/// <param name="Location">The URL the file goes to (<c>location</c>).</param>
/// <param name="Retries">How often the station tries again after a failed upload, or null for its own choice.</param>
/// <param name="RetryInterval">The seconds between those tries, or null for its own choice.</param>
/// <param name="StartTime">The oldest logging information wanted, or null for all.</param>
/// <param name="StopTime">The latest logging information wanted, or null for up to now.</param>
public sealed record GetDiagnosticsCommand(
    string StationId,
    OcppVersion Version,
    string Location,
    int? Retries = null,
    int? RetryInterval = null,
    DateTimeOffset? StartTime = null,
    DateTimeOffset? StopTime = null) : CsmsCommand(StationId, Version)
{
    /// <inheritdoc />
    public override CsmsActionKind Kind => CsmsActionKind.GetDiagnostics;

    /// <inheritdoc />
    protected override string? ActionIn(OcppVersion version) => version == OcppVersion.V16 ? "GetDiagnostics" : null;

    /// <inheritdoc />
    protected override object Request() => new V16.GetDiagnosticsRequest(Location)
    {
        Retries = Retries,
        RetryInterval = RetryInterval,
        StartTime = StartTime,
        StopTime = StopTime,
    };
}
