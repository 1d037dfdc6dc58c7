using DerSim.Ocpp;
using Ocpp2 = DerSim.Ocpp.V21;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>
/// 2.1 AFRRSignal: the signal a CentralFrequency period's signal-watt curve follows from a timestamp on. Not
/// applicable before 2.1.
/// </summary>
/// <param name="StationId">The station it is for.</param>
/// <param name="Version">The station's OCPP version.</param>
/// <param name="Timestamp">When the signal applies, on the scenario's simulated clock.</param>
/// <param name="Signal">The signal value.</param>
public sealed record AfrrSignalCommand(string StationId, OcppVersion Version, DateTimeOffset Timestamp, int Signal) : CsmsCommand(StationId, Version)
{
    /// <inheritdoc />
    public override CsmsActionKind Kind => CsmsActionKind.AFRRSignal;

    /// <inheritdoc />
    public override bool NeedsV21 => true;

    /// <inheritdoc />
    protected override string? ActionIn(OcppVersion version) => "AFRRSignal";

    /// <inheritdoc />
    protected override object Request() => new Ocpp2.AFRRSignalRequest(Timestamp, Signal);
}
