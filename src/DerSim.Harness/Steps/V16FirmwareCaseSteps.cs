using System.Globalization;
using System.Text;
using DerSim.Harness.Drivers;
using DerSim.Harness.Drivers.Csms;
using DerSim.Harness.Traffic;
using DerSim.Ocpp.Rpc;
using Reqnroll;

namespace DerSim.Harness.Steps;

/// <summary>
/// The OCA cases of the OCPP 1.6 FirmwareManagement profile (TC_044_x, TC_045_x): the CSMS made to send UpdateFirmware
/// for an image the scenario's file server serves (or does not) and GetDiagnostics to its upload folder (which may refuse
/// uploads), and the checks that the CSMS answered each status notification of the flow the station reported.
/// </summary>
[Binding]
public sealed class V16FirmwareCaseSteps(ScenarioWorld world, ScenarioContext scenario)
{
    /// <summary>Download or upload retries asked for in every request of these steps.</summary>
    public const int Retries = 1;

    /// <summary>Seconds between attempts asked for in every request of these steps.</summary>
    public const int RetryIntervalSeconds = 10;

    /// <summary>
    /// The scenario's file server answers every upload with 403 Forbidden: a station's diagnostics or log upload fails.
    /// Example: <c>Given the scenario's file server refuses uploads</c>
    /// </summary>
    [Given("the scenario's file server refuses uploads")]
    public void RefuseUploads() => world.Files.RefuseUploads = true;

    /// <summary>
    /// Makes the CSMS send a firmware update without a signature (1.6 UpdateFirmware: location, retrieveDate now, one
    /// retry 10 s apart) for an image the scenario's file server serves. The CSMS stamps retrieveDate itself.
    /// Example: <c>When the CSMS sends a firmware update of an image the scenario serves</c>
    /// </summary>
    [When("the CSMS sends a firmware update of an image the scenario serves")]
    public async Task UpdateServed()
    {
        var station = world.Simulator.Station();
        var number = Number();
        var image = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"DerSim 1.6 firmware image {number} for {station.Id}\n") + new string('\u00b7', 2048));
        var location = await world.Files.ServeAsync(string.Create(CultureInfo.InvariantCulture, $"firmware16-{number}.bin"), image).ConfigureAwait(false);
        await Update(location).ConfigureAwait(false);
    }

    /// <summary>
    /// As the step above, for a URL of the scenario's file server that serves nothing (404): the download fails.
    /// Example: <c>When the CSMS sends a firmware update of an image that cannot be downloaded</c>
    /// </summary>
    [When("the CSMS sends a firmware update of an image that cannot be downloaded")]
    public async Task UpdateMissing()
    {
        var location = await world.Files.MissingAsync(string.Create(CultureInfo.InvariantCulture, $"firmware16-{Number()}.bin")).ConfigureAwait(false);
        await Update(location).ConfigureAwait(false);
    }

    /// <summary>
    /// Makes the CSMS send GetDiagnostics (1.6) with the scenario file server's upload folder as the location, one retry
    /// 10 s apart. Example: <c>When the CSMS asks for the diagnostics to be uploaded to the scenario's file server</c>
    /// </summary>
    [When("the CSMS asks for the diagnostics to be uploaded to the scenario's file server")]
    public async Task GetDiagnostics()
    {
        var station = world.Simulator.Station();
        var folder = await world.Files.UploadFolderAsync().ConfigureAwait(false);
        await CsmsPerform.RunAsync(world, scenario, new GetDiagnosticsCommand(station.Id, station.Version, folder.ToString(), Retries, RetryIntervalSeconds)).ConfigureAwait(false);
    }

    /// <summary>
    /// Checks the station's CALLs of an action sent after the CSMS's first CALL of the scenario (a status notification
    /// flow): for each comma-separated value, in that order, the station sent one with the field at that value, and the
    /// CSMS answered each with a CALLRESULT within the step timeout (OCPP-J: every CALL is answered; 1.6 §4.4, §4.5: the
    /// Central System acknowledges each notification). Fails naming the value the station did not report, or the
    /// notification left unanswered or answered with an error, quoting it.
    /// Example: <c>Then the CSMS answered the station's "FirmwareStatusNotification" with "status" = each of "Downloading, Downloaded"</c>
    /// </summary>
    [Then("the CSMS answered the station's {string} with {string} = each of {string}")]
    public async Task AnsweredEach(string action, string path, string values)
    {
        var station = world.Simulator.Station();
        var since = world.CsmsExchanges.Count > 0 ? world.CsmsExchanges[0].Call.Sequence : 0;
        var wanted = values.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        IReadOnlyList<RecordedFrame> Sent(TrafficQuery q) =>
            q.Station(station.Id).Sent().Calls().Action(action).Where(f => f.Sequence > since, "after the CSMS's request").Frames;
        RecordedFrame? Find(IReadOnlyList<RecordedFrame> calls, string value) =>
            calls.FirstOrDefault(f => f.Payload is { } p && FrameFields.At(p, path) is { } v && FrameFields.Text(v) == value);

        TrafficQuery query;
        try
        {
            query = await world.Simulator.WaitForAsync(
                q => Sent(q) is var calls && wanted.All(w => Find(calls, w) is { } c && q.AnswerTo(c) is not null),
                $"the CSMS's answers to the station's {action} with {path} {string.Join(", ", wanted)}").ConfigureAwait(false);
        }
        catch (TrafficAssertionException)
        {
            // Judged below on what arrived.
            query = world.Recorder.Query();
        }

        var sent = Sent(query);
        foreach (var value in wanted)
        {
            var call = Find(sent, value)
                ?? throw new TrafficAssertionException($"the station sent no {action} with {path} = {value} for the CSMS to answer (it sent {sent.Count} {action})", sent);
            var answer = query.AnswerTo(call);
            if (answer is null)
            {
                throw new TrafficAssertionException($"the CSMS did not answer the {action} with {path} = {value} within {world.Simulator.WaitTimeout.TotalSeconds:0} s (OCPP-J: every CALL is answered)", [call]);
            }

            if (answer.MessageType != OcppMessageType.CallResult)
            {
                throw new TrafficAssertionException($"the CSMS must acknowledge the {action} with {path} = {value} with a CALLRESULT; it answered with the error {answer.ErrorCode ?? answer.MessageType.ToString()}", [call, answer]);
            }
        }
    }

    private Task Update(Uri location)
    {
        var station = world.Simulator.Station();
        var command = new UpdateFirmwareCommand(station.Id, station.Version, Number(), location.ToString(), world.Simulator.Clock.Now, null, null, Retries: Retries, RetryInterval: RetryIntervalSeconds);
        return CsmsPerform.RunAsync(world, scenario, command);
    }

    private int Number() => world.CsmsExchanges.Count(e => e.Kind == CsmsActionKind.UpdateFirmware) + 1;
}
