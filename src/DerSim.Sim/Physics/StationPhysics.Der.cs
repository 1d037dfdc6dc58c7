
namespace DerSim.Sim.Physics;

/// <summary>The hook where grid-support (DER) functions act on each port.</summary>
public sealed partial class StationPhysics
{
    private IGridSupport? _gridSupport;

    /// <summary>Sets the grid-support functions applied to every port after allocation (<see langword="null"/>: none) and applies them now.</summary>
    public IReadOnlyList<ChargingStateChange> SetGridSupport(IGridSupport? support)
    {
        lock (_gate)
        {
            _gridSupport = support;
            return Recompute();
        }
    }

    partial void ApplyGridSupport()
    {
        if (_gridSupport is not { } support)
        {
            return;
        }

        foreach (var port in _ports)
        {
            var ev = port.Ev;
            var connector = port.Connector;
            var active = ev is not null && connector is not null && port.EnergyAllowed;
            var maxDischarge = active ? ev!.DischargeCapacityKw(connector!) : 0;
            var effect = support.Apply(Now, new GridSupportPort(port.Evse.Id, port.Evse.MaxKw, maxDischarge, active, port.DeliveredKw, port.OfferedKw, port.ExportKw));
            port.DeliveredKw = effect.ImportKw;
            port.OfferedKw = effect.OfferedKw;
            port.ExportKw = effect.ExportKw;
            port.ReactiveKvar = effect.ReactiveKvar;
        }
    }
}
