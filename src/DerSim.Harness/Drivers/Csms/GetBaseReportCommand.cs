using DerSim.Ocpp;
using Ocpp2 = DerSim.Ocpp.V21;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>GetBaseReport (2.x only), answered by NotifyReport messages with the device model.</summary>
/// <param name="StationId">The station it is for.</param>
/// <param name="Version">The station's OCPP version.</param>
/// <param name="ReportBase">FullInventory, ConfigurationInventory or SummaryInventory.</param>
public sealed record GetBaseReportCommand(string StationId, OcppVersion Version, string ReportBase) : CsmsCommand(StationId, Version)
{
    /// <inheritdoc />
    public override CsmsActionKind Kind => CsmsActionKind.GetBaseReport;

    /// <inheritdoc />
    protected override string? ActionIn(OcppVersion version) => version == OcppVersion.V16 ? null : "GetBaseReport";

    /// <inheritdoc />
    protected override object Request() => new Ocpp2.GetBaseReportRequest(1, Wire<Ocpp2.ReportBaseEnumType>(ReportBase, "report base"));
}
