using DerSim.Ocpp;
using DerSim.Ocpp.Transport;

namespace DerSim.Ocpp.Tests.Transport;

public class OcppReconnectPolicyTests
{
    [Test]
    public void Without_jitter_the_delay_doubles_up_to_the_cap()
    {
        var policy = new OcppReconnectPolicy { Jitter = false };

        Enumerable.Range(1, 8).Select(n => policy.DelayFor(n, new Random(1)).TotalSeconds).ShouldBe([1, 2, 4, 8, 16, 32, 60, 60]);
    }

    [Test]
    public void Full_jitter_stays_below_the_ceiling_and_varies()
    {
        var policy = new OcppReconnectPolicy();
        var random = new Random(42);

        var delays = Enumerable.Range(0, 200).Select(_ => policy.DelayFor(4, random)).ToList();

        delays.ShouldAllBe(d => d >= TimeSpan.Zero && d <= TimeSpan.FromSeconds(8));
        delays.Distinct().Count().ShouldBeGreaterThan(150);
        policy.DelayFor(1000, random).ShouldBeLessThanOrEqualTo(TimeSpan.FromSeconds(60));
    }

    [TestCase("ws://csms.example/ocpp", "CS1", "ws://csms.example/ocpp/CS1")]
    [TestCase("ws://csms.example/ocpp/", "CS 1", "ws://csms.example/ocpp/CS%201")]
    [TestCase("https://csms.example:8443", "a/b", "wss://csms.example:8443/a%2Fb")]
    [TestCase("http://csms.example:80/x", "CS1", "ws://csms.example/x/CS1")]
    public void Station_url_appends_the_escaped_station_id(string url, string station, string expected)
    {
        var options = new OcppClientOptions { Url = new Uri(url), StationId = station, Version = OcppVersion.V16 };

        options.StationUrl.AbsoluteUri.ShouldBe(expected);
    }
}
