namespace DerSim.Sim.Engine;

/// <summary>
/// What a station does once booted: how many charging sessions per connector, with which EV, and how fast time
/// runs. Built by the <c>./sim</c> command line (<c>--ev</c>, <c>--ev_soc</c>, …) and by the harness.
/// </summary>
public sealed record SessionPlan
{
    /// <summary>The id token a driver presents. The default value is <c>DERSIM-TAG-1</c>.</summary>
    public const string DefaultIdTag = "DERSIM-TAG-1";

    /// <summary>An EV preset name (see <c>EvPresets.Names</c>); null picks the profile's default EV. The default value is null.</summary>
    public string? EvPreset { get; init; }

    /// <summary>The EV's state of charge on arrival, 0..100; null uses the EV default (20 %). The default value is null.</summary>
    public double? InitialSocPercent { get; init; }

    /// <summary>The SoC at which the EV stops taking energy, 0..100; null uses the EV default (80 %). The default value is null.</summary>
    public double? TargetSocPercent { get; init; }

    /// <summary>The id token the driver presents at every session. The default value is <see cref="DefaultIdTag"/>.</summary>
    public string IdTag { get; init; } = DefaultIdTag;

    /// <summary>
    /// The 2.x type of <see cref="IdTag"/> (<c>./sim --idtag_type</c>); null sends the type its text fits
    /// (<see cref="Ocpp.Dialects.IdTokenTypes.Fitting"/>: the default tag is sent as Local). The default value is null.
    /// </summary>
    public string? IdTagType { get; init; }

    /// <summary>Charging sessions per connector, one after another; 0 only stays connected. The default value is 1.</summary>
    public int Sessions { get; init; } = 1;

    /// <summary>
    /// Simulated seconds per wall-clock second (1 = real time, 60 = a minute per second); <see cref="LockStep"/>
    /// (<c>./sim --time_scale max</c>) runs lock-step virtual time instead. The default value is 1.
    /// </summary>
    public double TimeScale { get; init; } = 1;

    /// <summary>
    /// The <see cref="TimeScale"/> of lock-step virtual time (<c>--time_scale max</c>): no wall-clock pace at all;
    /// simulated time jumps to the next due event once every CALL is answered and every session waits on the clock.
    /// </summary>
    public const double LockStep = double.PositiveInfinity;

    /// <summary>Whether the plan runs in lock-step virtual time (<see cref="LockStep"/>).</summary>
    public bool IsLockStep => double.IsPositiveInfinity(TimeScale);

    /// <summary>
    /// Stop after this much simulated time; null runs until the sessions are done (and then stays connected, except in
    /// lock-step, where the run ends there). The default value is null.
    /// </summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>
    /// Simulated time the first session waits after the boot (<c>./sim --jitter</c>: stations booted together do not
    /// sample in lock-step). The default value is zero.
    /// </summary>
    public TimeSpan FirstSessionDelay { get; init; }
}
