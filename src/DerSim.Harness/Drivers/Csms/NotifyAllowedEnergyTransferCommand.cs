using DerSim.Ocpp;
using Ocpp2 = DerSim.Ocpp.V21;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>2.1 NotifyAllowedEnergyTransfer: the energy-transfer modes a transaction may use (V2G). Not applicable before 2.1.</summary>
/// <param name="StationId">The station it is for.</param>
/// <param name="Version">The station's OCPP version.</param>
/// <param name="TransactionId">The transaction, as the station reported it.</param>
/// <param name="AllowedEnergyTransfer">The modes allowed (DC, DC_BPT, AC_BPT, …).</param>
/// <param name="EvseId">The EVSE the transaction runs on, when known (not in the payload).</param>
public sealed record NotifyAllowedEnergyTransferCommand(string StationId, OcppVersion Version, string TransactionId, IReadOnlyList<string> AllowedEnergyTransfer, int? EvseId = null)
    : CsmsCommand(StationId, Version)
{
    /// <inheritdoc />
    public override CsmsActionKind Kind => CsmsActionKind.NotifyAllowedEnergyTransfer;

    /// <inheritdoc />
    public override bool NeedsV21 => true;

    /// <inheritdoc />
    protected override string? ActionIn(OcppVersion version) => "NotifyAllowedEnergyTransfer";

    /// <inheritdoc />
    protected override object Request() => new Ocpp2.NotifyAllowedEnergyTransferRequest(
        TransactionId,
        [.. AllowedEnergyTransfer.Select(m => Wire<Ocpp2.EnergyTransferModeEnumType>(m, "energy transfer mode"))]);
}
