using System.Globalization;
using System.Text;
using System.Text.Json;
using DerSim.Harness.Drivers;
using DerSim.Harness.Drivers.Csms;
using DerSim.Harness.Traffic;
using DerSim.Sim.Engine;
using DerSim.Sim.StationModel;
using Reqnroll;

namespace DerSim.Harness.Steps;

/// <summary>
/// The OCA cases of block L (secure firmware update): the firmware the scenario serves and signs as the manufacturer,
/// the UpdateFirmware the CSMS is made to send, the failures the station is told to have, letting simulated time pass
/// until the station reported a state, and the checks of what the CSMS sent (the fields a case needs, a new id per
/// request), each failing with the rule and the frames.
/// </summary>
[Binding]
public sealed class FirmwareCaseSteps(ScenarioWorld world, ScenarioContext scenario)
{
    /// <summary>Download retries asked for in every firmware update.</summary>
    public const int Retries = 1;

    /// <summary>Seconds between download attempts asked for in every firmware update.</summary>
    public const int RetryIntervalSeconds = 10;

    /// <summary>
    /// The station's firmware installation fails after its reboot: it reports InstallationFailed instead of Installed
    /// (our station's behaviour, set before the CSMS acts). Write it after the station booted.
    /// Example: <c>Given the station's firmware installation will fail</c>
    /// </summary>
    [Given("the station's firmware installation will fail")]
    public void InstallationFails() => Faults().InstallationFails = true;

    /// <summary>
    /// The station's installed firmware fails its verification: it reports InstallVerificationFailed after Installing,
    /// and does not reboot. Write it after the station booted.
    /// Example: <c>Given the station's firmware installation will fail its verification</c>
    /// </summary>
    [Given("the station's firmware installation will fail its verification")]
    public void InstallVerificationFails() => Faults().InstallVerificationFails = true;

    /// <summary>
    /// The station cannot cancel a firmware update under way: it answers a new UpdateFirmware Rejected (2.0.1 L01.FR.27)
    /// and goes on with the first. Write it after the station booted.
    /// Example: <c>Given the station cannot cancel a firmware update</c>
    /// </summary>
    [Given("the station cannot cancel a firmware update")]
    public void CannotCancel() => Faults().CannotCancel = true;

    /// <summary>
    /// Makes the CSMS send UpdateFirmware (2.x) for a firmware image the scenario's file server serves, signed as the
    /// manufacturer (ECDSA P-256, SHA-256) with a signing certificate chained to the root the station trusts; retrieval
    /// now, one retry 10 s apart. The kind picks what is wrong with it: <c>a valid signature</c> (nothing),
    /// <c>a revoked signing certificate</c> (the station knows it revoked), <c>an unknown signing certificate</c> (of a
    /// manufacturer the station does not trust), <c>a wrong signature</c> (of other bytes), <c>an image that cannot be
    /// downloaded</c> (a URL of the file server that serves nothing). Not applicable on OCPP 1.6.
    /// Example: <c>When the CSMS sends a secure firmware update with "a valid signature"</c>
    /// </summary>
    [When("the CSMS sends a secure firmware update with {string}")]
    public async Task SecureUpdate(string kind)
    {
        var station = world.Simulator.Station();
        var number = world.CsmsExchanges.Count(e => e.Kind == CsmsActionKind.UpdateFirmware) + 1;
        var image = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"DerSim firmware image {number} for {station.Id}\n") + new string('\u00b7', 2048));
        var signer = kind == "an unknown signing certificate"
            ? FirmwareManufacturer.Create("Unknown Firmware Manufacturer Root").IssueSigner()
            : FirmwareManufacturer.Default.IssueSigner();
        var name = string.Create(CultureInfo.InvariantCulture, $"firmware-{number}.bin");
        Uri location;
        var signature = signer.Sign(image);
        switch (kind)
        {
            case "a valid signature" or "an unknown signing certificate":
                location = await world.Files.ServeAsync(name, image).ConfigureAwait(false);
                break;
            case "a revoked signing certificate":
                location = await world.Files.ServeAsync(name, image).ConfigureAwait(false);
                station.Runner?.Station.FirmwareTrust.Revoke(signer.Certificate);
                break;
            case "a wrong signature":
                location = await world.Files.ServeAsync(name, image).ConfigureAwait(false);
                signature = signer.Sign([.. image, 0x2A]);
                break;
            case "an image that cannot be downloaded":
                location = await world.Files.MissingAsync(name).ConfigureAwait(false);
                break;
            default:
                throw new ArgumentException($"'{kind}' is not a kind of firmware update; expected \"a valid signature\", \"a revoked signing certificate\", \"an unknown signing certificate\", \"a wrong signature\" or \"an image that cannot be downloaded\"");
        }

        var command = new UpdateFirmwareCommand(
            station.Id,
            station.Version,
            number,
            location.ToString(),
            world.Simulator.Clock.Now,
            signer.CertificatePem,
            signature,
            Retries: Retries,
            RetryInterval: RetryIntervalSeconds);
        await CsmsPerform.RunAsync(world, scenario, command).ConfigureAwait(false);
    }

    /// <summary>
    /// Lets simulated time pass, a second at a time, until the station sent a CALL of the action with that field value
    /// (by JSON path), for at most that many simulated minutes: the steps of a flow that take time (a download, an
    /// installation, a reboot) happen on the way. Fails when it did not come.
    /// Example: <c>When up to 5 minutes pass until the station sent a "FirmwareStatusNotification" with "status" = "Installed"</c>
    /// </summary>
    [When("up to {int} minute(s) pass(es) until the station sent a/an {string} with {string} = {string}")]
    public async Task PassUntilSent(int minutes, string action, string path, string value)
    {
        var station = world.Simulator.Station();
        bool Sent(TrafficQuery q) => q.Station(station.Id).Sent().Calls().Action(action).With(path, value).Frames.Count > 0;

        // Counted in seconds waited, not read off the clock: the station's present may jump when it adopts the CSMS's time.
        for (var second = 0; second < minutes * 60; second++)
        {
            if (Sent(world.Recorder.Query()))
            {
                return;
            }

            await world.Simulator.AdvanceAsync(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
        }

        // What takes no simulated time (a report right after an answer) may still be on its way.
        try
        {
            await world.Simulator.WaitForAsync(Sent, $"a {action} with {path} = {value}").ConfigureAwait(false);
        }
        catch (TrafficAssertionException)
        {
            var all = world.Recorder.Query().Station(station.Id).Sent().Calls().Action(action);
            throw new TrafficAssertionException(
                $"the station sent no {action} with {path} = {value} within {minutes} simulated minute(s) (it sent {all.Frames.Count} {action})",
                all.Frames);
        }
    }

    /// <summary>
    /// Checks that every CALL of the action the CSMS sent carries each of the comma-separated fields (JSON paths), not
    /// empty: e.g. 2.0.1 L01.FR.11, a secure UpdateFirmware carries the signing certificate (and the signature the
    /// station verifies the image with). Fails naming the first missing field and quoting the CALL.
    /// Example: <c>Then each "UpdateFirmware" the CSMS sent carries "firmware.signingCertificate, firmware.signature"</c>
    /// </summary>
    [Then("each {string} the CSMS sent carries {string}")]
    public void EachCarries(string action, string fields)
    {
        var calls = CsmsCalls(action);
        foreach (var call in calls)
        {
            foreach (var path in fields.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (call.Payload is not { } payload || FrameFields.At(payload, path) is not { } field
                    || field.ValueKind is JsonValueKind.Null || (field.ValueKind == JsonValueKind.String && field.GetString()!.Length == 0))
                {
                    throw new TrafficAssertionException($"the CSMS's {action} {call.MessageId} has no {path}; the case needs it in every {action}", [call]);
                }
            }
        }
    }

    private List<RecordedFrame> CsmsCalls(string action)
    {
        var station = world.Simulator.Station();
        var calls = world.Recorder.Query().Station(station.Id).Received().Calls().Action(action).Frames.ToList();
        if (calls.Count == 0)
        {
            throw new TrafficAssertionException($"the CSMS sent no {action} to {station.Id}", []);
        }

        return calls;
    }

    private FirmwareFaults Faults() =>
        world.Simulator.Station().Runner?.Engine.Firmware.Faults
        ?? throw new InvalidOperationException("the station is not running yet: write the firmware failure after \"the station is Booted\"");
}
