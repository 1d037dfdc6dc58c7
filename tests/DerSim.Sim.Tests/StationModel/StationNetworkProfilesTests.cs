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
    public void The_preferred_profile_is_that_of_the_first_slot_of_the_priority_list_the_station_can_connect_with()
    {
        var profiles = new StationNetworkProfiles { CurrentSecurityProfile = 1 };
        var installed = Plain with { CsmsUrl = "ws://installed.example/ocpp" };
        profiles.Install(installed);
        profiles.Store(2, Plain).Outcome.ShouldBe(NetworkProfileOutcome.Accepted);
        profiles.Change(3, p => p with { CsmsUrl = "ws://draft.example/ocpp" }).Outcome.ShouldBe(NetworkProfileOutcome.Accepted);

        profiles.Preferred("2,1").ShouldBe(Plain);
        profiles.Preferred("1,2").ShouldBeSameAs(installed);
        profiles.Preferred("3,2").ShouldBe(Plain, "slot 3 is a draft with only its URL: passed over");
        profiles.CurrentSecurityProfile = 2;
        profiles.Preferred("1,2").ShouldBeNull("a station never falls back to a lower security profile (A05)");
        profiles.Preferred(null).ShouldBeNull();
    }

    [Test]
    public void Slot_1_holds_the_installed_connection_until_a_CSMS_changes_it()
    {
        var profiles = new StationNetworkProfiles();
        var installed = Plain with { SecurityProfile = 0 };
        profiles.Install(installed);
        profiles.Install(Plain with { CsmsUrl = "ws://again.example/ocpp" });

        profiles.In(1).ShouldBeSameAs(installed, "a station that runs again keeps slot 1 as it is");
        profiles.IsInstalled(installed).ShouldBeTrue();
        profiles.Change(1, p => p with { MessageTimeoutSeconds = 60 }).Outcome.ShouldBe(NetworkProfileOutcome.Accepted);
        profiles.IsInstalled(profiles.In(1)!).ShouldBeFalse();
        profiles.In(1)!.CsmsUrl.ShouldBe(installed.CsmsUrl);
    }

    [Test]
    public void A_slot_written_variable_by_variable_can_be_followed_once_it_is_complete()
    {
        var profiles = new StationNetworkProfiles();
        profiles.Change(2, p => p with { CsmsUrl = "ws://csms.example/ocpp" }).Outcome.ShouldBe(NetworkProfileOutcome.Accepted);

        StationNetworkProfiles.Unusable(profiles.In(2)!).ShouldBe("transport (none) is not spoken (JSON only)");
        profiles.CanFollow("2").ShouldBeFalse();
        profiles.Change(2, p => p with { Transport = "JSON", Interface = "Wired0", MessageTimeoutSeconds = 30 });
        profiles.CanFollow("2").ShouldBeTrue();
        profiles.CanFollow("2,1").ShouldBeFalse("slot 1 holds nothing");
        profiles.Change(4, p => p).Reason.ShouldContain("not one of the station's slots");

        profiles.StorageFails = true;
        profiles.Change(2, p => p with { MessageTimeoutSeconds = 60 }).Outcome.ShouldBe(NetworkProfileOutcome.Failed);
        profiles.In(2)!.MessageTimeoutSeconds.ShouldBe(30);
    }

    [Test]
    public void An_APN_or_VPN_switched_on_must_be_complete()
    {
        var apn = Plain with { ApnEnabled = true, Apn = new NetworkApn { Name = "internet.example" } };
        var vpn = Plain with { VpnEnabled = true, Vpn = new NetworkVpn { Server = "vpn.example", User = "u", Password = "p", Key = "k" } };

        StationNetworkProfiles.Unusable(apn).ShouldBe("the APN is switched on without its name and authentication");
        StationNetworkProfiles.Unusable(apn with { Apn = apn.Apn! with { Authentication = "CHAP" } }).ShouldBeNull();
        StationNetworkProfiles.Unusable(apn with { ApnEnabled = false }).ShouldBeNull("an APN switched off may stay half given");
        StationNetworkProfiles.Unusable(vpn).ShouldBe("the VPN is switched on without its server, user, password, key and type");
        StationNetworkProfiles.Unusable(vpn with { Vpn = vpn.Vpn! with { Type = "IKEv2" } }).ShouldBeNull();
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
