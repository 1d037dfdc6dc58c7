using System.Globalization;
using DerSim.Sim.Profiles;

namespace DerSim.Sim.Cli;

/// <summary>
/// The fastest numeric <c>--time_scale</c> at which a station connected to a CSMS still sends every sample. On a free
/// clock the samples fall on fixed simulated deadlines, and a deadline that passed while the station still waited for
/// an answer is not caught up: it is skipped. Each EVSE sends one sample per interval, and OCPP-J lets one CALL of the
/// station be outstanding at a time, so one interval must last at least one round trip per EVSE of wall time.
/// The rule: <c>scale ≤ interval / (EVSEs × <see cref="WallPerSample"/>)</c>, with the profile's sample interval, and
/// never below 1 (real time is never slowed down).
/// </summary>
public static class TimeScaleCap
{
    /// <summary>
    /// The wall time one EVSE's sample is given on the link: a CALL, its answer and validation at both ends. A sample
    /// crosses loopback to the reference CSMS in 1–5 ms on a quiet machine and in up to ~50 ms on a busy two-core one
    /// (measured 2026-12-07); a CSMS across a network adds its round trip and its own work (tens of ms). 100 ms.
    /// </summary>
    public static readonly TimeSpan WallPerSample = TimeSpan.FromMilliseconds(100);

    /// <summary>The fastest scale at which <paramref name="profile"/>'s samples all go out (at least 1).</summary>
    public static double For(EvseProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var interval = Math.Max(1, profile.MeterValues.SampleIntervalSeconds);
        var evses = Math.Max(1, profile.Evses.Count);
        // In milliseconds, so a cap that comes out whole (30 s over 3 × 100 ms) is not floored to one below by rounding.
        return Math.Max(1, Math.Floor(interval * 1000d / (evses * WallPerSample.TotalMilliseconds)));
    }

    /// <summary>
    /// The one warning line for <paramref name="asked"/>, above <paramref name="profile"/>'s cap <paramref name="cap"/>:
    /// it names the flag, the rule and <c>--time_scale max</c>.
    /// </summary>
    public static string Warning(double asked, double cap, EvseProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var interval = Math.Max(1, profile.MeterValues.SampleIntervalSeconds);
        var evses = Math.Max(1, profile.Evses.Count);
        var wallMs = interval * 1000 / asked;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"sim: warning: --time_scale {NumericFlag.Show(asked)} is too fast for {profile.Name}: its {interval} s sample interval would pass in {wallMs:0.##} ms of wall time, less than the {WallPerSample.TotalMilliseconds:0} ms per EVSE ({evses}) a sample's CALL and answer are given, so samples would be skipped; capped at {NumericFlag.Show(cap)} (--time_scale max runs as fast as the CSMS answers, with every sample)");
    }
}
