using DerSim.Ocpp;
using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;
using DerSim.Ocpp.V21;
using DerSim.Sim.Engine;

namespace DerSim.Sim.Adapters;

/// <summary>OCPP 2.1 forms of the energy-transfer model: modes and the NotifyEVChargingNeeds request.</summary>
public static class V21EnergyTransfer
{
    /// <summary>The 2.1 enum value of <paramref name="mode"/>.</summary>
    public static EnergyTransferModeEnumType ToV21(EnergyTransferMode mode) => mode switch
    {
        EnergyTransferMode.AcSinglePhase => EnergyTransferModeEnumType.ACSinglePhase,
        EnergyTransferMode.AcTwoPhase => EnergyTransferModeEnumType.ACTwoPhase,
        EnergyTransferMode.AcThreePhase => EnergyTransferModeEnumType.ACThreePhase,
        EnergyTransferMode.Dc => EnergyTransferModeEnumType.DC,
        EnergyTransferMode.AcBpt => EnergyTransferModeEnumType.ACBPT,
        EnergyTransferMode.AcBptDer => EnergyTransferModeEnumType.ACBPTDER,
        EnergyTransferMode.AcDer => EnergyTransferModeEnumType.ACDER,
        EnergyTransferMode.DcBpt => EnergyTransferModeEnumType.DCBPT,
        EnergyTransferMode.DcAcdp => EnergyTransferModeEnumType.DCACDP,
        EnergyTransferMode.DcAcdpBpt => EnergyTransferModeEnumType.DCACDPBPT,
        _ => EnergyTransferModeEnumType.WPT,
    };

    /// <summary>The model value of a 2.1 mode.</summary>
    public static EnergyTransferMode FromV21(EnergyTransferModeEnumType mode) => mode switch
    {
        EnergyTransferModeEnumType.ACSinglePhase => EnergyTransferMode.AcSinglePhase,
        EnergyTransferModeEnumType.ACTwoPhase => EnergyTransferMode.AcTwoPhase,
        EnergyTransferModeEnumType.ACThreePhase => EnergyTransferMode.AcThreePhase,
        EnergyTransferModeEnumType.DC => EnergyTransferMode.Dc,
        EnergyTransferModeEnumType.ACBPT => EnergyTransferMode.AcBpt,
        EnergyTransferModeEnumType.ACBPTDER => EnergyTransferMode.AcBptDer,
        EnergyTransferModeEnumType.ACDER => EnergyTransferMode.AcDer,
        EnergyTransferModeEnumType.DCBPT => EnergyTransferMode.DcBpt,
        EnergyTransferModeEnumType.DCACDP => EnergyTransferMode.DcAcdp,
        EnergyTransferModeEnumType.DCACDPBPT => EnergyTransferMode.DcAcdpBpt,
        _ => EnergyTransferMode.Wpt,
    };

    /// <summary>
    /// The NotifyEVChargingNeeds request for <paramref name="needs"/>: dynamic control, the EV's DC (or AC) parameters,
    /// and in a bidirectional mode the V2X parameters with charge and discharge powers in W.
    /// </summary>
    public static NotifyEVChargingNeedsRequest Request(EvChargingNeeds needs)
    {
        ArgumentNullException.ThrowIfNull(needs);
        var connector = needs.Connector;
        var voltage = (decimal)connector.NominalVoltageV;
        var maxChargeW = Watts(needs.MaxChargeKw);
        var energyWh = Watts(needs.EnergyToTargetKwh);
        var chargingNeeds = new ChargingNeedsType(ToV21(needs.Requested))
        {
            AvailableEnergyTransfer = needs.Available.Count > 0 ? [.. needs.Available.Select(ToV21)] : null,
            ControlMode = ControlModeEnumType.DynamicControl,
            MobilityNeedsMode = MobilityNeedsModeEnumType.EVCC,
            DepartureTime = needs.DepartureTime,
        };
        if (connector.CurrentType == CurrentType.DC)
        {
            chargingNeeds = chargingNeeds with
            {
                DcChargingParameters = new DCChargingParametersType(Math.Round(maxChargeW / voltage, 1), voltage)
                {
                    EvMaxPower = maxChargeW,
                    EvEnergyCapacity = Watts(needs.Model.BatteryKwh),
                    EnergyAmount = energyWh,
                    StateOfCharge = (int)Math.Floor(needs.SocPercent),
                    FullSoC = (int)Math.Round(needs.TargetSocPercent),
                },
            };
        }
        else
        {
            var phases = Math.Max(1, Math.Min(connector.Phases ?? 1, needs.Model.OnBoardChargerPhases));
            chargingNeeds = chargingNeeds with
            {
                AcChargingParameters = new ACChargingParametersType(energyWh, 0, Math.Round(maxChargeW / (voltage * phases), 1), voltage),
            };
        }

        if (Physics.EnergyTransfer.IsBidirectional(needs.Requested))
        {
            var minSocWh = Watts(needs.Model.MinSocPercent / 100 * needs.Model.BatteryKwh);
            var nowWh = Watts(needs.SocPercent / 100 * needs.Model.BatteryKwh);
            chargingNeeds = chargingNeeds with
            {
                V2xChargingParameters = new V2XChargingParametersType
                {
                    MinChargePower = 0,
                    MaxChargePower = maxChargeW,
                    MinDischargePower = 0,
                    MaxDischargePower = Watts(needs.MaxDischargeKw),
                    EvTargetEnergyRequest = energyWh,
                    EvMinEnergyRequest = minSocWh - nowWh,
                    EvMaxEnergyRequest = Watts((100 - needs.SocPercent) / 100 * needs.Model.BatteryKwh),
                    TargetSoC = (int)Math.Round(needs.TargetSocPercent),
                },
            };
        }

        return new NotifyEVChargingNeedsRequest(needs.EvseId, chargingNeeds) { Timestamp = needs.At };
    }

    /// <summary>The model form of a NotifyEVChargingNeeds answer.</summary>
    public static ChargingNeedsAnswer FromV21(NotifyEVChargingNeedsStatusEnumType status) => NameMatch.Of<NotifyEVChargingNeedsStatusEnumType, ChargingNeedsAnswer>(status);

    // kW (kWh) to W (Wh), whole: the CSMS reads powers and energies, not their float noise.
    private static decimal Watts(double kilo) => Math.Round((decimal)kilo * 1000, 0);
}
