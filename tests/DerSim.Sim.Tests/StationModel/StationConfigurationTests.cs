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
}
