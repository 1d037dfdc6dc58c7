using System.Text.Json;
using DerSim.Harness.Configuration;
using DerSim.Harness.Configuration.Loading;
using DerSim.Harness.Drivers.Csms;
using DerSim.Harness.Tests.StrictCsms;
using DerSim.Harness.Traffic;
using DerSim.Ocpp;

namespace DerSim.Harness.Tests.Drivers.Csms;

/// <summary>
/// The Http driver sends curve TxProfiles and AFRRSignal only through templates made for them, and the strict CSMS's
/// configuration has them, forwarding the 2.1 payload unchanged.
/// </summary>
public sealed class HttpV2xCurveTemplateTests
{
    private const string Station = "DERSIM-V2G-1";
    private static readonly CsmsCommand Curve = new SetV2xCurveProfileCommand(Station, OcppVersion.V21, 1, "TX-1", "LocalFrequency",
        FreqWattCurve: [new(49.8m, -20000), new(50.2m, 20000)], BaselineW: -5000, ProfileId: 201);
    private static readonly CsmsCommand Signal = new AfrrSignalCommand(Station, OcppVersion.V21, new DateTimeOffset(2026, 1, 1, 8, 5, 0, TimeSpan.Zero), -50);

    [Test]
    public void A_setpoint_template_alone_cannot_send_a_curve_profile()
    {
        // The V2X setpoint template has no field for a curve: through it the station would get a curve-less period.
        var settings = new HttpCsmsSettings
        {
            Actions = new Dictionary<string, HttpActionTemplate?> { ["SetChargingProfileV2x"] = new() { Url = "/v2x" } },
        };
        using var driver = new HttpCsmsDriver(settings, "http://127.0.0.1:1", new TrafficRecorder(), TimeSpan.FromSeconds(1));
        driver.CanPerform(Curve).ShouldBeFalse();
        driver.CanPerform(Signal).ShouldBeFalse();
        driver.CanPerform(new SetV2xProfileCommand(Station, OcppVersion.V21, 1, "TX-1", "LocalFrequency")).ShouldBeTrue();
    }

    [Test]
    public async Task The_strict_csms_templates_forward_the_payload_unchanged()
    {
        var settings = DerSimConfig.Load(Path.Combine(StrictCsmsProcess.RepoRoot(), "drivers", "strict-csms.json")).Http;
        using var driver = new HttpCsmsDriver(settings, "http://127.0.0.1:8291", new TrafficRecorder(), TimeSpan.FromSeconds(1));
        foreach (var (command, path) in new[] { (Curve, "/stations/DERSIM-V2G-1/v2x-curve-profile"), (Signal, "/stations/DERSIM-V2G-1/afrr-signal") })
        {
            driver.CanPerform(command).ShouldBeTrue(HttpPlaceholders.TemplateName(command));
            using var request = driver.Build(settings.Template(HttpPlaceholders.TemplateName(command), command.Version)!, HttpPlaceholders.For(command));
            request.RequestUri!.AbsolutePath.ShouldBe(path);
            var body = await request.Content!.ReadAsStringAsync();
            JsonSerializer.Serialize(JsonDocument.Parse(body).RootElement).ShouldBe(command.Payload().GetRawText());
        }
    }
}
