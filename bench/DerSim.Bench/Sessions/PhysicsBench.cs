using System.Diagnostics;
using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;
using DerSim.Sim.Physics;

namespace DerSim.Bench.Sessions;

/// <summary>
/// The physics alone, no OCPP: one station with an EV charging on every port (a new EV plugs in as soon as one
/// reaches its target), advanced sample interval by sample interval in the physics' 1 s steps, with a snapshot at
/// each sample as the engine takes one.
/// </summary>
public static class PhysicsBench
{
    private const int Repeats = 5;
    private static readonly TimeSpan Horizon = TimeSpan.FromHours(24);

    /// <summary>Runs every bundled profile and prints simulated seconds per wall second.</summary>
    public static void Run(SessionsOptions options, string profilesDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        Console.WriteLine();
        Console.WriteLine(SessionsBench.Invariant($"== 3. Physics only (StationPhysics, {PhysicsOptions.Default.Step.TotalSeconds:0} s step, every port charging, {options.IntervalSeconds} s samples, {Horizon.TotalHours:0} simulated h per profile, median of {Repeats} runs)"));
        var names = EvseProfileLoader.BundledNames(profilesDirectory);
        foreach (var name in names)
        {
            var profile = SessionsBench.LoadProfile(name, profilesDirectory, options.IntervalSeconds);
            Simulate(profile, options, TimeSpan.FromHours(1));
            var walls = new List<double>();
            var sessions = 0;
            for (var run = 0; run < Repeats; run++)
            {
                var started = Stopwatch.GetTimestamp();
                sessions = Simulate(profile, options, Horizon);
                walls.Add(Stopwatch.GetElapsedTime(started).TotalSeconds);
            }

            var median = Stats.Median(walls);
            Console.WriteLine(SessionsBench.Invariant(
                $"  {name,-24} {profile.Evses.Count} port(s): median {Horizon.TotalSeconds / median,9:0} simulated s per wall s (best {Horizon.TotalSeconds / walls.Min():0}; {median * 1000:0} ms for {Horizon.TotalHours:0} h, {sessions} sessions ended)"));
        }
    }

    /// <summary>Runs <paramref name="duration"/> of simulated time; returns how many sessions reached their target.</summary>
    private static int Simulate(EvseProfile profile, SessionsOptions options, TimeSpan duration)
    {
        var model = options.Ev is { } name && EvPresets.TryGet(name, out var preset) ? preset : EvPresets.DefaultFor(profile);
        var start = BenchStation.Start;
        var physics = new StationPhysics(profile, start);
        var ports = profile.Evses.Select(e => (EvseId: e.Id, ConnectorId: e.Connectors[0].Id)).ToArray();
        foreach (var (evse, connector) in ports)
        {
            physics.Plug(evse, connector, new Ev(model));
            physics.SetEnergyAllowed(evse, true);
        }

        var interval = TimeSpan.FromSeconds(options.IntervalSeconds);
        var sessions = 0;
        for (var at = start + interval; at <= start + duration; at += interval)
        {
            physics.AdvanceTo(at);
            _ = physics.Snapshot();
            foreach (var (evse, connector) in ports)
            {
                if (physics.EvAt(evse) is { TargetReached: true })
                {
                    sessions++;
                    physics.SetEnergyAllowed(evse, false);
                    physics.Unplug(evse);
                    physics.Plug(evse, connector, new Ev(model));
                    physics.SetEnergyAllowed(evse, true);
                }
            }
        }

        return sessions;
    }
}
