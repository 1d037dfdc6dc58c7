using DerSim.Ocpp;
using Ocpp2 = DerSim.Ocpp.V21;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>
/// 2.1 SetChargingProfile: a TxProfile for a transaction whose one period carries an operationMode, a frequency-watt
/// curve (LocalFrequency) or a signal-watt curve (CentralFrequency) as given, and optionally a v2xBaseline, in W.
/// The points go out in the order given: sorting them is the station's job. Not applicable on 1.6 and 2.0.1.
/// </summary>
/// <param name="StationId">The station it is for.</param>
/// <param name="Version">The station's OCPP version.</param>
/// <param name="EvseId">The EVSE.</param>
/// <param name="TransactionId">The transaction, as the station reported it.</param>
/// <param name="OperationMode">The period's operationMode (LocalFrequency, CentralFrequency).</param>
/// <param name="FreqWattCurve">The period's v2xFreqWattCurve, as given.</param>
/// <param name="SignalWattCurve">The period's v2xSignalWattCurve, as given.</param>
/// <param name="BaselineW">The period's v2xBaseline in W, added to the curve's power (negative: discharge).</param>
/// <param name="ProfileId">The charging profile id.</param>
public sealed record SetV2xCurveProfileCommand(
    string StationId,
    OcppVersion Version,
    int EvseId,
    string TransactionId,
    string OperationMode,
    IReadOnlyList<Ocpp2.V2XFreqWattPointType>? FreqWattCurve = null,
    IReadOnlyList<Ocpp2.V2XSignalWattPointType>? SignalWattCurve = null,
    decimal? BaselineW = null,
    int ProfileId = 1)
    : CsmsCommand(StationId, Version)
{
    /// <inheritdoc />
    public override CsmsActionKind Kind => CsmsActionKind.SetChargingProfile;

    /// <inheritdoc />
    public override bool NeedsV21 => true;

    /// <summary>Whether the period carries a curve (without one, it says no more than a <see cref="SetV2xProfileCommand"/> with only a mode).</summary>
    public bool HasCurve => FreqWattCurve is not null || SignalWattCurve is not null;

    /// <inheritdoc />
    protected override string? ActionIn(OcppVersion version) => "SetChargingProfile";

    /// <inheritdoc />
    protected override object Request() => SetV2xProfileCommand.TxProfile(EvseId, TransactionId, ProfileId, new Ocpp2.ChargingSchedulePeriodType(0)
    {
        OperationMode = Wire<Ocpp2.OperationModeEnumType>(OperationMode, "operation mode"),
        V2xBaseline = BaselineW,
        V2xFreqWattCurve = FreqWattCurve,
        V2xSignalWattCurve = SignalWattCurve,
    });
}
