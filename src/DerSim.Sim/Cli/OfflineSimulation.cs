using System.Globalization;
using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;
using DerSim.Sim.Physics;
using DerSim.Sim.Engine;

namespace DerSim.Sim.Cli;

/// <summary>
/// <c>./sim --ocpp_enable no</c>: the station's physics alone, no CSMS. Every EVSE gets the plan's EV on its first
/// connector with energy allowed at once (standing in for an authorised transaction), for
/// <see cref="SessionPlan.Sessions"/> sessions one after another; an EV that reaches its target is unplugged and the
/// next one plugs in at the same instant. The run ends when every session is done, at
/// <see cref="SessionPlan.Duration"/>, when no plugged EV can take any power (e.g. an AC-only car on a DC
/// connector), or after <see cref="Horizon"/> of simulated time.
/// </summary>
/// <remarks>
/// The physics is deterministic, so the whole run is computed first (a few milliseconds even for hours of
/// simulated time) and then printed: rows at the profile's sample interval, widened to a whole multiple of it
/// so that a table has at most <see cref="MaxRows"/> rows plus the final one. Paced output then only waits
/// between lines; it shows exactly what an unpaced run prints.
/// </remarks>
public static class OfflineSimulation
{
    /// <summary>The most rows a table has before the row interval is widened (the final row comes on top).</summary>
    public const int MaxRows = 60;

    /// <summary>The longest simulated run without <c>--duration</c>.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromHours(48);

    private const double Flowing = 1e-9;

    /// <summary>Runs the plan on <paramref name="profile"/> and prints the table, event lines and one summary line per session.</summary>
    /// <param name="profile">The station.</param>
    /// <param name="plan">EVs, sessions, duration and time scale.</param>
    /// <param name="paced">Pace the lines in real time divided by <see cref="SessionPlan.TimeScale"/>; otherwise print at once.</param>
    /// <param name="output">Where the table goes.</param>
    /// <param name="time">The clock used for the start instant and for pacing.</param>
    /// <param name="cancellationToken">Stops a paced run.</param>
    public static async Task RunAsync(EvseProfile profile, SessionPlan plan, bool paced, TextWriter output, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(time);
        var run = Simulate(profile, plan, time.GetUtcNow());
        // Each line is due at a fixed offset from the start, so slow writes do not accumulate into drift.
        var begin = time.GetUtcNow();
        foreach (var line in run.Lines)
        {
            var wait = begin + TimeSpan.FromTicks((long)(line.At.Ticks / plan.TimeScale)) - time.GetUtcNow();
            if (paced && wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken);
            }

            await output.WriteLineAsync(line.Text.AsMemory(), cancellationToken);
        }
    }

    /// <summary>Runs the plan on <paramref name="profile"/> from <paramref name="start"/> and returns what would be printed, with the simulated time of each line.</summary>
    public static OfflineRun Simulate(EvseProfile profile, SessionPlan plan, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(plan);
        var model = plan.EvPreset is { } name
            ? EvPresets.TryGet(name, out var preset) ? preset : throw new ArgumentException($"Unknown EV preset '{name}'.", nameof(plan))
            : EvPresets.DefaultFor(profile);
        var physics = new StationPhysics(profile, start);
        var ports = profile.Evses.OrderBy(e => e.Id).Select(e => new Port(e.Id, e.Connectors[0].Id)).ToArray();
        var sample = TimeSpan.FromSeconds(Math.Max(1, profile.MeterValues.SampleIntervalSeconds));
        var end = plan.Duration ?? Horizon;
        var rows = new List<OfflineLine>();
        var events = new List<OfflineLine>();
        var summaries = new List<string>();
        string? stopReason = null;

        foreach (var port in ports)
        {
            PlugNext(port, TimeSpan.Zero);
        }

        rows.Add(Row(TimeSpan.Zero));
        var nextRow = sample;
        while (true)
        {
            var elapsed = physics.Now - start;
            if (ports.All(p => p.Ev is null))
            {
                stopReason = plan.Sessions == 0 ? "no sessions (--sessions 0)" : "every session done";
                break;
            }

            if (elapsed >= end)
            {
                stopReason = plan.Duration is null ? $"stopped at the {Horizon.TotalHours:0} h horizon" : "--duration reached";
                break;
            }

            var stalled = ports.Where(p => p.Ev is not null).ToArray();
            if (Array.TrueForAll(stalled, p => physics.Snapshot(p.EvseId).DeliveredKw <= Flowing))
            {
                var which = string.Join(", ", stalled.Select(p => $"EVSE {p.EvseId}"));
                stopReason = $"no power can flow ({which}: the {model.Name} takes nothing here or nothing is offered)";
                break;
            }

            var stepEnd = Min(Min(elapsed + physics.Options.Step, end), nextRow);
            physics.AdvanceTo(start + stepEnd);
            foreach (var port in ports)
            {
                if (port.Ev is { TargetReached: true })
                {
                    EndSession(port, stepEnd, $"reached {port.Ev.SocPercent.ToString("0.0", CultureInfo.InvariantCulture)} %, unplugged");
                    PlugNext(port, stepEnd);
                }
            }

            if (stepEnd >= nextRow)
            {
                rows.Add(Row(stepEnd));
                nextRow += sample;
            }
        }

        var finish = physics.Now - start;
        if (rows[^1].At != finish)
        {
            rows.Add(Row(finish));
        }

        foreach (var port in ports.Where(p => p.Ev is not null))
        {
            EndSession(port, finish, "still plugged in at the end");
        }

        var shown = Thin(rows);
        var lines = new List<OfflineLine>
        {
            new(TimeSpan.Zero, Header(profile, plan, model, shown.Stride * sample)),
            new(TimeSpan.Zero, ColumnHeads(ports)),
        };

        // Rows and events merged in time order; an event sorts before the row of the same instant.
        var merged = events.Select(e => (e, Order: 0)).Concat(shown.Rows.Select(r => (e: r, Order: 1)))
            .OrderBy(x => x.e.At).ThenBy(x => x.Order).Select(x => x.e);
        lines.AddRange(merged);
        lines.Add(new OfflineLine(finish, $"end at {Clock(finish)}: {stopReason}"));
        lines.AddRange(summaries.Select(s => new OfflineLine(finish, s)));
        return new OfflineRun(lines, finish, shown.Stride * sample);

        void PlugNext(Port port, TimeSpan at)
        {
            if (port.Done >= plan.Sessions || at >= end)
            {
                return;
            }

            var ev = new Ev(model, plan.InitialSocPercent ?? model.ArrivalSocPercent, plan.TargetSocPercent ?? Ev.DefaultTargetSocPercent);
            physics.Plug(port.EvseId, port.ConnectorId, ev);
            physics.SetEnergyAllowed(port.EvseId, true);
            port.Ev = ev;
            port.StartSoc = ev.SocPercent;
            port.StartWh = physics.Snapshot(port.EvseId).EnergyImportWh;
            port.StartedAt = at;
            events.Add(new OfflineLine(at, $"  {Clock(at)} EVSE {port.EvseId}: {model.Name} plugged in at {Percent(ev.SocPercent)} (session {port.Done + 1}, target {Percent(ev.TargetSocPercent)}, id tag {plan.IdTag})"));
        }

        void EndSession(Port port, TimeSpan at, string how)
        {
            var ev = port.Ev!;
            var wh = physics.Snapshot(port.EvseId).EnergyImportWh - port.StartWh;
            physics.SetEnergyAllowed(port.EvseId, false);
            physics.Unplug(port.EvseId);
            port.Ev = null;
            port.Done++;
            events.Add(new OfflineLine(at, $"  {Clock(at)} EVSE {port.EvseId}: {model.Name} {how}"));
            summaries.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"EVSE {port.EvseId} session {port.Done}: {model.Name} {wh / 1000:0.00} kWh delivered, SoC {port.StartSoc:0.0} % -> {ev.SocPercent:0.0} %, {Clock(at - port.StartedAt)[1..]}{(ev.TargetReached ? "" : " (target not reached)")}"));
        }

        OfflineLine Row(TimeSpan at)
        {
            var snapshot = physics.Snapshot();
            var text = new System.Text.StringBuilder(Clock(at));
            foreach (var port in ports)
            {
                var evse = snapshot.Evse(port.EvseId);
                var soc = evse.SocPercent is { } s ? s.ToString("0.0", CultureInfo.InvariantCulture) : "-";
                text.Append(CultureInfo.InvariantCulture, $" | {evse.DeliveredKw,8:0.0} {evse.OfferedKw,8:0.0} {soc,6}");
            }

            text.Append(CultureInfo.InvariantCulture, $" | {snapshot.BackingBatterySocPercent,7:0.0}");
            return new OfflineLine(at, text.ToString());
        }
    }

    private static (IReadOnlyList<OfflineLine> Rows, int Stride) Thin(List<OfflineLine> rows)
    {
        // rows[0] is +0 and rows[k] is k samples in (the last one may be the final partial step).
        var stride = Math.Max(1, (int)Math.Ceiling((rows.Count - 1) / (double)MaxRows));
        var kept = rows.Where((_, i) => i % stride == 0).ToList();
        if (kept[^1].At != rows[^1].At)
        {
            kept.Add(rows[^1]);
        }

        return (kept, stride);
    }

    private static string Header(EvseProfile profile, SessionPlan plan, EvModel model, TimeSpan interval) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"Offline run of {profile.Name}: {plan.Sessions} session(s) per EVSE with a {model.Name} ({model.BatteryKwh:0.#} kWh), a row every {interval.TotalSeconds:0} s of simulated time; kW delivered and offered (allocated), EV SoC %, backing-battery SoC %.");

    private static string ColumnHeads(IEnumerable<Port> ports)
    {
        var text = new System.Text.StringBuilder($"{"time",-9}");
        foreach (var port in ports)
        {
            text.Append(CultureInfo.InvariantCulture, $" | {$"E{port.EvseId} kW",8} {"offered",8} {"SoC %",6}");
        }

        return text.Append($" | {"batt %",7}").ToString();
    }

    /// <summary>Simulated time since the start as <c>+hh:mm:ss</c> (hours keep counting past 24).</summary>
    internal static string Clock(TimeSpan at) =>
        string.Create(CultureInfo.InvariantCulture, $"+{(int)at.TotalHours:00}:{at.Minutes:00}:{at.Seconds:00}");

    private static string Percent(double value) => value.ToString("0.#", CultureInfo.InvariantCulture) + " %";

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private sealed class Port(int evseId, int connectorId)
    {
        public int EvseId { get; } = evseId;

        public int ConnectorId { get; } = connectorId;

        public Ev? Ev { get; set; }

        public int Done { get; set; }

        public double StartSoc { get; set; }

        public double StartWh { get; set; }

        public TimeSpan StartedAt { get; set; }
    }
}
