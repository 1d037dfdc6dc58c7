using DerSim.Harness.Configuration;
using DerSim.Harness.Drivers.Csms;
using DerSim.Harness.Traffic;
using DerSim.Ocpp;

namespace DerSim.Harness.Tests.Drivers.Csms;

/// <summary>
/// A remote start with a TxProfile through the Http driver: the remote-start template must send the profile (its
/// <c>{txProfileLimitW}</c>, or the whole <c>{payload}</c>); one that would drop it cannot make the CSMS send the
/// request (the case is not applicable), while a plain remote start takes any template and an empty limit.
/// </summary>
public sealed class HttpRemoteStartProfileTests
{
    private static readonly RemoteStartCommand Plain = new("CS-1", OcppVersion.V201, 1, "04A1B2C3");
    private static readonly RemoteStartCommand WithProfile = Plain with { TxProfileLimitW = 11000 };

    [TestCase("""{"evse": {evseId}, "token": "{idTag}"}""", false)]
    [TestCase("""{"evse": {evseId}, "token": "{idTag}", "limit": "{txProfileLimitW}"}""", true)]
    [TestCase("{payload}", true)]
    public void A_template_must_send_the_TxProfile_of_a_remote_start(string body, bool sends)
    {
        using var driver = Driver(body);

        driver.CanPerform(WithProfile).ShouldBe(sends);
        driver.CanPerform(Plain).ShouldBeTrue();
    }

    [Test]
    public void The_limit_placeholder_is_empty_without_a_TxProfile()
    {
        HttpPlaceholders.For(Plain)["txProfileLimitW"].ShouldBe("");
        HttpPlaceholders.For(WithProfile)["txProfileLimitW"].ShouldBe("11000");
    }

    [Test]
    public async Task A_template_that_drops_the_TxProfile_makes_the_remote_start_not_applicable()
    {
        using var driver = Driver("""{"token": "{idTag}"}""");

        var error = await Should.ThrowAsync<CsmsActionNotApplicableException>(() => driver.PerformAsync(WithProfile));

        error.Message.ShouldContain("sends neither {payload} nor {txProfileLimitW}");
        error.Message.ShouldContain("with a TxProfile (no transactionId) limiting it to 11000 W");
    }

    private static HttpCsmsDriver Driver(string body) => new(
        new HttpCsmsSettings { Actions = new Dictionary<string, HttpActionTemplate?> { ["RemoteStart"] = new() { Url = "/start/{stationId}", Body = body } } },
        "http://127.0.0.1:9",
        new TrafficRecorder(),
        TimeSpan.FromSeconds(1));
}
