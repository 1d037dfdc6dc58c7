using DerSim.Sim.Engine;
using DerSim.Sim.StationModel;

namespace DerSim.Sim.Tests.StationModel;

/// <summary>
/// The local authorization list (1.6 §3.4, §5.10, §5.15): Full and Differential updates under the CSMS's version,
/// VersionMismatch, Failed over the configured lengths, NotSupported when switched off, and offline authorization from it.
/// </summary>
public sealed class LocalAuthListTests
{
    [Test]
    public void A_full_list_replaces_the_list_and_a_differential_one_changes_it_under_a_higher_version()
    {
        var list = Station().LocalAuthList;
        list.Version.ShouldBe(0, "never sent: empty");

        list.Apply(3, full: true, [Entry("A", "Accepted"), Entry("B", "Blocked")]).ShouldBe(LocalListOutcome.Accepted);
        list.Version.ShouldBe(3);
        list.Lookup("B")!.Status.ShouldBe("Blocked");

        list.Apply(3, full: false, [Entry("C", "Accepted")]).ShouldBe(LocalListOutcome.VersionMismatch, "a differential update must be numbered above the list");
        list.Apply(4, full: false, [Entry("C", "Accepted"), new LocalListEntry("B", null)]).ShouldBe(LocalListOutcome.Accepted);
        list.Version.ShouldBe(4);
        list.Lookup("B").ShouldBeNull("an entry without idTagInfo removes the token");
        list.Count.ShouldBe(2);

        list.Apply(1, full: true, [Entry("D", "Accepted")]).ShouldBe(LocalListOutcome.Accepted, "a full list takes any version");
        list.Lookup("A").ShouldBeNull();
        list.Count.ShouldBe(1);
    }

    [TestCase("SendLocalListMaxLength")]
    [TestCase("LocalAuthListMaxLength")]
    public void An_update_beyond_the_configured_length_fails_and_changes_nothing(string key)
    {
        var station = Station();
        station.LocalAuthList.Apply(1, full: true, [Entry("A", "Accepted")]).ShouldBe(LocalListOutcome.Accepted);
        station.Configuration.Preset(station.Configuration.Get(key)!, "1");

        station.LocalAuthList.Apply(2, full: false, [Entry("B", "Accepted"), Entry("C", "Accepted")]).ShouldBe(LocalListOutcome.Failed);

        station.LocalAuthList.Version.ShouldBe(1);
        station.LocalAuthList.Count.ShouldBe(1);
    }

    [Test]
    public void A_station_with_the_list_switched_off_does_not_support_updates_and_holds_nothing()
    {
        var station = Station();
        station.LocalAuthList.Apply(1, full: true, [Entry("A", "Accepted")]);
        station.Configuration.TrySet(station.Configuration.Get("LocalAuthListCtrlr", "Enabled")!, "false").ShouldBe(SetOutcome.Accepted);

        station.LocalAuthList.Apply(2, full: true, [Entry("B", "Accepted")]).ShouldBe(LocalListOutcome.NotSupported);
        station.LocalAuthList.Lookup("A").ShouldBeNull();
    }

    [Test]
    public void Offline_the_list_authorizes_its_accepted_tokens_and_refuses_the_others()
    {
        var station = Station();
        station.LocalAuthList.Apply(1, full: true, [Entry("A", "Accepted"), Entry("B", "Blocked")]);
        var offline = new OfflineAuthorization();
        offline.Remember("B", accepted: true);
        var log = new List<string>();

        offline.Decide(1, "A", station.Configuration, log.Add, station.LocalAuthList).ShouldBeTrue("never seen online, but on the list");
        offline.Decide(1, "B", station.Configuration, log.Add, station.LocalAuthList).ShouldBeFalse("the list says Blocked, whatever the station remembers");
        offline.Decide(1, "Z", station.Configuration, log.Add, station.LocalAuthList).ShouldBeFalse();
        log[0].ShouldContain("local authorization list");
    }

    private static LocalListEntry Entry(string idTag, string status) => new(idTag, new CachedToken(status, null, null));

    private static ChargingStation Station() =>
        new("L-1", DerSim.Sim.Profiles.EvseProfileLoader.Load("EVSE-AC-22kW-1port", DerSim.Sim.Profiles.ProfilesDirectory.Locate()));
}
