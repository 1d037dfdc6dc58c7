namespace DerSim.Sim.Engine;

// The station's firmware updates (2.x L01), which outlive a connection: the reboot ends it.
public sealed partial class StationEngine
{
    private FirmwareUpdater? _firmware;

    /// <summary>The station's firmware update state machine.</summary>
    public FirmwareUpdater Firmware => LazyInitializer.EnsureInitialized(ref _firmware, () => new FirmwareUpdater(this));

    /// <summary>The station's lifetime, as the runner attached it (not one connection's).</summary>
    internal CancellationToken Lifetime => _connection;

    /// <summary>Real time, for waits on the connection (a reboot).</summary>
    internal TimeProvider RealTime => _real;
}
