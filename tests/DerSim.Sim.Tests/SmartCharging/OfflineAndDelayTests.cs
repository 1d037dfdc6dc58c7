using DerSim.Sim.SmartCharging;
using static DerSim.Sim.SmartCharging.ChargingProfilePurpose;
using static DerSim.Sim.Tests.SmartCharging.Build;

namespace DerSim.Sim.Tests.SmartCharging;

/// <summary>
/// OCPP 2.1 K01: a profile with maxOfflineDuration stops applying once the station has been offline longer (a lower
/// stack level takes over) and, invalidAfterOfflineDuration, is gone for good on reconnecting; a randomizedDelay makes
/// the station draw a delay of at most that many seconds by which every period starts later.
/// </summary>
[TestFixture]
public sealed class OfflineAndDelayTests
{
    [Test]
    public void A_profile_applies_offline_only_for_its_maxOfflineDuration_then_a_lower_level_takes_over()
    {
        var store = new ChargingProfileStore();
        store.Install(1, Profile(1, TxDefault, 0, ChargingRateUnit.W, (0, 4000m)));
        store.Install(1, Profile(2, TxDefault, 1, ChargingRateUnit.W, (0, 9000m)) with { MaxOfflineDuration = 60 });

        store.LimitKw(1, T0, Ac3).ShouldBe(9.0, "online");
        store.WentOffline(T0);
        store.LimitKw(1, T0.AddSeconds(60), Ac3).ShouldBe(9.0, "offline for exactly maxOfflineDuration");
        store.LimitKw(1, T0.AddSeconds(61), Ac3).ShouldBe(4.0, "offline longer");

        store.CameOnline(T0.AddSeconds(120));
        store.LimitKw(1, T0.AddSeconds(121), Ac3).ShouldBe(9.0, "valid again once online: not invalidAfterOfflineDuration");
        store.Profiles.Count.ShouldBe(2);
    }

    [Test]
    public void With_invalidAfterOfflineDuration_a_profile_offline_too_long_is_gone_after_the_reconnect()
    {
        var store = new ChargingProfileStore();
        store.Install(1, Profile(2, TxDefault, 1, ChargingRateUnit.W, (0, 9000m)) with { MaxOfflineDuration = 60, InvalidAfterOfflineDuration = true });
        store.Install(1, Profile(3, TxDefault, 2, ChargingRateUnit.W, (0, 7000m)) with { MaxOfflineDuration = 600, InvalidAfterOfflineDuration = true });

        store.WentOffline(T0);
        store.CameOnline(T0.AddSeconds(120));

        store.Profiles.Select(p => p.Id).ShouldBe([3], "only the one whose maxOfflineDuration the outage did not exceed stays");
        store.LimitKw(1, T0.AddSeconds(121), Ac3).ShouldBe(7.0);
    }

    [Test]
    public void A_randomized_delay_moves_every_period_by_the_drawn_delay_at_most_randomizedDelay()
    {
        var store = new ChargingProfileStore();
        var profile = Absolute(1, TxDefault, 0, T0, ChargingRateUnit.W, (0, 5000m), (600, 3000m));
        store.Install(1, profile with { Schedules = [profile.Schedule with { RandomizedDelay = 300 }] });

        var delay = store.Profiles.Single().Schedule.AppliedDelay;
        delay.ShouldBeInRange(TimeSpan.Zero, TimeSpan.FromSeconds(300));
        store.LimitKw(1, T0 + delay, Ac3).ShouldBe(5.0);
        store.LimitKw(1, T0 + delay + TimeSpan.FromSeconds(599), Ac3).ShouldBe(5.0);
        store.LimitKw(1, T0 + delay + TimeSpan.FromSeconds(600), Ac3).ShouldBe(3.0);
        if (delay > TimeSpan.Zero)
        {
            store.LimitKw(1, T0 + delay - TimeSpan.FromSeconds(1), Ac3).ShouldBeNull("before the delayed start no period is in force");
        }
    }
}
