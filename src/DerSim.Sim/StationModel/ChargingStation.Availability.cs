namespace DerSim.Sim.StationModel;

// Availability changes and resets that must wait for running transactions (answered Scheduled), version-neutral.
public sealed partial class ChargingStation
{
    private volatile bool _resetScheduled;

    /// <summary>True from a Reset's answer until the station reboots: no new transaction starts meanwhile.</summary>
    public bool ResetScheduled
    {
        get => _resetScheduled;
        set => _resetScheduled = value;
    }

    /// <summary>
    /// Changes <paramref name="targets"/> to operative or inoperative. A connector with a session on it (EV plugged,
    /// transaction running) keeps going and turns Unavailable when the session ends (<see cref="ReleaseAfterSession"/>):
    /// OCPP 1.6 §5.2 and 2.0.1 G03/G04 answer such a change <c>Scheduled</c> ("accepted and will be executed when
    /// transaction(s) in progress have finished"). A change to Operative cancels a scheduled one.
    /// </summary>
    public AvailabilityChangeResult ChangeAvailability(IEnumerable<StationConnector> targets, bool operative)
    {
        var list = targets.ToList();
        var scheduled = false;
        lock (_gate)
        {
            foreach (var connector in list)
            {
                connector.InoperativeScheduled = !operative && connector.Status == ConnectorStatus.Occupied;
                scheduled |= connector.InoperativeScheduled;
            }
        }

        return new AvailabilityChangeResult(scheduled, SetOperative(list, operative));
    }

    /// <summary>
    /// The session on <paramref name="connector"/> ended (the EV left): it is Available again, or Unavailable when a
    /// change to Inoperative was scheduled while it ran.
    /// </summary>
    public void ReleaseAfterSession(StationConnector connector)
    {
        ArgumentNullException.ThrowIfNull(connector);
        lock (_gate)
        {
            connector.Status = connector.InoperativeScheduled ? ConnectorStatus.Unavailable : ConnectorStatus.Available;
            connector.InoperativeScheduled = false;
        }
    }

    /// <summary>
    /// Whether a new transaction may start on EVSE <paramref name="evseId"/>: not while a reset waits, and not on an
    /// EVSE that is (or is about to be) inoperative. The station's own sessions wait; a remote start is Rejected.
    /// </summary>
    public bool AcceptsNewTransactions(int evseId)
    {
        if (ResetScheduled)
        {
            return false;
        }

        lock (_gate)
        {
            return !ConnectorsOf(evseId).Any(c => c.Status == ConnectorStatus.Unavailable || c.InoperativeScheduled);
        }
    }
}
