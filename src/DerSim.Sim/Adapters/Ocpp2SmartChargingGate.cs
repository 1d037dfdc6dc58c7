using DerSim.Ocpp.Rpc;
using DerSim.Sim.StationModel;

namespace DerSim.Sim.Adapters;

/// <summary>
/// Whether the station takes smart-charging requests at all: with SmartChargingCtrlr.Enabled false it answers them
/// with a CALLERROR NotSupported (OCPP-J: an action the receiver knows but does not support; TC_K_15 expects it).
/// </summary>
internal static class Ocpp2SmartChargingGate
{
    /// <exception cref="OcppCallErrorException">NotSupported: smart charging is switched off.</exception>
    public static void ThrowIfDisabled(ChargingStation station, string action)
    {
        if (station.Configuration.Get(StationConfiguration.SmartChargingEnabledKey)?.Value == "false")
        {
            throw new OcppCallErrorException(RpcErrorCodes.NotSupported, $"{action}: smart charging is not enabled on this station (SmartChargingCtrlr.Enabled is false)");
        }
    }
}
