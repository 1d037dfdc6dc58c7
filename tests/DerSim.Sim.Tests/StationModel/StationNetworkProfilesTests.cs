using DerSim.Sim.StationModel;

namespace DerSim.Sim.Tests.StationModel;

/// <summary>The station's network connection profile slots (OCPP 2.x B09): what is stored, refused, or fails.</summary>
public sealed class StationNetworkProfilesTests
{
    private static readonly NetworkProfile Plain = new("ws://csms.example/ocpp", 1, "Wired0", "JSON", 30, "OCPP20");

    [Test]
    public void A_valid_profile_is_stored_in_its_slot()
    {
        var profiles = new StationNetworkProfiles { CurrentSecurityProfile = 1 };

        profiles.Store(2, Plain).Outcome.ShouldBe(NetworkProfileOutcome.Accepted);
        profiles.In(2).ShouldBe(Plain);
    }

    [Test]
    public void A_profile_the_station_cannot_use_is_rejected_and_a_storage_fault_fails()
    {
        var profiles = new StationNetworkProfiles { CurrentSecurityProfile = 2 };

        profiles.Store(9, Plain with { SecurityProfile = 2, CsmsUrl = "wss://csms.example/ocpp" }).Reason.ShouldContain("not one of the station's slots");
        profiles.Store(2, Plain).Reason.ShouldContain("below the current 2");
        profiles.Store(2, Plain with { SecurityProfile = 3 }).Reason.ShouldContain("is not wss://");
        profiles.Store(2, Plain with { SecurityProfile = 2, CsmsUrl = "wss://csms.example/ocpp", Transport = "SOAP" }).Outcome.ShouldBe(NetworkProfileOutcome.Rejected);
        profiles.In(2).ShouldBeNull();

        profiles.StorageFails = true;
        profiles.Store(2, Plain with { SecurityProfile = 2, CsmsUrl = "wss://csms.example/ocpp" }).Outcome.ShouldBe(NetworkProfileOutcome.Failed);
        profiles.In(2).ShouldBeNull();
    }

    [Test]
    public void The_preferred_profile_is_the_one_in_the_first_slot_of_the_priority_list()
    {
        var profiles = new StationNetworkProfiles { CurrentSecurityProfile = 1 };
        profiles.Store(2, Plain).Outcome.ShouldBe(NetworkProfileOutcome.Accepted);

        profiles.Preferred("2,1").ShouldBe(Plain);
        profiles.Preferred("1,2").ShouldBeNull("slot 1 holds no stored profile: the installed connection stays");
        profiles.Preferred(null).ShouldBeNull();
    }

    [TestCase("1", true)]
    [TestCase("2,1", true)]
    [TestCase("1,1", false)]
    [TestCase("4", false)]
    [TestCase("", false)]
    public void NetworkConfigurationPriority_names_each_slot_of_the_station_once(string value, bool valid) =>
        StationNetworkProfiles.IsPriorityList(value).ShouldBe(valid);

    [Test]
    public void A_profile_with_its_own_identity_and_password_is_stored_and_a_password_that_is_no_passwordString_rejected()
    {
        var profiles = new StationNetworkProfiles { CurrentSecurityProfile = 1 };
        var withCredentials = Plain with { Identity = "CS-1", BasicAuthPassword = "DerSim-0123456789abcdef" };

        profiles.Store(2, withCredentials).Outcome.ShouldBe(NetworkProfileOutcome.Accepted);
        profiles.In(2)!.BasicAuthPassword.ShouldBe("DerSim-0123456789abcdef");
        profiles.In(2)!.Identity.ShouldBe("CS-1");

        profiles.Store(3, withCredentials with { BasicAuthPassword = "short" }).Reason.ShouldContain("passwordString");
        profiles.Store(3, withCredentials with { Identity = new string('x', 49) }).Reason.ShouldContain("identity");
        profiles.In(3).ShouldBeNull();
    }
}
