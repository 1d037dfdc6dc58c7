using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;

namespace DerSim.Sim.Tests.Evse;

public class DeviceModelTests
{
    private static ChargingStation Station(string profile) =>
        new("DM", EvseProfileLoader.Load(profile, ProfilesDirectory.Locate()));

    [TestCase("EVSE-AC-22kW-1port", 1, 1)]
    [TestCase("EVSE-AC-7.4kW-2port", 2, 2)]
    [TestCase("EVSE-Hybrid-2DC-1AC", 3, 3)]
    public void One_EVSE_component_per_EVSE_and_one_Connector_component_per_connector(string profile, int evses, int connectors)
    {
        var model = new DeviceModel(Station(profile));

        model.Variables.Where(v => v.Component.Name == "EVSE").Select(v => v.Component.EvseId).Distinct().Count().ShouldBe(evses);
        model.Variables.Count(v => v is { Component.Name: "Connector", Name: "ConnectorType" }).ShouldBe(connectors);
        model.Variables.Select(v => (v.Component, v.Name)).ShouldBeUnique();
        new DeviceModel(Station(profile), networkConfiguration: true).Variables.Select(v => (v.Component, v.Name)).ShouldBeUnique();
    }

    [Test]
    public void Power_reads_the_injected_meter_and_caps_at_the_profile_limit()
    {
        var model = new DeviceModel(Station("EVSE-AC-7.4kW-2port"), evseId => evseId is { } id ? 1000.5 * id : 2001);

        var evse2 = model.Find("EVSE", 2, null, "Power").Variable.ShouldNotBeNull();
        evse2.Read().ShouldBe("2001");
        evse2.MaxLimit.ShouldBe(7400m);
        evse2.Unit.ShouldBe("W");
        model.Find("ChargingStation", null, null, "Power").Variable.ShouldNotBeNull().Read().ShouldBe("2001");
    }

    [Test]
    public void Only_settings_change_and_the_change_reaches_the_configuration()
    {
        var station = Station("EVSE-AC-22kW-1port");
        var model = new DeviceModel(station);

        model.TrySet(model.Find("connector", 1, 1, "CONNECTORTYPE").Variable!, "cType1").ShouldBe(SetOutcome.ReadOnly);
        model.TrySet(model.Find("OCPPCommCtrlr", null, null, "HeartbeatInterval").Variable!, "x").ShouldBe(SetOutcome.InvalidValue);
        model.TrySet(model.Find("OCPPCommCtrlr", null, null, "HeartbeatInterval").Variable!, "20").ShouldBe(SetOutcome.Accepted);

        station.Configuration.Get("HeartbeatInterval")!.Value.ShouldBe("20");
        model.Find("OCPPCommCtrlr", null, null, "HeartbeatInterval").Variable!.Read().ShouldBe("20");
    }

    [Test]
    public void Availability_of_an_EVSE_and_the_station_follows_the_connectors()
    {
        var station = Station("EVSE-AC-7.4kW-2port");
        var model = new DeviceModel(station);
        station.ByStationConnectorId(1)!.Status = ConnectorStatus.Occupied;
        station.SetOperative(station.ConnectorsOf(2), operative: false);

        model.Find("EVSE", 1, null, "AvailabilityState").Variable!.Read().ShouldBe("Occupied");
        model.Find("Connector", 2, 1, "AvailabilityState").Variable!.Read().ShouldBe("Unavailable");
        model.Find("ChargingStation", null, null, "AvailabilityState").Variable!.Read().ShouldBe("Occupied");
    }

    [Test]
    public void Lookups_tell_an_unknown_component_from_an_unknown_variable()
    {
        var model = new DeviceModel(Station("EVSE-AC-22kW-1port"));

        model.Find("EVSE", 2, null, "Power").Status.ShouldBe(DeviceLookupStatus.UnknownComponent);
        model.Find("EVSE", null, null, "Power").Status.ShouldBe(DeviceLookupStatus.UnknownComponent);
        model.Find("EVSE", 1, null, "Nope").Status.ShouldBe(DeviceLookupStatus.UnknownVariable);
    }

    [Test]
    public void NetworkConfiguration_has_one_instance_per_slot_written_into_the_station_s_network_profiles()
    {
        var station = Station("EVSE-AC-22kW-1port");
        var model = new DeviceModel(station, networkConfiguration: true);

        model.Find("NetworkConfiguration", null, null, "OcppCsmsUrl", componentInstance: "4").Status.ShouldBe(DeviceLookupStatus.UnknownComponent);
        model.Find("NetworkConfiguration", null, null, "OcppCsmsUrl").Status.ShouldBe(DeviceLookupStatus.UnknownComponent, "the component exists only per slot");
        var url = model.Find("networkconfiguration", null, null, "ocppcsmsurl", componentInstance: "2").Variable.ShouldNotBeNull();
        url.Read().ShouldBe("", "slot 2 holds nothing yet");
        model.TrySet(url, "ws://csms.example/ocpp").ShouldBe(SetOutcome.Accepted);
        model.TrySet(url, "not a URL").ShouldBe(SetOutcome.InvalidValue);

        station.NetworkProfiles.In(2).ShouldNotBeNull().CsmsUrl.ShouldBe("ws://csms.example/ocpp");
        url.Read().ShouldBe("ws://csms.example/ocpp");
        model.Find("NetworkConfiguration", null, null, "BasicAuthPassword", componentInstance: "2").Variable.ShouldNotBeNull().WriteOnly.ShouldBeTrue();
        model.Find("SecurityCtrlr", null, null, "BasicAuthPassword").Variable.ShouldNotBeNull().WriteOnly.ShouldBeTrue();
        new DeviceModel(station).Variables.ShouldNotContain(v => v.Component.Name == "NetworkConfiguration", "2.0.1 has no such component");
    }

    [Test]
    public void Report_bases_select_their_subsets()
    {
        var model = new DeviceModel(Station("EVSE-Hybrid-2DC-1AC"));

        model.Report(DeviceReportBase.FullInventory).ShouldBe(model.Variables);
        model.Report(DeviceReportBase.ConfigurationInventory).ShouldAllBe(v => !v.ReadOnly && v.Setting != null);
        model.Report(DeviceReportBase.SummaryInventory).Select(v => v.Name).Distinct()
            .ShouldBe(["Model", "VendorName", "SerialNumber", "FirmwareVersion", "AvailabilityState"], ignoreOrder: true);
    }
}
