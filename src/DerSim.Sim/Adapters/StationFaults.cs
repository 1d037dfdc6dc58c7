using DerSim.Sim.Engine;
using DerSim.Sim.StationModel;

namespace DerSim.Sim.Adapters;

/// <summary>
/// A hardware fault on site (a memory state the OCA reservation cases start from: "Faulted"): idle connectors turn
/// Faulted and the station reports each (1.6 StatusNotification Faulted; 2.x connectorStatus Faulted).
/// </summary>
public static class StationFaults
{
    /// <summary>Faults the idle connectors of <paramref name="targets"/> and reports them; the connectors that changed.</summary>
    /// <exception cref="InvalidOperationException">The station never connected.</exception>
    public static async Task<IReadOnlyList<StationConnector>> FaultAsync(StationEngine engine, IReadOnlyList<StationConnector> targets, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(targets);
        var messages = engine.Messages ?? throw new InvalidOperationException("the station has not booted yet: no connector can report a fault");
        var changed = targets.Where(c => c.Status is ConnectorStatus.Available or ConnectorStatus.Reserved).ToList();
        foreach (var connector in changed)
        {
            connector.Status = ConnectorStatus.Faulted;
            await messages.StatusAsync(connector, ct).ConfigureAwait(false);
        }

        return changed;
    }
}
