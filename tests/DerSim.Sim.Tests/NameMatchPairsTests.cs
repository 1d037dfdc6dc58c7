using DerSim.Ocpp;
using Reason = DerSim.Ocpp.V16.Reason;
using DerSim.Ocpp.V21;
using DerSim.Sim.Der;
using DerSim.Sim.Engine;
using DerSim.Sim.Physics;
using DerSim.Sim.SmartCharging;
using DerSim.Sim.StationModel;

namespace DerSim.Sim.Tests;

/// <summary>
/// Every enum the station maps to an OCPP one by name, or back, has a namesake for each member: a value the generator
/// adds on one side (or DerSim adds on its own) fails here rather than on the wire.
/// </summary>
public sealed class NameMatchPairsTests
{
    private static IEnumerable<TestCaseData> Pairs()
    {
        yield return Pair<ChargingProfileKind, ChargingProfileKindEnumType>();
        yield return Pair<ChargingProfileKindEnumType, ChargingProfileKind>();
        yield return Pair<OperationMode, OperationModeEnumType>();
        yield return Pair<OperationModeEnumType, OperationMode>();
        yield return Pair<DERControlEnumType, DerControlType>();
        yield return Pair<DerControlType, DERControlEnumType>();
        yield return Pair<DERUnitEnumType, DerUnit>();
        yield return Pair<DerUnit, DERUnitEnumType>();
        yield return Pair<DerGridFault, GridEventFaultEnumType>();
        yield return Pair<DerStatus, DERControlStatusEnumType>();
        yield return Pair<DeviceDataType, DataEnumType>();
        yield return Pair<NotifyEVChargingNeedsStatusEnumType, ChargingNeedsAnswer>();
        yield return Pair<TariffSetOutcome, TariffSetStatusEnumType>();
        yield return Pair<DerSim.Sim.Tariffs.TariffCostKind, TariffCostEnumType>();
    }

    private static TestCaseData Pair<TFrom, TTo>()
        where TFrom : struct, Enum
        where TTo : struct, Enum =>
        new TestCaseData(new Action(() =>
        {
            foreach (var value in Enum.GetValues<TFrom>())
            {
                NameMatch.Of<TFrom, TTo>(value).ToString().ShouldBe(value.ToString());
            }
        })).SetArgDisplayNames($"{typeof(TFrom).Name} → {typeof(TTo).Name}");

    /// <summary>1.6 names every stop reason a 1.6 transaction can have; the 2.x stop points' reasons map to their nearest value.</summary>
    [Test]
    public void Every_stop_reason_has_its_1_6_reason()
    {
        TransactionStopReason[] twoXOnly =
        [
            TransactionStopReason.EnergyTransferEnded, TransactionStopReason.StoppedByEV, TransactionStopReason.EVDeparted, TransactionStopReason.Timeout,
            TransactionStopReason.EnergyLimitReached, TransactionStopReason.TimeLimitReached, TransactionStopReason.CostLimitReached, TransactionStopReason.NotResumed,
        ];
        foreach (var value in Enum.GetValues<TransactionStopReason>().Except(twoXOnly))
        {
            DerSim.Sim.Adapters.V16TransactionMessages.V16Reason(value).ToString().ShouldBe(value.ToString());
        }

        DerSim.Sim.Adapters.V16TransactionMessages.V16Reason(TransactionStopReason.Timeout).ShouldBe(Reason.Other);
        DerSim.Sim.Adapters.V16TransactionMessages.V16Reason(TransactionStopReason.EnergyLimitReached).ShouldBe(Reason.Other);
        DerSim.Sim.Adapters.V16TransactionMessages.V16Reason(TransactionStopReason.NotResumed).ShouldBe(Reason.PowerLoss);
    }

    [TestCaseSource(nameof(Pairs))]
    public void Every_member_has_its_namesake(Action check) => check();
}
