namespace DerSim.Sim.SmartCharging;

/// <summary>
/// OCPP 2.1 K01: what going offline does to the profiles (maxOfflineDuration, invalidAfterOfflineDuration), and the
/// delay a profile's randomizedDelay makes the station draw.
/// </summary>
public sealed partial class ChargingProfileStore
{
    // Seeded: a run is repeatable, while a fleet of stations still draws many different delays over its profiles.
    private readonly Random _delays = new(1801);
    private DateTimeOffset? _offlineSince;

    /// <summary>Since when the station has been offline (no connection to the CSMS); null while it is online.</summary>
    public DateTimeOffset? OfflineSince
    {
        get
        {
            lock (_gate)
            {
                return _offlineSince;
            }
        }
    }

    /// <summary>The connection to the CSMS was lost at <paramref name="at"/> (the first loss counts until it is back).</summary>
    public void WentOffline(DateTimeOffset at)
    {
        lock (_gate)
        {
            _offlineSince ??= at;
            Revision++;
        }
    }

    /// <summary>
    /// The station is online again at <paramref name="at"/>: a profile whose maxOfflineDuration the outage exceeded and
    /// that is invalidAfterOfflineDuration is removed for good; the others apply again.
    /// </summary>
    public void CameOnline(DateTimeOffset at)
    {
        lock (_gate)
        {
            if (_offlineSince is null)
            {
                return;
            }

            _profiles.RemoveAll(p => p.InvalidAfterOfflineDuration && OfflineTooLong(p, at));
            _offlineSince = null;
            Revision++;
        }
    }

    // Whether the outage has lasted longer than the profile's maxOfflineDuration at this instant.
    private bool OfflineTooLong(ChargingProfile profile, DateTimeOffset at) =>
        _offlineSince is { } since && profile.MaxOfflineDuration is { } seconds && at - since > TimeSpan.FromSeconds(seconds);

    // The profile with the delay each schedule's randomizedDelay makes the station draw (0 to randomizedDelay s).
    private ChargingProfile WithDrawnDelays(ChargingProfile profile) =>
        profile.Schedules.Any(s => s.RandomizedDelay is > 0)
            ? profile with
            {
                Schedules = [.. profile.Schedules.Select(s => s.RandomizedDelay is { } most and > 0 ? s with { AppliedDelay = TimeSpan.FromSeconds(_delays.Next(0, most + 1)) } : s)],
            }
            : profile;
}
