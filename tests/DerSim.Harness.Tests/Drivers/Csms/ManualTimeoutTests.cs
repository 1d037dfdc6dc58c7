using DerSim.Harness.Configuration;
using DerSim.Harness.Drivers.Csms;

namespace DerSim.Harness.Tests.Drivers.Csms;

/// <summary>How long the Manual driver waits: <c>DERSIM_MANUAL_TIMEOUT</c> over <c>dersim.manualTimeoutSeconds</c>.</summary>
public sealed class ManualTimeoutTests
{
    private static readonly DerSimSettings Settings = new() { ManualTimeoutSeconds = 45 };

    [Test]
    public void Without_the_variable_the_setting_counts() =>
        CsmsDrivers.ManualTimeout(Settings, _ => null).ShouldBe(TimeSpan.FromSeconds(45));

    [Test]
    public void The_variable_overrides_the_setting() =>
        CsmsDrivers.ManualTimeout(Settings, name => name == "DERSIM_MANUAL_TIMEOUT" ? "2.5" : null).ShouldBe(TimeSpan.FromSeconds(2.5));

    [TestCase("soon")]
    [TestCase("-1")]
    public void A_variable_that_is_not_a_positive_number_is_a_configuration_error_naming_it(string value) =>
        Should.Throw<DerSimConfigException>(() => CsmsDrivers.ManualTimeout(Settings, _ => value))
            .Message.ShouldBe($"DERSIM_MANUAL_TIMEOUT '{value}' is not a positive number of seconds");
}
