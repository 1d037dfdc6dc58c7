namespace DerSim.Sim.Tariffs;

/// <summary>
/// Counts what a transaction uses on the simulated clock: the energy from the register at its start, and its time as
/// charging time while energy flows or idle time while it does not. Each reading attributes the time since the
/// previous one to what was true then, so a change counts from the reading that saw it.
/// </summary>
/// <param name="start">When the transaction started.</param>
/// <param name="startRegisterWh">The energy register then, in Wh.</param>
public sealed class UsageMeter(DateTimeOffset start, double startRegisterWh)
{
    private readonly Lock _gate = new();
    private DateTimeOffset _last = start;
    private bool _flowing;
    private TariffUsage _usage;

    /// <summary>The usage at the last reading.</summary>
    public TariffUsage Usage
    {
        get
        {
            lock (_gate)
            {
                return _usage;
            }
        }
    }

    /// <summary>Whether energy flowed at the last reading.</summary>
    public bool Flowing
    {
        get
        {
            lock (_gate)
            {
                return _flowing;
            }
        }
    }

    /// <summary>Takes a reading at <paramref name="now"/>: the register and whether energy flows from now on.</summary>
    public TariffUsage Read(DateTimeOffset now, double registerWh, bool flowing)
    {
        lock (_gate)
        {
            var elapsed = now > _last ? now - _last : TimeSpan.Zero;
            _usage = new TariffUsage(
                Math.Max(_usage.EnergyWh, registerWh - startRegisterWh),
                _usage.ChargingTime + (_flowing ? elapsed : TimeSpan.Zero),
                _usage.IdleTime + (_flowing ? TimeSpan.Zero : elapsed));
            _last = now > _last ? now : _last;
            _flowing = flowing;
            return _usage;
        }
    }
}
