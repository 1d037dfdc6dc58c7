using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;

namespace DerSim.Sim.Physics;

/// <summary>
/// The energy-transfer modes an EV and a connector share, and the one the EV picks: bidirectional first when both
/// sides can, then plain DC, then the AC mode of its phases.
/// </summary>
public static class EnergyTransfer
{
    /// <summary>Whether <paramref name="mode"/> moves energy both ways.</summary>
    public static bool IsBidirectional(EnergyTransferMode mode) =>
        mode is EnergyTransferMode.DcBpt or EnergyTransferMode.AcBpt or EnergyTransferMode.AcBptDer or EnergyTransferMode.DcAcdpBpt;

    /// <summary>The modes <paramref name="model"/> can use on a connector of <paramref name="connector"/>'s current type.</summary>
    public static IReadOnlyList<EnergyTransferMode> EvModes(EvModel model, ConnectorDefinition connector)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(connector);
        var modes = new List<EnergyTransferMode>();
        if (connector.CurrentType == CurrentType.DC)
        {
            if (model.MaxDcKw > 0)
            {
                modes.Add(EnergyTransferMode.Dc);
                if (model.Bidirectional)
                {
                    modes.Add(EnergyTransferMode.DcBpt);
                }
            }
        }
        else
        {
            modes.Add(EnergyTransferMode.AcSinglePhase);
            if (model.OnBoardChargerPhases >= 2)
            {
                modes.Add(EnergyTransferMode.AcTwoPhase);
            }

            if (model.OnBoardChargerPhases >= 3)
            {
                modes.Add(EnergyTransferMode.AcThreePhase);
            }
        }

        return modes;
    }

    /// <summary>
    /// Whether the EV and the connector talk ISO 15118, the only way an EV tells its charging needs (OCPP 2.1
    /// NotifyEVChargingNeeds). The EV preset says so for the car; a connector does where it has a high-level
    /// communication link — DC (CCS) or bidirectional — whereas plain AC charges on PWM signalling alone.
    /// </summary>
    public static bool UsesIso15118(EvModel model, ConnectorDefinition connector)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(connector);
        return model.Iso15118 && (connector.CurrentType == CurrentType.DC || connector.Bidirectional is not null);
    }

    /// <summary>The modes both the EV and the connector support, in the connector's order.</summary>
    public static IReadOnlyList<EnergyTransferMode> Available(EvModel model, ConnectorDefinition connector)
    {
        var ev = EvModes(model, connector);
        return [.. connector.EnergyTransferModes.Where(ev.Contains).Distinct()];
    }

    /// <summary>
    /// The mode the EV requests among <paramref name="allowed"/>: a bidirectional one if any, else DC, else the AC mode
    /// with most phases; null when none is allowed.
    /// </summary>
    public static EnergyTransferMode? Pick(IEnumerable<EnergyTransferMode> allowed)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        var set = allowed.ToHashSet();
        EnergyTransferMode[] preference =
        [
            EnergyTransferMode.DcBpt, EnergyTransferMode.AcBpt, EnergyTransferMode.Dc,
            EnergyTransferMode.AcThreePhase, EnergyTransferMode.AcTwoPhase, EnergyTransferMode.AcSinglePhase,
        ];
        return preference.Where(set.Contains).Select(m => (EnergyTransferMode?)m).FirstOrDefault();
    }
}
