using System.Globalization;
using DerSim.Harness.Drivers;
using DerSim.Harness.Drivers.Csms;
using DerSim.Harness.Target;
using DerSim.Harness.Traffic;
using DerSim.Ocpp.Rpc;
using Reqnroll;

namespace DerSim.Harness.Steps;

/// <summary>
/// The conformance cases of block N, logs and customer information: making the CSMS ask for a log upload (GetLog, to
/// the scenario's file server) or for a customer's data (CustomerInformation), and the checks on how the CSMS numbered
/// its requests and answered what the station sent about them.
/// </summary>
[Binding]
public sealed class DiagnosticsCaseSteps(ScenarioWorld world, ScenarioContext scenario)
{
    /// <summary>
    /// Makes the CSMS send GetLog for a log type (DiagnosticsLog, SecurityLog), the log to go to the scenario's file
    /// server (<c>log.remoteLocation</c> its upload folder); the CSMS numbers the request itself.
    /// Example: <c>When the CSMS asks for the "DiagnosticsLog" to be uploaded to the scenario's file server</c>
    /// </summary>
    [When("the CSMS asks for the {string} to be uploaded to the scenario's file server")]
    public Task GetLog(string logType) => GetLogUpTo(logType, null);

    /// <summary>
    /// As the step above, for the entries up to a time only (<c>log.latestTimestamp</c>, ISO 8601).
    /// Example: <c>When the CSMS asks for the "DiagnosticsLog" up to "2000-01-01T00:00:00Z" to be uploaded to the scenario's file server</c>
    /// </summary>
    [When("the CSMS asks for the {string} up to {string} to be uploaded to the scenario's file server")]
    public async Task GetLogUpTo(string logType, string? latest)
    {
        var station = world.Simulator.Station();
        var folder = await world.Files.UploadFolderAsync().ConfigureAwait(false);
        var latestAt = latest is null ? (DateTimeOffset?)null : DateTimeOffset.Parse(latest, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
        await Perform(new GetLogCommand(station.Id, station.Version, logType, folder.ToString(), NextRequestId(CsmsActionKind.GetLog), LatestTimestamp: latestAt)).ConfigureAwait(false);
    }

    /// <summary>
    /// Makes the CSMS send CustomerInformation asking for the data the station holds about the customer of a token
    /// (report true, clear false, idToken with its declared type).
    /// Example: <c>When the CSMS asks for the customer information of the valid token</c>
    /// </summary>
    [When("the CSMS asks for the customer information of {tokenRole}")]
    public Task GetCustomerInformation(TokenRole role) => CustomerInformation(role, report: true, clear: false);

    /// <summary>
    /// Makes the CSMS send CustomerInformation clearing the data the station holds about the customer of a token,
    /// without a report (report false, clear true).
    /// Example: <c>When the CSMS clears the customer information of the valid token</c>
    /// </summary>
    [When("the CSMS clears the customer information of {tokenRole}")]
    public Task ClearCustomerInformation(TokenRole role) => CustomerInformation(role, report: false, clear: true);

    /// <summary>
    /// Makes the CSMS send CustomerInformation clearing and reporting the data the station holds about the customer of a
    /// token (report true, clear true).
    /// Example: <c>When the CSMS clears and reports the customer information of the valid token</c>
    /// </summary>
    [When("the CSMS clears and reports the customer information of {tokenRole}")]
    public Task ClearAndReportCustomerInformation(TokenRole role) => CustomerInformation(role, report: true, clear: true);

    /// <summary>
    /// Checks the CSMS's answers to the station's CALLs of one action that carry the requestId of the CSMS's latest CALL
    /// of another (a LogStatusNotification about a GetLog, a NotifyCustomerInformation about a CustomerInformation): there
    /// is at least one, and the CSMS answered each with a CALLRESULT within the step timeout. Fails naming the first one
    /// left unanswered or answered with an error, quoting it.
    /// Example: <c>Then the CSMS answered every "LogStatusNotification" the station sent about its "GetLog"</c>
    /// </summary>
    [Then("the CSMS answered every {string} the station sent about its {string}")]
    public async Task AnsweredEveryAbout(string action, string request)
    {
        var exchange = CsmsPerform.Latest(world, request);
        var requestId = exchange.Call.Payload is { } p && FrameFields.At(p, "requestId") is { } id ? FrameFields.Text(id) : null;
        if (requestId is null)
        {
            throw new TrafficAssertionException($"the CSMS's {exchange.Call.Action} carries no requestId (it is required)", [exchange.Call]);
        }

        IReadOnlyList<RecordedFrame> About(TrafficQuery q) =>
            q.Station(exchange.Call.StationId).Sent().Calls().Action(action).Where(f => f.Payload is { } body && FrameFields.At(body, "requestId") is { } r && FrameFields.Text(r) == requestId, $"requestId {requestId}").Frames;

        TrafficQuery query;
        try
        {
            query = await world.Simulator.WaitForAsync(q => About(q) is { Count: > 0 } calls && calls.All(c => q.AnswerTo(c) is not null), $"the CSMS's answers to every {action} about its {request}").ConfigureAwait(false);
        }
        catch (TrafficAssertionException)
        {
            // Judged below on what arrived.
            query = world.Recorder.Query();
        }

        var calls = About(query);
        if (calls.Count == 0)
        {
            throw new TrafficAssertionException($"the station sent no {action} with requestId {requestId} of the CSMS's {exchange.Call.Action} for the CSMS to answer", [exchange.Call]);
        }

        foreach (var call in calls)
        {
            var answer = query.AnswerTo(call);
            if (answer is null)
            {
                throw new TrafficAssertionException($"the CSMS did not answer the {action} {call.MessageId} about its {request} within {world.Simulator.WaitTimeout.TotalSeconds:0} s (OCPP-J: every CALL is answered)", [call]);
            }

            if (answer.MessageType != OcppMessageType.CallResult)
            {
                throw new TrafficAssertionException($"the CSMS must answer this {action} about its {request} with a CALLRESULT; it answered with the error {answer.ErrorCode ?? answer.MessageType.ToString()}", [call, answer]);
            }
        }
    }

    private Task CustomerInformation(TokenRole role, bool report, bool clear)
    {
        var station = world.Simulator.Station();
        var token = TargetSteps.Token(world, scenario, role);
        return Perform(new CustomerInformationCommand(station.Id, station.Version, NextRequestId(CsmsActionKind.CustomerInformation), report, clear, token.IdToken, token.EffectiveType));
    }

    // What the embedded CSMS numbers a request (a CSMS under test numbers its own): one more than it sent of the kind.
    private int NextRequestId(CsmsActionKind kind) => world.CsmsExchanges.Count(e => e.Kind == kind) + 1;

    private Task Perform(CsmsCommand command) => CsmsPerform.RunAsync(world, scenario, command);
}
