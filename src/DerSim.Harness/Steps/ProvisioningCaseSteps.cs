using System.Globalization;
using System.Security.Authentication;
using DerSim.Gherkin.Glue;
using DerSim.Harness.Drivers;
using DerSim.Harness.Traffic;
using DerSim.Ocpp.Rpc;
using DerSim.Ocpp.Transport;
using DerSim.Sim.Adapters;
using DerSim.Sim.StationModel;
using Reqnroll;

namespace DerSim.Harness.Steps;

/// <summary>
/// The OCA cases of blocks A (security), B (provisioning), G (availability) and P (data transfer) a station starts:
/// the station's actions they need (a wrong Basic-auth user name, a TLS 1.1-only hello, a connector lock failure, a
/// vendor's DataTransfer, customData) and the CSMS-side checks that judge the CSMS by what it answered.
/// </summary>
[Binding]
public sealed class ProvisioningCaseSteps(ScenarioWorld world, ScenarioContext scenario, ScenarioSecurity security, SecuritySteps profiles)
{
    private TlsProbeOutcome? _oldTls;
    private string? _oldTlsVersion;

    /// <summary>
    /// The CSMS authenticates stations with Basic auth (security profile 1 or 2). The embedded CSMS is set up with
    /// profile 1; against a CSMS under test the declared profile is used, and the scenario is not applicable when the
    /// target declares neither 1 nor 2. Example: <c>Given the CSMS uses Basic authentication</c>
    /// </summary>
    [Given("the CSMS uses Basic authentication")]
    public void UsesBasicAuth() => UseOneOf([1, 2], "Basic authentication");

    /// <summary>
    /// The CSMS serves TLS with a server certificate (security profile 2 or 3). The embedded CSMS is set up with profile
    /// 2 and a throw-away CA the station trusts; against a CSMS under test the declared profile is used (its CA and
    /// client certificates), and the scenario is not applicable when the target declares neither 2 nor 3.
    /// Example: <c>Given the CSMS uses TLS with a server certificate</c>
    /// </summary>
    [Given("the CSMS uses TLS with a server certificate")]
    public void UsesTls() => UseOneOf([2, 3], "TLS with a server certificate");

    /// <summary>
    /// The station sends its Basic-auth header with a user name that is not its station id (its id with "-OTHER"
    /// appended), and the right password. Example: <c>Given the station presents a user name other than its station id</c>
    /// </summary>
    [Given("the station presents a user name other than its station id")]
    public void WrongUserName()
    {
        if (security.Profile is not (1 or 2))
        {
            throw new InvalidOperationException("a user name needs Basic auth: start with Given the CSMS uses Basic authentication");
        }

        world.Simulator.UsernameOf = id => id + "-OTHER";
    }

    /// <summary>
    /// Checks that the CSMS refused the station's WebSocket upgrade with the HTTP status (after <c>When the station
    /// tries to connect to the CSMS</c>); fails when the CSMS upgraded the connection (quoting what the station then
    /// exchanged) or answered another status. Example: <c>Then the CSMS refused the WebSocket upgrade with HTTP 401</c>
    /// </summary>
    [Then("the CSMS refused the WebSocket upgrade with HTTP {int}")]
    public void RefusedUpgrade(int status)
    {
        var station = world.Simulator.Station();
        var exchanged = world.Recorder.Query().Station(station.Id).Frames;
        if (exchanged.Count > 0)
        {
            throw new TrafficAssertionException(
                $"the CSMS must refuse the WebSocket upgrade of {station.Id} with HTTP {status} (wrong Basic-auth credentials); it upgraded the connection instead",
                exchanged);
        }

        var got = station.ConnectError switch
        {
            OcppConnectException { Failure: OcppConnectFailure.Http, StatusCode: { } code } => (int)code,
            _ => (int?)null,
        };
        if (got != status)
        {
            throw new TrafficAssertionException(
                $"the CSMS must refuse the WebSocket upgrade of {station.Id} with HTTP {status} (wrong Basic-auth credentials); the station saw: {station.ConnectError?.Message ?? "no refusal"}",
                []);
        }
    }

    /// <summary>
    /// The station opens a TCP connection to the CSMS's TLS port and sends a ClientHello offering at most TLS
    /// <paramref name="version"/> ("1.0" or "1.1"), then reads the CSMS's reply (a ServerHello, an alert, or a closed
    /// connection) for <c>Then the CSMS refused the TLS handshake</c>.
    /// Example: <c>When the station offers only TLS "1.1" to the CSMS</c>
    /// </summary>
    [When("the station offers only TLS {string} to the CSMS")]
    public async Task OffersOldTls(string version)
    {
        var url = await world.Csms.UrlAsync().ConfigureAwait(false);
        if (url.Scheme != "wss")
        {
            throw new InvalidOperationException($"offering TLS needs a wss:// CSMS; it is {url}: start with Given the CSMS uses TLS with a server certificate");
        }

        _oldTlsVersion = version;
        _oldTls = await TlsProbe.OfferOnlyAsync(url, version, world.Simulator.WaitTimeout).ConfigureAwait(false);
    }

    /// <summary>
    /// Checks that the CSMS refused the TLS handshake the station offered with an old version (OCPP 2.0.1 A00.FR.314 /
    /// A00.FR.315: TLS 1.2 or above only; a CSMS that sees a station offering less ends the connection): fails when it
    /// answered with a ServerHello. Example: <c>Then the CSMS refused the TLS handshake</c>
    /// </summary>
    [Then("the CSMS refused the TLS handshake")]
    public void RefusedOldTls()
    {
        var outcome = _oldTls ?? throw new InvalidOperationException("no TLS hello was offered: use When the station offers only TLS \"1.1\" to the CSMS first");
        if (outcome.Accepted)
        {
            throw new TrafficAssertionException(
                $"the CSMS must refuse a station that offers only TLS {_oldTlsVersion} (A00.FR.314/315: TLS 1.2 or above); it answered {outcome.Answer}", []);
        }

        world.Simulator.Station().Log.Enqueue($"TLS {_oldTlsVersion} hello refused: the CSMS {outcome.Answer}");
    }

    /// <summary>
    /// Checks the CSMS's TLS endpoint with a fresh handshake as the station makes it (its trusted CA, its client
    /// certificate in profile 3, the host name checked): the CSMS negotiates TLS 1.2 or higher (A00.FR.313) and presents
    /// a certificate with a serial number (A00.FR.508) that the station trusts.
    /// Example: <c>Then the CSMS's TLS handshake gives TLS 1.2 or higher and a trusted certificate</c>
    /// </summary>
    [Then("the CSMS's TLS handshake gives TLS 1.2 or higher and a trusted certificate")]
    public async Task TlsHandshake()
    {
        var station = world.Simulator.Station();
        var url = await world.Csms.UrlAsync().ConfigureAwait(false);
        TlsSessionFacts facts;
        try
        {
            facts = await TlsProbe.HandshakeAsync(url, world.Simulator.TrustedCa, world.Simulator.ClientCertificateOf?.Invoke(station.Id), world.Simulator.WaitTimeout)
                .ConfigureAwait(false);
        }
        catch (AuthenticationException ex)
        {
            throw new TrafficAssertionException($"the CSMS's TLS handshake at {url.Authority} failed: {ex.Message}{(ex.InnerException is { } inner ? $" ({inner.Message})" : "")}", []);
        }

        // The enum's values grow with the version: anything below TLS 1.2 is SSL or TLS 1.0/1.1.
        if ((int)facts.Protocol < (int)SslProtocols.Tls12)
        {
            throw new TrafficAssertionException($"the CSMS must use TLS 1.2 or above (A00.FR.313); its handshake at {url.Authority} negotiated {facts.Protocol}", []);
        }

        if (facts.SerialNumber.Length == 0)
        {
            throw new TrafficAssertionException($"the CSMS's certificate must include a serial number (A00.FR.508); {facts.Subject} has none", []);
        }

        station.Log.Enqueue(string.Create(CultureInfo.InvariantCulture, $"TLS with the CSMS: {facts.Protocol}, {facts.CipherSuite}, certificate {facts.Subject} serial {facts.SerialNumber}"));
    }

    /// <summary>
    /// The plug retention lock of EVSE n's (first) connector fails: the station reports it with NotifyEvent
    /// ConnectorPlugRetentionLock / Problem = "true" (OCPP 2.0.1 G05.FR.02). An answer the station could not use is left
    /// to the checks. Example: <c>When the connector lock of EVSE 1 fails</c>
    /// </summary>
    [When("the connector lock of EVSE {int} fails")]
    public async Task LockFails(int evseId)
    {
        var station = world.Simulator.Station();
        var engine = station.Runner?.Engine ?? throw new InvalidOperationException("the station is not connected: start with Given the station is Booted");
        var connector = engine.Station.ConnectorsOf(evseId).FirstOrDefault()
            ?? throw new ArgumentException($"station {station.Id} has no EVSE {evseId}");
        await SendAsync(ct => StationReports.ReportLockFailureAsync(engine, connector, world.Recorder.Query().Frames.Count + 1, ct)).ConfigureAwait(false);
    }

    /// <summary>
    /// The station sends DataTransfer with the vendor id and message id (a vendor and message the CSMS is not expected
    /// to know); the CSMS's answer is left to the checks.
    /// Example: <c>When the station sends a DataTransfer with vendor id "com.example.unknown" and message id "NoSuchMessage"</c>
    /// </summary>
    [When("the station sends a DataTransfer with vendor id {string} and message id {string}")]
    public async Task SendsDataTransfer(string vendorId, string messageId)
    {
        var station = world.Simulator.Station();
        var engine = station.Runner?.Engine ?? throw new InvalidOperationException("the station is not connected: start with Given the station is Booted");
        await SendAsync(async ct => await StationReports.DataTransferAsync(engine, vendorId, messageId, ct).ConfigureAwait(false)).ConfigureAwait(false);
    }

    /// <summary>
    /// Before it connects, the station is set to add a customData object (the vendor id and one field of its own) to
    /// its 2.x StatusNotification, TransactionEvent (also in transactionInfo) and DataTransfer requests.
    /// Example: <c>Given the station adds custom data of vendor "com.example.dersim" with field "note" = "ignore me" to its messages</c>
    /// </summary>
    [Given("the station adds custom data of vendor {string} with field {string} = {string} to its messages")]
    public void AddsCustomData(string vendorId, string field, string value)
    {
        var station = world.Simulator.Station();
        if (station.Runner is not null)
        {
            throw new InvalidOperationException("custom data is set before the station connects: put this step before it connects");
        }

        station.CustomData = new StationCustomData(vendorId, new Dictionary<string, string>(StringComparer.Ordinal) { [field] = value });
    }

    /// <summary>
    /// Checks that the CSMS answered the last CALL of the action the station sent with a CALLRESULT, in time and without
    /// a CALLERROR. Example: <c>Then the CSMS answered the last "NotifyEvent" without an error</c>
    /// </summary>
    [Then("the CSMS answered the last {string} without an error")]
    public Task AnsweredLast(string action) => LastAnsweredAsync(action);

    /// <summary>
    /// Checks that the station sent at least one CALL of the action carrying a customData object, and that the CSMS
    /// answered each of them with a CALLRESULT, in time and without a CALLERROR: a CSMS processes a message whose
    /// customData it does not know as usual.
    /// Example: <c>Then the CSMS answered every "StatusNotification" carrying customData without an error</c>
    /// </summary>
    [Then("the CSMS answered every {string} carrying customData without an error")]
    public async Task AnsweredEveryWithCustomData(string action)
    {
        static bool Carries(RecordedFrame f) => f.Payload is { } p && FrameFields.At(p, "customData") is not null;
        var sent = world.Recorder.Query().Sent().Calls().Action(action).Where(Carries, "with customData");
        if (sent.Count == 0)
        {
            throw new InvalidOperationException($"the station sent no {action} with customData: add Given the station adds custom data of vendor ... to its messages before it connects");
        }

        var ids = sent.Frames.Select(f => (f.StationId, f.MessageId)).ToHashSet();
        var query = await SettledAsync(q => q.Received().Frames.Count(f => ids.Contains((f.StationId, f.MessageId))) >= ids.Count, $"the CSMS's answers to every {action} with customData")
            .ConfigureAwait(false);
        var answers = query.Received().Frames.Where(f => ids.Contains((f.StationId, f.MessageId))).ToList();
        var errors = answers.Where(f => f.MessageType != OcppMessageType.CallResult).ToList();
        var open = sent.Frames.Where(c => !answers.Any(a => a.StationId == c.StationId && a.MessageId == c.MessageId)).ToList();
        if (errors.Count > 0 || open.Count > 0)
        {
            var bad = sent.Frames.Where(c => open.Contains(c) || errors.Any(e => e.StationId == c.StationId && e.MessageId == c.MessageId)).Concat(errors).OrderBy(f => f.Sequence).ToList();
            throw new TrafficAssertionException(
                $"the CSMS must process a {action} carrying customData as usual (answer it with a CALLRESULT); {errors.Count} answered with an error ({string.Join(", ", errors.Select(e => e.ErrorCode))}), {open.Count} left unanswered within {world.Simulator.WaitTimeout.TotalSeconds:0} s",
                bad);
        }
    }

    private void UseOneOf(int[] allowed, string what)
    {
        if (world.Csms.IsEmbedded)
        {
            profiles.UsesProfile(allowed[0]);
            return;
        }

        var declared = world.Target.SecurityProfile;
        if (!allowed.Contains(declared))
        {
            scenario.NotApplicable($"the case needs {what} (security profile {string.Join(" or ", allowed)}); the target declares security profile {declared}");
        }

        profiles.UsesProfile(declared);
    }

    // The station's CALL and what came of it: failures of the answer (CALLERROR, timeout) are judged by the checks from
    // the recorded traffic, not here.
    private static async Task SendAsync(Func<CancellationToken, Task> send)
    {
        try
        {
            await send(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (OcppCallFailure.IsBadAnswer(ex))
        {
            // Recorded; the Then step names it.
        }
    }

    private async Task<(RecordedFrame Call, RecordedFrame Answer)> LastAnsweredAsync(string action)
    {
        var calls = world.Recorder.Query().Sent().Calls().Action(action).Frames;
        var call = calls.Count > 0 ? calls[^1] : throw new InvalidOperationException($"the station sent no {action}: a step must make it send one first");
        bool Answered(TrafficQuery q) => q.AnswerTo(call) is not null;
        var query = await SettledAsync(Answered, $"the CSMS's answer to {action} {call.MessageId}").ConfigureAwait(false);
        var answer = query.AnswerTo(call)
            ?? throw new TrafficAssertionException($"the CSMS must answer every {action} (OCPP-J: every CALL gets its CALLRESULT); it left {call.MessageId} unanswered within {world.Simulator.WaitTimeout.TotalSeconds:0} s", [call]);
        if (answer.MessageType != OcppMessageType.CallResult)
        {
            throw new TrafficAssertionException($"the CSMS must answer this {action} with a CALLRESULT; it answered with the error {answer.ErrorCode}", [call, answer]);
        }

        return (call, answer);
    }

    private async Task<TrafficQuery> SettledAsync(Func<TrafficQuery, bool> condition, string expectation)
    {
        try
        {
            return await world.Simulator.WaitForAsync(condition, expectation).ConfigureAwait(false);
        }
        catch (TrafficAssertionException)
        {
            // What did not arrive in time is named by the check.
            return world.Recorder.Query();
        }
    }
}
