using DerSim.Harness.Configuration;

namespace DerSim.Harness.Tests.Configuration;

public sealed class PlaceholderCaseTests
{
    [TestCase("camel", "RequestStartTransaction", "requestStartTransaction")]
    [TestCase("pascal", "requestStartTransaction", "RequestStartTransaction")]
    [TestCase("kebab", "RequestStartTransaction", "request-start-transaction")]
    [TestCase("snake", "RequestStartTransaction", "request_start_transaction")]
    [TestCase("lower", "RequestStartTransaction", "requeststarttransaction")]
    [TestCase("upper", "RequestStartTransaction", "REQUESTSTARTTRANSACTION")]
    [TestCase("kebab", "AFRRSignal", "afrr-signal")]
    [TestCase("camel", "SetDERControl", "setDerControl")]
    [TestCase("kebab", "SetDERControl", "set-der-control")]
    [TestCase("pascal", "remote-start-transaction", "RemoteStartTransaction")]
    [TestCase("camel", "tx_default_profile", "txDefaultProfile")]
    [TestCase("kebab", "SetChargingProfileV2x", "set-charging-profile-v2x")]
    [TestCase("snake", "ISO15118", "iso15118")]
    public void A_filter_rewrites_the_words_of_a_value(string filter, string value, string expected) =>
        PlaceholderCase.Apply(filter, value).ShouldBe(expected);

    [Test]
    public void An_unknown_filter_names_the_known_ones() =>
        Should.Throw<ArgumentException>(() => PlaceholderCase.Apply("title", "Reset")).Message.ShouldContain("camel, pascal, kebab, snake, lower, upper");
}
