using DerSim.Sim.StationModel;

namespace DerSim.Sim.Tests.StationModel;

/// <summary>The station's authorization cache on its own: AuthCacheCtrlr.Enabled and LifeTime honoured, entries replaced and cleared.</summary>
public sealed class AuthorizationCacheTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);

    [Test]
    public void An_answer_is_kept_and_a_newer_one_replaces_it()
    {
        var cache = new ChargingStation("C-1", Profile()).AuthorizationCache;

        cache.Store("04A1B2C3", "Accepted", "FLEET", T0);
        cache.Store("04A1B2C3", "Blocked", null, T0.AddMinutes(1));

        cache.Lookup("04A1B2C3", T0.AddMinutes(2)).ShouldBe(new CachedToken("Blocked", null, T0.AddMinutes(1)));
        cache.Lookup("04D5E6F7", T0).ShouldBeNull();
    }

    [Test]
    public void A_disabled_cache_keeps_and_gives_nothing()
    {
        var station = new ChargingStation("C-1", Profile());
        station.AuthorizationCache.Store("04A1B2C3", "Accepted", null, T0);
        station.Configuration.TrySet(station.Configuration.Get("AuthCacheCtrlr", "Enabled")!, "false");

        station.AuthorizationCache.Lookup("04A1B2C3", T0).ShouldBeNull();
        station.AuthorizationCache.Store("04D5E6F7", "Accepted", null, T0);
        station.Configuration.TrySet(station.Configuration.Get("AuthCacheCtrlr", "Enabled")!, "true");
        station.AuthorizationCache.Lookup("04D5E6F7", T0).ShouldBeNull();
    }

    [Test]
    public void An_entry_older_than_LifeTime_is_dropped_and_a_preset_one_has_no_age()
    {
        var station = new ChargingStation("C-1", Profile());
        station.Configuration.TrySet(station.Configuration.Get("AuthCacheCtrlr", "LifeTime")!, "3600").ShouldBe(SetOutcome.Accepted);
        station.AuthorizationCache.Store("04A1B2C3", "Accepted", null, T0);
        station.AuthorizationCache.Preset("04D5E6F7", "Accepted", null);

        station.AuthorizationCache.Lookup("04A1B2C3", T0.AddMinutes(59)).ShouldNotBeNull();
        station.AuthorizationCache.Lookup("04A1B2C3", T0.AddMinutes(61)).ShouldBeNull();
        station.AuthorizationCache.Lookup("04A1B2C3", T0).ShouldBeNull("it was dropped");
        station.AuthorizationCache.Lookup("04D5E6F7", T0.AddYears(3)).ShouldNotBeNull();
    }

    [Test]
    public void Clear_empties_it()
    {
        var cache = new ChargingStation("C-1", Profile()).AuthorizationCache;
        cache.Store("04A1B2C3", "Accepted", null, T0);

        cache.Clear();

        cache.Count.ShouldBe(0);
    }

    [TestCase("AuthCacheCtrlr", "Policy", "FIFO", true)]
    [TestCase("AuthCacheCtrlr", "Policy", "Random", false)]
    [TestCase("AuthCtrlr", "MasterPassGroupId", "POLICE", true)]
    [TestCase("TxCtrlr", "MaxEnergyOnInvalidId", "-1", false)]
    [TestCase("TxCtrlr", "StopTxOnInvalidId", "maybe", false)]
    public void Its_settings_take_only_fitting_values(string component, string variable, string value, bool accepted)
    {
        var configuration = new ChargingStation("C-1", Profile()).Configuration;

        configuration.TrySet(configuration.Get(component, variable)!, value).ShouldBe(accepted ? SetOutcome.Accepted : SetOutcome.InvalidValue);
    }

    private static DerSim.Sim.Profiles.EvseProfile Profile() =>
        DerSim.Sim.Profiles.EvseProfileLoader.Load("EVSE-AC-22kW-1port", DerSim.Sim.Profiles.ProfilesDirectory.Locate());
}
