using DerSim.Sim.Physics;
using DerSim.Sim.Timing;

namespace DerSim.Harness.Drivers;

/// <summary>
/// A scenario's clock as its stations read it: it starts at the real time (read once from the injected
/// <see cref="TimeProvider"/>), is set to the CSMS's time by the first BootNotification answer, and otherwise runs at
/// virtual time's lock-step pace, never slower than real time while the scenario stands still.
/// </summary>
internal sealed class ScenarioTime
{
    private readonly TimeProvider _real;
    private readonly Lock _gate = new();
    private DateTimeOffset _anchorPresent;
    private long _anchorReal;
    private bool _adopted;

    /// <summary>A clock starting at the present of <paramref name="real"/>, to the millisecond.</summary>
    public ScenarioTime(TimeProvider real)
    {
        _real = real;
        var now = real.GetUtcNow();
        _anchorPresent = now.AddTicks(-(now.UtcTicks % TimeSpan.TicksPerMillisecond));
        _anchorReal = real.GetTimestamp();
        Clock = new VirtualClock(_anchorPresent);
    }

    /// <summary>The discrete-event clock the stations run on.</summary>
    public VirtualClock Clock { get; }

    /// <summary>
    /// Sets the clock to <paramref name="csmsTime"/>, as a real station sets its clock from the BootNotification
    /// answer's currentTime (OCPP 1.6 §4.2 and OCPP 2.0.1 B01: BootNotificationResponse.currentTime, the CSMS's time,
    /// which a station synchronises its clock with), and rebases the <paramref name="physics"/> there. Only the first
    /// answer counts: the stations share one clock, later answers (a second station, a reboot) differ by the simulated
    /// time that passed meanwhile, and a shared clock must not run backwards under running sessions.
    /// </summary>
    public void Adopt(DateTimeOffset csmsTime, Func<IReadOnlyList<StationPhysics>> physics)
    {
        lock (_gate)
        {
            if (_adopted)
            {
                return;
            }

            _adopted = true;
            Clock.SetPresent(csmsTime);
            _anchorPresent = csmsTime;
            _anchorReal = _real.GetTimestamp();

            // Before the first boot answer no session ran, so no physics moved: each starts over at the new present
            // instead of running simulated time across the jump.
            foreach (var station in physics())
            {
                station.Rebase(csmsTime);
            }
        }
    }

    /// <summary>
    /// While the scenario stands still (steps waiting on the CSMS in real time), a real station's clock runs on: before
    /// simulated time moves, the clock catches up with the real time elapsed since it was last set, so what the CSMS
    /// stamped "now" (a profile's validFrom) is not in the station's future. Never moves the clock back.
    /// </summary>
    public void CatchUpWithRealTime()
    {
        lock (_gate)
        {
            var target = _anchorPresent + _real.GetElapsedTime(_anchorReal);
            if (Clock.Now < target)
            {
                Clock.SetPresent(target);
            }
        }
    }
}
