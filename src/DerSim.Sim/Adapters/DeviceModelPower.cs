using DerSim.Sim.Engine;

namespace DerSim.Sim.Adapters;

/// <summary>The Actual value of the device model's Power variables, read from the engine's physics.</summary>
internal static class DeviceModelPower
{
    /// <summary>Delivered W of an EVSE (its id) or of the station (null); 0 W without an engine.</summary>
    public static Func<int?, double>? Of(StationEngine? engine)
    {
        if (engine is null)
        {
            return null;
        }

        return evseId =>
        {
            var snapshot = engine.Physics.Snapshot();
            return 1000 * (evseId is { } id ? snapshot.Evse(id).DeliveredKw : snapshot.TotalDeliveredKw);
        };
    }
}
