using DerSim.Sim.StationModel;

namespace DerSim.Sim.Tests.StationModel;

/// <summary>The store of the station's settings (1.6 keys and their 2.x device-model twins).</summary>
public sealed class StationConfigurationTests
{
    [Test]
    public void Every_setting_has_its_own_key_and_its_own_device_model_name()
    {
        // Add refuses a second definition; building the store proves there is none, and the listing shows each once.
        var settings = new StationConfiguration(2).All;

        settings.Select(s => s.Key).ShouldBeUnique();
        settings.Select(s => $"{s.Component}/{s.Variable}/{s.Instance}").ShouldBeUnique();
        settings.Count.ShouldBeGreaterThan(30, "the transaction, authorization and metering controllers are all there");
    }

    private static readonly string[] AcMeasurands = ["Energy.Active.Import.Register", "Power.Active.Import", "Power.Offered", "Current.Import", "Voltage"];

    [Test]
    public void Stations_of_one_shape_share_the_defaults_they_did_not_change()
    {
        var one = new StationConfiguration(1, AcMeasurands);
        var other = new StationConfiguration(1, [.. AcMeasurands]);

        one.Get("HeartbeatInterval").ShouldBeSameAs(other.Get("HeartbeatInterval"));
        one.Get("SampledDataCtrlr", "TxUpdatedMeasurands").ShouldBeSameAs(other.Get("MeterValuesSampledData"));
        string[] bound = [StationConfiguration.SecurityProfileKey, StationConfiguration.BasicAuthPasswordKey, StationConfiguration.NetworkConfigurationPriorityKey];
        var others = other.All.ToDictionary(s => s.Key);
        one.All.Where(s => !bound.Contains(s.Key)).ShouldAllBe(s => ReferenceEquals(s, others[s.Key]));
        bound.ShouldAllBe(key => !ReferenceEquals(one.Get(key), other.Get(key)), "their checks consult each its own station");
        new StationConfiguration(2, AcMeasurands).Get("NumberOfConnectors")!.Value.ShouldBe("2", "another shape, other defaults");
        new StationConfiguration(1).Get("MeterValuesSampledData")!.Value.ShouldBe("");
    }

    [Test]
    public void A_change_stays_with_its_station()
    {
        var one = new StationConfiguration(1, AcMeasurands);
        var other = new StationConfiguration(1, AcMeasurands);
        var changed = new List<string>();
        one.Changed += changed.Add;
        other.Changed += _ => Assert.Fail("the other station changed nothing");

        one.TrySet(one.Get("HeartbeatInterval")!, "300").ShouldBe(SetOutcome.Accepted);
        one.Preset(one.Get("ocppcommctrlr", "messageattempts", "transactionevent")!, "5");
        one.Preset(one.Get("NumberOfConnectors")!, "4");

        one.HeartbeatInterval.ShouldBe(TimeSpan.FromSeconds(300));
        one.Get("OCPPCommCtrlr", "HeartbeatInterval")!.Value.ShouldBe("300");
        one.GetInt("TransactionMessageAttempts", 0).ShouldBe(5);
        one.GetInt("OCPPCommCtrlr", "MessageAttempts", 0).ShouldBe(0, "the variable has an instance: without it, no setting");
        one.Get("NumberOfConnectors")!.Value.ShouldBe("4");
        changed.ShouldBe(["HeartbeatInterval"], "Preset raises nothing");
        other.HeartbeatInterval.ShouldBe(TimeSpan.Zero);
        other.GetInt("TransactionMessageAttempts", 0).ShouldBe(3);
        other.Get("NumberOfConnectors")!.Value.ShouldBe("1");

        var all = one.All;
        all.Select(s => s.Key).ShouldBe(other.All.Select(s => s.Key), "the definition order, changed values in place");
        all.Single(s => s.Key == "HeartbeatInterval").Value.ShouldBe("300");
        other.All.Single(s => s.Key == "HeartbeatInterval").Value.ShouldBe("0");
    }

    [Test]
    public void The_checks_that_consult_the_station_consult_their_own()
    {
        const string Password = "0123456789abcdef0123";
        var one = new StationConfiguration(1, AcMeasurands) { RefusesNewPassword = true, SecurityProfileReachable = p => p < 2, CanFollowNetworkPriority = _ => false };
        var other = new StationConfiguration(1, AcMeasurands);

        one.TrySet(one.Get(StationConfiguration.BasicAuthPasswordKey)!, Password).ShouldBe(SetOutcome.InvalidValue);
        other.TrySet(other.Get(StationConfiguration.BasicAuthPasswordKey)!, Password).ShouldBe(SetOutcome.Accepted);
        one.TrySet(one.Get(StationConfiguration.SecurityProfileKey)!, "2").ShouldBe(SetOutcome.InvalidValue);
        other.TrySet(other.Get(StationConfiguration.SecurityProfileKey)!, "3").ShouldBe(SetOutcome.Accepted);
        one.TrySet(one.Get(StationConfiguration.SecurityProfileKey)!, "1").ShouldBe(SetOutcome.Accepted, "the other station's profile 3 is not this one's");
        one.TrySet(one.Get(StationConfiguration.NetworkConfigurationPriorityKey)!, "2,1").ShouldBe(SetOutcome.InvalidValue);
        other.TrySet(other.Get(StationConfiguration.NetworkConfigurationPriorityKey)!, "2,1").ShouldBe(SetOutcome.Accepted);

        // A record taken from the other station is this station's setting, checked by this station.
        one.TrySet(other.Get(StationConfiguration.BasicAuthPasswordKey)!, Password).ShouldBe(SetOutcome.InvalidValue);
        other.TrySet(one.Get(StationConfiguration.SecurityProfileKey)!, "2").ShouldBe(SetOutcome.InvalidValue, "the other station is at 3 already");
        one.Get(StationConfiguration.BasicAuthPasswordKey)!.Value.ShouldBe("");
    }

    [Test]
    public void A_setting_is_found_by_its_key_or_its_device_model_name_in_any_case()
    {
        var configuration = new StationConfiguration(1);
        var setting = configuration.Get("TransactionMessageRetryInterval")!;

        configuration.Get("transactionmessageretryinterval").ShouldBeSameAs(setting);
        configuration.Get("OCPPCommCtrlr", "MessageAttemptInterval", "TransactionEvent").ShouldBeSameAs(setting);
        configuration.Get("OCPPCOMMCTRLR/messageattemptinterval/transactionevent").ShouldBeSameAs(setting);
        configuration.Get("OCPPCommCtrlr", "MessageAttemptInterval").ShouldBeNull();
        configuration.Get("OCPPCommCtrlr", new string('x', 500)).ShouldBeNull();
        configuration.Get("NoSuchKey").ShouldBeNull();
        configuration.HasComponent("authcachectrlr").ShouldBeTrue();
        configuration.HasComponent("NoSuchCtrlr").ShouldBeFalse();
        Should.Throw<ArgumentException>(() => configuration.Preset(setting with { Key = "NoSuchKey" }, "1"));
    }
}
