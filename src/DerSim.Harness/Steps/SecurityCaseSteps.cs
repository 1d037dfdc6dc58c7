using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using DerSim.Gherkin.Glue;
using DerSim.Harness.Drivers;
using DerSim.Harness.Drivers.Csms;
using DerSim.Harness.Security;
using DerSim.Harness.Target;
using DerSim.Harness.Traffic;
using DerSim.Ocpp.Rpc;
using DerSim.Sim.Runtime;
using Reqnroll;

namespace DerSim.Harness.Steps;

/// <summary>
/// The CSMS-initiated OCA cases of block A (a new Basic-auth password, the station's certificate signed by the CSMS,
/// client certificates) and block B's network connection profiles: the CSMS actions they need, the station's own
/// faults that make a flow take its failure path, and the CSMS-side checks that judge the CSMS by what it sent and
/// how it took the station's reconnection.
/// </summary>
[Binding]
public sealed class SecurityCaseSteps(ScenarioWorld world, ScenarioContext scenario, ScenarioSecurity security)
{
    // Certificates of TLS handshakes are checked against the real clock.
    private static readonly TimeProvider Clock = TimeProvider.System;

    private int? _connectionsBefore;
    private string? _reconnectWhy;
    private (Uri Url, int Profile, string? Refusal)? _lowerAttempt;

    /// <summary>
    /// OCPP 2.x: the CSMS sends SetVariables of SecurityCtrlr.BasicAuthPassword with a new password of its choosing
    /// (the embedded CSMS one of 24 random letters and digits; what another CSMS sends is not compared, only that it
    /// names that variable). OCPP 1.6 (security extension): ChangeConfiguration of AuthorizationKey, the embedded CSMS
    /// 20 random bytes in hex. Example: <c>When the CSMS sets a new Basic-auth password for the station</c>
    /// </summary>
    [When("the CSMS sets a new Basic-auth password for the station")]
    public Task NewPassword()
    {
        var station = world.Simulator.Station();
        MarkConnections("with the new Basic-auth password");
        if (station.Version == Ocpp.OcppVersion.V16)
        {
            return CsmsPerform.RunAsync(world, scenario, new ChangeConfigurationCommand(station.Id, station.Version, "AuthorizationKey", Convert.ToHexString(RandomNumberGenerator.GetBytes(20)), ValueChosenByCsms: true));
        }

        var password = RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 24);
        return CsmsPerform.RunAsync(world, scenario, new SetVariablesCommand(station.Id, station.Version, "SecurityCtrlr.BasicAuthPassword", password, ValueChosenByCsms: true));
    }

    /// <summary>
    /// OCPP 2.x: the CSMS sends SetVariables of SecurityCtrlr.BasicAuthPassword giving the station back the password it
    /// was declared with, so the next scenarios connect as before (OCTT restores it the same way).
    /// Example: <c>When the CSMS sets the station's Basic-auth password back to the declared one</c>
    /// </summary>
    [When("the CSMS sets the station's Basic-auth password back to the declared one")]
    public Task RestorePassword()
    {
        var station = world.Simulator.Station();
        var declared = world.Simulator.PasswordOf?.Invoke(station.Id) ?? world.Csms.Password
            ?? throw new InvalidOperationException("the station was declared no Basic-auth password: start with Given the CSMS uses Basic authentication");
        MarkConnections("with its declared Basic-auth password again");
        if (station.Version == Ocpp.OcppVersion.V16)
        {
            // 1.6 (security extension): ChangeConfiguration of AuthorizationKey.
            return CsmsPerform.RunAsync(world, scenario, new ChangeConfigurationCommand(station.Id, station.Version, "AuthorizationKey", declared));
        }

        return CsmsPerform.RunAsync(world, scenario, new SetVariablesCommand(station.Id, station.Version, "SecurityCtrlr.BasicAuthPassword", declared));
    }

    /// <summary>
    /// OCPP 2.x: the CSMS sends SetNetworkProfile for a configuration slot with a JSON profile for the CSMS the station
    /// uses now (its URL, the station's current security profile, messageTimeout 30 s, interface Wired0).
    /// Example: <c>When the CSMS sets the network profile of slot 2 to its own URL</c>
    /// </summary>
    [When("the CSMS sets the network profile of slot {int} to its own URL")]
    public async Task NetworkProfile(int slot)
    {
        var station = world.Simulator.Station();
        var running = Running(station);
        var url = await world.Csms.UrlAsync().ConfigureAwait(false);
        await CsmsPerform.RunAsync(world, scenario, new SetNetworkProfileCommand(station.Id, station.Version, slot, url.ToString().TrimEnd('/'), running.Station.NetworkProfiles.CurrentSecurityProfile))
            .ConfigureAwait(false);
    }

    /// <summary>
    /// Beside the security profile it uses now, the CSMS serves a higher one that a station can be moved to (OCPP 2.0.1
    /// A05). The embedded CSMS, on security profile 1, opens a second listener for profile 2: TLS with a server
    /// certificate from the scenario's throw-away CA, which the station is given as a trusted certificate beforehand
    /// (the case's prerequisite), and Basic auth. Against a CSMS under test the scenario is not applicable: the target
    /// declaration names one CSMS URL, not a second one for the upgraded profile.
    /// Example: <c>Given the CSMS also serves security profile 2</c>
    /// </summary>
    [Given("the CSMS also serves security profile {int}")]
    public void AlsoServesProfile(int profile)
    {
        if (!world.Csms.IsEmbedded)
        {
            scenario.NotApplicable($"the case moves the station to security profile {profile} at a CSMS URL for that profile; the target declaration names one CSMS URL (security profile {world.Target.SecurityProfile}) and none for the upgrade");
            return;
        }

        if (profile != 2 || security.Profile != 1)
        {
            throw new InvalidOperationException($"the embedded CSMS serves an upgrade from security profile 1 to 2 only (asked for {profile} from {security.Profile}): start with Given the CSMS uses security profile 1");
        }

        world.Csms.ConfigureReference(o => o with { UpgradeServerCertificate = security.Server(Clock, "127.0.0.1", "localhost") });
        world.Simulator.TrustedCa = security.Ca(Clock);
    }

    /// <summary>
    /// OCPP 2.x: the CSMS sends SetNetworkProfile for a configuration slot with a JSON profile for its URL of a higher
    /// security profile (see <c>Given the CSMS also serves security profile 2</c>), messageTimeout 30 s, interface
    /// Wired0. The station's next connection after a reboot that puts the slot first is expected on that profile.
    /// Example: <c>When the CSMS sets the network profile of slot 2 to its security profile 2 URL</c>
    /// </summary>
    [When("the CSMS sets the network profile of slot {int} to its security profile {int} URL")]
    public async Task UpgradeNetworkProfile(int slot, int profile)
    {
        var station = world.Simulator.Station();
        await world.Csms.UrlAsync().ConfigureAwait(false);
        var url = world.Csms.Embedded?.UpgradeUrl
            ?? throw new InvalidOperationException($"the CSMS serves no URL for security profile {profile}: start with Given the CSMS also serves security profile {profile}");
        MarkConnections($"with security profile {profile} after its reboot");
        await CsmsPerform.RunAsync(world, scenario, new SetNetworkProfileCommand(station.Id, station.Version, slot, url.ToString().TrimEnd('/'), profile))
            .ConfigureAwait(false);
    }

    /// <summary>
    /// Checks that the CSMS took the station's next connection (as <c>Then the CSMS accepted the station's
    /// reconnection</c>) and that this connection is the upgraded one: the station connected with the security profile
    /// of the slot NetworkConfigurationPriority put first (B10, A05). Example: <c>Then the CSMS accepted the station's
    /// reconnection with security profile 2</c>
    /// </summary>
    [Then("the CSMS accepted the station's reconnection with security profile {int}")]
    public async Task AcceptedUpgradedReconnection(int profile)
    {
        await AcceptedReconnection().ConfigureAwait(false);
        var current = Running(world.Simulator.Station()).Station.NetworkProfiles.CurrentSecurityProfile;
        if (current != profile)
        {
            throw new InvalidOperationException($"the station reconnected with security profile {current}, not {profile}: the CSMS's network profile and priority did not move it (see its answers)");
        }
    }

    /// <summary>
    /// The same station, once moved to a higher security profile, tries a connection with the lower one it had before
    /// (the CSMS URL and Basic-auth password it was installed with, over ws:// for profile 1); its running connection
    /// stays. Example: <c>When the station tries to connect with security profile 1 again</c>
    /// </summary>
    [When("the station tries to connect with security profile {int} again")]
    public async Task TryLowerProfile(int profile)
    {
        if (profile != 1)
        {
            throw new InvalidOperationException($"a connection with security profile {profile} again is not built: only 1 (Basic auth over ws://)");
        }

        var station = world.Simulator.Station();
        var url = await world.Csms.UrlAsync().ConfigureAwait(false);
        var options = new Ocpp.Transport.OcppClientOptions
        {
            Url = url,
            StationId = station.Id,
            Version = station.Version,
            BasicAuthPassword = world.Simulator.PasswordOf?.Invoke(station.Id) ?? world.Csms.Password,
            ConnectTimeout = world.Simulator.WaitTimeout,
        };
        var client = new Ocpp.Transport.OcppClient(options, Ocpp.Json.OcppActionTables.For(station.Version));
        try
        {
            var peer = await client.ConnectAsync().ConfigureAwait(false);
            await peer.DisposeAsync().ConfigureAwait(false);
            _lowerAttempt = (options.StationUrl, profile, null);
        }
        catch (Ocpp.Transport.OcppConnectException ex)
        {
            _lowerAttempt = (options.StationUrl, profile, ex.Message);
        }
    }

    /// <summary>
    /// Checks that the CSMS refused the station's connection with the lower security profile after it moved to a higher
    /// one (OCPP 2.0.1 A05: once upgraded, the CSMS no longer admits the station with a lower profile; TC_A_19 step 11).
    /// Fails when the CSMS accepted the WebSocket upgrade. Example: <c>Then the CSMS refused the station's connection
    /// with security profile 1</c>
    /// </summary>
    [Then("the CSMS refused the station's connection with security profile {int}")]
    public void RefusedLowerProfile(int profile)
    {
        var attempt = _lowerAttempt is { } a && a.Profile == profile ? a
            : throw new InvalidOperationException($"the station made no connection with security profile {profile}: use When the station tries to connect with security profile {profile} again first");
        var station = world.Simulator.Station();
        if (attempt.Refusal is null)
        {
            throw new TrafficAssertionException(
                $"after {station.Id} moved to a higher security profile the CSMS must no longer accept it with security profile {profile} (A05); it accepted the WebSocket upgrade at {attempt.Url}",
                world.Recorder.Query().Station(station.Id).Frames.TakeLast(2).ToList());
        }

        station.Log.Enqueue($"connection with security profile {profile} refused: {attempt.Refusal}");
    }

    /// <summary>
    /// A fault of the station: it cannot store a new Basic-auth password, so it answers SetVariables of
    /// SecurityCtrlr.BasicAuthPassword Rejected and keeps the one it has.
    /// Example: <c>Given the station cannot store a new Basic-auth password</c>
    /// </summary>
    [Given("the station cannot store a new Basic-auth password")]
    public void RefusesPassword() => Running(world.Simulator.Station()).Station.Configuration.RefusesNewPassword = true;

    /// <summary>
    /// A fault of the station: it cannot write a network connection profile, so it answers a valid SetNetworkProfile
    /// Failed (OCPP 2.0.1 B09.FR.03). Example: <c>Given the station cannot store network profiles</c>
    /// </summary>
    [Given("the station cannot store network profiles")]
    public void CannotStoreProfiles() => Running(world.Simulator.Station()).Station.NetworkProfiles.StorageFails = true;

    /// <summary>
    /// The station checks a certificate the CSMS signs for it against a CA that did not sign it, so it rejects the
    /// CSMS's CertificateSigned (and reports InvalidChargingStationCertificate).
    /// Example: <c>Given the station checks its new certificate against another CA</c>
    /// </summary>
    [Given("the station checks its new certificate against another CA")]
    public void ChecksAgainstOtherCa() => Running(world.Simulator.Station()).Station.Certificate.TrustedRoots = [security.OtherCa(Clock)];

    /// <summary>
    /// Before it connects, the station is given an invalid client certificate (security profile 3) of one kind:
    /// "expired" (yesterday), "for another station" (CN not its id) or "from an unknown CA" (a CA nobody trusts). The
    /// first two need the CA that signs station certificates, which only the embedded CSMS shares: against another CSMS
    /// those kinds are not applicable. Example: <c>Given the station presents a client certificate that is "expired"</c>
    /// </summary>
    [Given("the station presents a client certificate that is {string}")]
    public void InvalidClientCertificate(string kind)
    {
        if (security.Profile != 3)
        {
            throw new InvalidOperationException("a client certificate needs security profile 3: start with Given the CSMS uses security profile 3");
        }

        if (kind is "expired" or "for another station" && !world.Csms.IsEmbedded)
        {
            scenario.NotApplicable($"a client certificate that is {kind} but otherwise trusted needs the CA that signs the CSMS's station certificates; the target declaration gives only the CSMS's root");
        }

        var now = Clock.GetUtcNow();
        world.Simulator.ClientCertificateOf = kind switch
        {
            "expired" => id => security.ExpiredClient(Clock, id),
            "for another station" => id => security.ClientNamed(Clock, id + "-OTHER"),
            "from an unknown CA" => id => TestCertificates.IssueClient(security.OtherCa(Clock), id, now.AddMinutes(-5), now.AddDays(1)),
            _ => throw new ArgumentException($"'{kind}' is not a kind of invalid client certificate: expired, for another station, from an unknown CA"),
        };
    }

    /// <summary>
    /// After a refused attempt, the station stops trying and connects afresh with its valid client certificate (the
    /// declared one, or on the embedded CSMS one from the scenario CA), then boots.
    /// Example: <c>When the station connects again with its valid client certificate</c>
    /// </summary>
    [When("the station connects again with its valid client certificate")]
    public async Task ConnectAgainValid()
    {
        var station = world.Simulator.Station();
        if (station.Stop is { } stop)
        {
            await stop.CancelAsync().ConfigureAwait(false);
        }

        if (station.Running is { } running)
        {
            try
            {
                await running.ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or Ocpp.Transport.OcppConnectException)
            {
                // The refused attempts ended as they should.
            }
        }

        station.Runner = null;
        station.Running = null;
        station.Boot = null;
        station.ConnectError = null;
        var target = world.Target;
        world.Simulator.ClientCertificateOf = world.Csms.IsEmbedded ? id => security.Client(Clock, id) : id => TargetCertificates.ClientCertificate(target, id);
        await world.Simulator.StartAsync(station).ConfigureAwait(false);
    }

    /// <summary>
    /// The station closes its connection and connects again (no reboot), with whatever changed meanwhile: a password
    /// the CSMS set, its new certificate. Example: <c>When the station reconnects to the CSMS</c>
    /// </summary>
    [When("the station reconnects to the CSMS")]
    public void Reconnect()
    {
        var running = Running(world.Simulator.Station());
        MarkConnections("again");
        running.Station.RequestReconnect("the scenario asked it to connect again");
    }

    /// <summary>
    /// Checks that the CSMS took the station's next connection (after the CSMS's password change, or after <c>When the
    /// station reconnects to the CSMS</c>): the WebSocket upgrade succeeded with the credentials the station holds now
    /// (A01.FR.03: the new password once accepted, the old one when refused; A02: the new certificate) and the station
    /// is online again. Fails naming how the CSMS refused it (HTTP 401, a TLS failure).
    /// Example: <c>Then the CSMS accepted the station's reconnection</c>
    /// </summary>
    [Then("the CSMS accepted the station's reconnection")]
    public async Task AcceptedReconnection()
    {
        var station = world.Simulator.Station();
        var running = Running(station);
        var before = _connectionsBefore ?? throw new InvalidOperationException("nothing made the station reconnect: use When the station reconnects to the CSMS (or a CSMS action that does) first");
        using var timeout = new CancellationTokenSource(world.Simulator.WaitTimeout);
        while (!(running.Engine.Outbox.Connections > before && running.IsOnline) && !timeout.IsCancellationRequested)
        {
            await Task.Delay(50, CancellationToken.None).ConfigureAwait(false);
        }

        if (running.Engine.Outbox.Connections <= before || !running.IsOnline)
        {
            throw new TrafficAssertionException(
                $"the CSMS must accept the connection of {station.Id} {_reconnectWhy}; within {world.Simulator.WaitTimeout.TotalSeconds:0} s it did not ({station.ConnectError?.Message ?? "no connection came up"})",
                world.Recorder.Query().Station(station.Id).Frames.TakeLast(4).ToList());
        }

        station.Log.Enqueue(string.Create(CultureInfo.InvariantCulture, $"connected again {_reconnectWhy} (connection {running.Engine.Outbox.Connections})"));
    }

    /// <summary>
    /// Checks that the CSMS refused the station's connection attempt with an invalid client certificate (OCPP 2.0.1
    /// A00.FR.407: it terminates the connection): no WebSocket was opened, and the station saw a failed handshake or a
    /// refused upgrade. Fails when the CSMS upgraded the connection, quoting what the station then exchanged.
    /// Example: <c>Then the CSMS turned away the station's client certificate</c>
    /// </summary>
    [Then("the CSMS turned away the station's client certificate")]
    public void TurnedAwayCertificate()
    {
        var station = world.Simulator.Station();
        var exchanged = world.Recorder.Query().Station(station.Id).Frames;
        if (exchanged.Count > 0 || station.Boot is not null)
        {
            throw new TrafficAssertionException(
                $"the CSMS must terminate the connection of a station whose client certificate is invalid (A00.FR.407); it let {station.Id} in", exchanged);
        }

        if (station.ConnectError is null)
        {
            throw new TrafficAssertionException($"the CSMS must terminate the connection of a station whose client certificate is invalid (A00.FR.407); {station.Id}'s attempt neither failed nor came up", []);
        }

        station.Log.Enqueue($"client certificate refused: {station.ConnectError.Message}");
    }

    /// <summary>
    /// Checks the CSMS's part in the station's certificate (OCPP 2.0.1 A02): it answered the station's last
    /// SignCertificate with Accepted (A02.FR.11) and then sent CertificateSigned whose certificateChain is PEM, leaf
    /// first, for the key of the station's CSR and naming the station (CN), with certificateType
    /// ChargingStationCertificate when the request named it (A02.FR.14). Fails naming the rule, quoting the frames.
    /// Example: <c>Then the CSMS signed the station's certificate request</c>
    /// </summary>
    [Then("the CSMS signed the station's certificate request")]
    public async Task SignedRequest()
    {
        var station = world.Simulator.Station();
        var query = await Settled(
            q => q.Station(station.Id).Sent().Calls().Action("SignCertificate").Frames is { Count: > 0 } sent && q.AnswerTo(sent[^1]) is { } answer
                && (answer.MessageType != OcppMessageType.CallResult || q.Station(station.Id).Received().Calls().Action("CertificateSigned").Frames.Any(f => f.Sequence > sent[^1].Sequence)),
            $"{station.Id}'s SignCertificate and the CSMS's CertificateSigned").ConfigureAwait(false);
        var requests = query.Station(station.Id).Sent().Calls().Action("SignCertificate").Frames;
        var request = requests.Count > 0 ? requests[^1] : throw new TrafficAssertionException($"the station {station.Id} sent no SignCertificate within {world.Simulator.WaitTimeout.TotalSeconds:0} s of the CSMS's TriggerMessage", []);
        var response = query.AnswerTo(request)
            ?? throw new TrafficAssertionException($"the CSMS must answer SignCertificate (OCPP-J: every CALL gets its CALLRESULT); it left {request.MessageId} unanswered", [request]);
        var status = response.Payload is { } p && FrameFields.At(p, "status") is { } s ? FrameFields.Text(s) : null;
        if (response.MessageType != OcppMessageType.CallResult || status != "Accepted")
        {
            throw new TrafficAssertionException($"the CSMS must accept a SignCertificate it can process (A02.FR.11); it answered {(response.MessageType == OcppMessageType.CallResult ? $"status {status}" : $"with the error {response.ErrorCode}")}", [request, response]);
        }

        var signed = query.Station(station.Id).Received().Calls().Action("CertificateSigned").Frames.FirstOrDefault(f => f.Sequence > request.Sequence)
            ?? throw new TrafficAssertionException($"after accepting the SignCertificate the CSMS must send CertificateSigned with the signed certificate (A02); none came within {world.Simulator.WaitTimeout.TotalSeconds:0} s", [request, response]);
        var problem = ChainProblem(request, signed, station.Id);
        if (problem is not null)
        {
            throw new TrafficAssertionException($"the CSMS's CertificateSigned {problem}", [request, response, signed]);
        }
    }

    /// <summary>
    /// A precondition of a flow the CSMS started on its own: the station's answer to the CSMS's last CALL of the
    /// action (waiting for it) has the field value. It judges the station, not the CSMS.
    /// Example: <c>Then the station answered the CSMS's last "CertificateSigned" with "status" = "Accepted"</c>
    /// </summary>
    [Then("the station answered the CSMS's last {string} with {string} = {string}")]
    public async Task StationAnsweredLast(string action, string path, string value)
    {
        var station = world.Simulator.Station();
        var query = await Settled(
            q => q.Station(station.Id).Received().Calls().Action(action).Frames is { Count: > 0 } calls && q.AnswerTo(calls[^1]) is not null,
            $"{station.Id}'s answer to the CSMS's {action}").ConfigureAwait(false);
        var calls = query.Station(station.Id).Received().Calls().Action(action).Frames;
        var call = calls.Count > 0 ? calls[^1] : throw new TrafficAssertionException($"the CSMS sent no {action} to {station.Id} within {world.Simulator.WaitTimeout.TotalSeconds:0} s", []);
        var answer = query.AnswerTo(call) ?? throw new TrafficAssertionException($"the station did not answer the CSMS's {action}", [call]);
        var field = answer.Payload is { } p ? FrameFields.At(p, path) : null;
        if (field is not { } actual || !FrameFields.Matches(actual, value))
        {
            throw new TrafficAssertionException($"expected the station to answer the CSMS's {action} with {path} = {value}; it answered {(field is { } f ? FrameFields.Text(f) : "without it")}", [call, answer]);
        }
    }

    // What is wrong with the chain a CertificateSigned carries for a SignCertificate, or null.
    private static string? ChainProblem(RecordedFrame request, RecordedFrame signed, string stationId)
    {
        var chainText = signed.Payload is { } p && FrameFields.At(p, "certificateChain") is { ValueKind: JsonValueKind.String } c ? c.GetString() : null;
        var certificates = new X509Certificate2Collection();
        try
        {
            certificates.ImportFromPem(chainText ?? "");
        }
        catch (CryptographicException ex)
        {
            return $"must carry the signed certificate as PEM (A02); its certificateChain does not parse ({ex.Message})";
        }

        if (certificates.Count == 0)
        {
            return "must carry the signed certificate as PEM, leaf first (A02); its certificateChain holds none";
        }

        var leaf = certificates[0];
        var csrText = request.Payload is { } r && FrameFields.At(r, "csr") is { ValueKind: JsonValueKind.String } csr ? csr.GetString() : null;
        try
        {
            var asked = CertificateRequest.LoadSigningRequestPem(csrText ?? "", HashAlgorithmName.SHA256, CertificateRequestLoadOptions.SkipSignatureValidation);
            if (!asked.PublicKey.EncodedKeyValue.RawData.AsSpan().SequenceEqual(leaf.PublicKey.EncodedKeyValue.RawData))
            {
                return $"must carry a certificate for the key of the station's CSR (A02); its leaf {leaf.Subject} is for another key";
            }
        }
        catch (CryptographicException)
        {
            // The station's own CSR is ours; a CSR we cannot read leaves the key unchecked.
        }

        if (leaf.GetNameInfo(X509NameType.SimpleName, false) != stationId)
        {
            return $"must carry a certificate whose CN is the station id {stationId} (A00.FR.405); its leaf is {leaf.Subject}";
        }

        var askedType = request.Payload is { } q && FrameFields.At(q, "certificateType") is { } t ? FrameFields.Text(t) : null;
        var sentType = signed.Payload is { } s && FrameFields.At(s, "certificateType") is { } u ? FrameFields.Text(u) : null;
        return askedType is not null && sentType != askedType
            ? $"must name the certificateType of the SignCertificate, {askedType} (A02.FR.14); it has {sentType ?? "none"}"
            : null;
    }

    /// <summary>Counts the station's connections so far: the next one is the reconnection <c>the CSMS accepted the station's reconnection</c> checks.</summary>
    internal void MarkConnections(string why)
    {
        var running = Running(world.Simulator.Station());
        _connectionsBefore = running.Engine.Outbox.Connections;
        _reconnectWhy = why;
    }

    private static StationRunner Running(StationUnderTest station) =>
        station.Runner ?? throw new InvalidOperationException($"station {station.Id} is not running: start with Given the station is Booted");

    private async Task<TrafficQuery> Settled(Func<TrafficQuery, bool> condition, string expectation)
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
