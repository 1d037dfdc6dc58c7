using System.Globalization;
using DerSim.Gherkin.Glue;
using DerSim.Harness.Drivers;
using DerSim.Harness.Drivers.Csms;
using DerSim.Harness.Security;
using DerSim.Harness.Traffic;
using DerSim.Ocpp.Rpc;
using DerSim.Sim.Engine;
using DerSim.Sim.Runtime;
using Reqnroll;

namespace DerSim.Harness.Steps;

/// <summary>
/// The OCPP 2.1 Core and Smart Charging cases that 2.0.1 does not have: a power loss and a reset that resume the
/// transaction (E17, B12 ImmediateAndResume), a limit set at the station (E16) and the default tariff its cost is
/// calculated with (I-block), the 2.1 fields of SetNetworkProfile
/// (identity, basicAuthPassword), of a charging profile (maxOfflineDuration, randomizedDelay) and a log upload with
/// credentials; and the CSMS-side checks they need.
/// </summary>
[Binding]
public sealed class V21CoreCaseSteps(ScenarioWorld world, ScenarioContext scenario, ScenarioCaRoots roots)
{
    private Uri? _secureUploads;

    /// <summary>
    /// The station loses power for a while: its connection goes, its running transactions are interrupted (no energy),
    /// and when the power is back it boots again (BootNotification reason PowerUp), reports its connectors and resumes
    /// the transactions within TxCtrlr.TxResumptionTimeout (2.1 E17: TransactionEvent Updated, triggerReason TxResumed)
    /// or ends them; TxProfiles are lost. Not applicable when the station connects over TLS directly (the harness
    /// cannot cut that connection). Example: <c>When the station loses power for 30 s</c>
    /// </summary>
    [When("the station loses power for {int} s")]
    public async Task LosesPower(int seconds)
    {
        var station = world.Simulator.Station();
        if (station.Link is null && station.Runner is not null)
        {
            scenario.NotApplicable("the station connects to this CSMS over TLS directly, so the harness cannot cut its power and network");
        }

        await world.Simulator.PowerLossAsync(station, TimeSpan.FromSeconds(seconds)).ConfigureAwait(false);
    }

    /// <summary>
    /// The driver chooses at the station to take at most this much energy (2.1 E16): the station reports the limit at
    /// once (TransactionEvent Updated, triggerReason LimitSet, transactionInfo.transactionLimit.maxEnergy) and ends the
    /// transaction when it is reached (triggerReason and stoppedReason EnergyLimitReached).
    /// Example: <c>When the driver sets an energy limit of 500 Wh at the station on EVSE 1</c>
    /// </summary>
    [When("the driver sets an energy limit of {int} Wh at the station on EVSE {int}")]
    public Task EnergyLimit(int wh, int evseId) => SetLimit(evseId, new TransactionLimit(wh, null));

    /// <summary>
    /// The driver chooses at the station to charge at most this long, counted from the transaction's start (2.1 E16):
    /// the station reports it (LimitSet, transactionLimit.maxTime) and ends the transaction then (TimeLimitReached).
    /// Example: <c>When the driver sets a time limit of 120 s at the station on EVSE 1</c>
    /// </summary>
    [When("the driver sets a time limit of {int} s at the station on EVSE {int}")]
    public Task TimeLimit(int seconds, int evseId) => SetLimit(evseId, new TransactionLimit(null, seconds));

    /// <summary>
    /// The driver chooses at the station to spend at most this much on the transaction, in the currency of the tariff
    /// that prices it (2.1 E16 with local cost calculation): the station reports the limit (LimitSet,
    /// transactionLimit.maxCost, with the cost so far in costDetails), reports the running cost (RunningCost) and ends
    /// the transaction when the cost it calculates reaches the limit (triggerReason CostLimitReached). Needs a tariff
    /// pricing the transaction: start it after <c>When the CSMS sets a default tariff of …</c>.
    /// Example: <c>When the driver sets a cost limit of 2.00 at the station on EVSE 1</c>
    /// </summary>
    [When("the driver sets a cost limit of {float} at the station on EVSE {int}")]
    public Task CostLimit(float cost, int evseId)
    {
        if (Running(world.Simulator.Station()).Engine.TransactionOn(evseId) is { Tariff: null })
        {
            throw new InvalidOperationException($"no tariff prices the transaction on EVSE {evseId}, so the station cannot calculate its cost: the station took no default tariff before the transaction started");
        }

        return SetLimit(evseId, new TransactionLimit(null, null, (decimal)cost));
    }

    /// <summary>
    /// OCPP 2.1 I-block: the CSMS sends SetDefaultTariff for an EVSE with a tariff of that price per minute of charging
    /// time in that currency (tariff.chargingTime, one price without tax, no conditions; the tariffId is the CSMS's),
    /// which the station prices the EVSE's next transactions with (local cost calculation).
    /// Example: <c>When the CSMS sets a default tariff of 1.00 EUR per minute of charging time on EVSE 1</c>
    /// </summary>
    [When("the CSMS sets a default tariff of {float} {word} per minute of charging time on EVSE {int}")]
    public Task DefaultTariff(float perMinute, string currency, int evseId)
    {
        var station = world.Simulator.Station();
        return Perform(new SetDefaultTariffCommand(station.Id, station.Version, evseId, "DERSIM-TARIFF-1", currency, PricePerMinute: (decimal)perMinute));
    }

    /// <summary>
    /// OCPP 2.1 B09: the CSMS sends SetNetworkProfile for a configuration slot with a profile for the CSMS the station
    /// uses now, at security profile 1 or the station's higher one, with connectionData.identity (the station's id)
    /// and connectionData.basicAuthPassword (the station's declared Basic-auth password, else one made up for the
    /// case). Example: <c>When the CSMS sets the network profile of slot 2 to its own URL with an identity and a password</c>
    /// </summary>
    [When("the CSMS sets the network profile of slot {int} to its own URL with an identity and a password")]
    public async Task NetworkProfileWithCredentials(int slot)
    {
        var station = world.Simulator.Station();
        var running = Running(station);
        var url = await world.Csms.UrlAsync().ConfigureAwait(false);
        var password = world.Simulator.PasswordOf?.Invoke(station.Id) ?? world.Csms.Password ?? MadeUpPassword(station.Id);
        var profile = Math.Max(1, running.Station.NetworkProfiles.CurrentSecurityProfile);
        await Perform(new SetNetworkProfileCommand(station.Id, station.Version, slot, url.ToString().TrimEnd('/'), profile, Identity: station.Id, BasicAuthPassword: password))
            .ConfigureAwait(false);
    }

    /// <summary>
    /// OCPP 2.1 B09: instead of SetNetworkProfile, the CSMS adds a network configuration with SetVariables of the
    /// NetworkConfiguration component whose instance is the configuration slot: OcppCsmsUrl the CSMS URL the station
    /// uses now, OcppInterface Wired0, OcppTransport JSON, MessageTimeout 30, SecurityProfile the station's current one,
    /// and ApnEnabled and VpnEnabled false, in one request (the variables in any order).
    /// Example: <c>When the CSMS adds a network configuration in slot 2 for its own URL with SetVariables</c>
    /// </summary>
    [When("the CSMS adds a network configuration in slot {int} for its own URL with SetVariables")]
    public async Task NetworkConfiguration(int slot)
    {
        var station = world.Simulator.Station();
        var running = Running(station);
        var url = await world.Csms.UrlAsync().ConfigureAwait(false);
        await Perform(new SetNetworkConfigurationCommand(station.Id, station.Version, slot, url.ToString().TrimEnd('/'), running.Station.NetworkProfiles.CurrentSecurityProfile))
            .ConfigureAwait(false);
    }

    /// <summary>
    /// OCPP 2.1 K01: the CSMS sends SetChargingProfile with an Absolute profile of that purpose on an EVSE (one period
    /// from 0 with the limit in A or W, starting now, stack level 0) that stays valid for at most that long once the
    /// station is offline, and then is invalid for good (maxOfflineDuration, invalidAfterOfflineDuration true).
    /// Example: <c>When the CSMS sets a "TxDefaultProfile" of 16 A on EVSE 1 valid for 60 s offline</c>
    /// </summary>
    [When("the CSMS sets a {string} of {float} {word} on EVSE {int} valid for {int} s offline")]
    public Task ProfileWithMaxOffline(string purpose, float limit, string unit, int evseId, int seconds) =>
        Perform(Absolute(purpose, limit, unit, evseId) with { MaxOfflineDuration = seconds, InvalidAfterOfflineDuration = true });

    /// <summary>
    /// OCPP 2.1 K01: the CSMS sends SetChargingProfile with an Absolute profile of that purpose on an EVSE whose
    /// schedule is in the station's local time and whose periods the station delays by a random amount of at most that
    /// many seconds (useLocalTime true, randomizedDelay).
    /// Example: <c>When the CSMS sets a "TxDefaultProfile" of 16 A on EVSE 1 with a randomized delay of up to 300 s</c>
    /// </summary>
    [When("the CSMS sets a {string} of {float} {word} on EVSE {int} with a randomized delay of up to {int} s")]
    public Task ProfileWithRandomizedDelay(string purpose, float limit, string unit, int evseId, int seconds) =>
        Perform(Absolute(purpose, limit, unit, evseId) with { RandomizedDelay = seconds, UseLocalTime = true });

    /// <summary>
    /// OCPP 2.1 N01: the CSMS sends GetLog for a log type, the log to go to the scenario's file server, which asks for
    /// HTTP Basic authentication: the user name and password (made up for the scenario) are in log.remoteLocation
    /// (<c>http://user:password@host/…</c>), the way the station learns them.
    /// Example: <c>When the CSMS asks for the "DiagnosticsLog" to be uploaded to the scenario's file server with credentials in the URL</c>
    /// </summary>
    [When("the CSMS asks for the {string} to be uploaded to the scenario's file server with credentials in the URL")]
    public async Task GetLogWithCredentials(string logType)
    {
        var station = world.Simulator.Station();
        var (user, password) = ("dersim-upload", MadeUpPassword(station.Id));
        world.Files.UploadCredentials = (user, password);
        var folder = await world.Files.UploadFolderAsync().ConfigureAwait(false);
        var location = new UriBuilder(folder) { UserName = user, Password = password }.Uri;
        await Perform(new GetLogCommand(station.Id, station.Version, logType, location.ToString(), world.CsmsExchanges.Count(e => e.Kind == CsmsActionKind.GetLog) + 1))
            .ConfigureAwait(false);
    }

    /// <summary>
    /// The scenario's file server gets an HTTPS listener on 127.0.0.1 with a certificate for that address from a CA the
    /// scenario makes, and the station trusts that CA the way an operator sets it up: the CA's root is put in the
    /// station's CA store as a CSMSRootCertificate (the roots the station checks its servers against), without the CSMS.
    /// Needs the station connected (OCPP 2.x). Example: <c>Given the station trusts the CA of the scenario's HTTPS file server</c>
    /// </summary>
    [Given("the station trusts the CA of the scenario's HTTPS file server")]
    public async Task TrustsSecureFileServer()
    {
        var station = Running(world.Simulator.Station()).Station;
        var now = world.Simulator.Clock.Time.GetUtcNow();
        var root = roots.Make("FileServerRootCertificate", now);
        var server = TestCertificates.IssueServer(root, ["127.0.0.1"], now.AddDays(-1), now.AddDays(365));
        var installed = station.CaCertificates.Install("CSMSRootCertificate", TestCertificates.CertificatePem(root), now);
        if (installed != DerSim.Sim.StationModel.InstallCertificateOutcome.Accepted)
        {
            throw new InvalidOperationException($"the station did not take the file server's CA: {installed}");
        }

        // The file server owns the certificate from here on.
        _secureUploads = await world.Files.SecureUploadFolderAsync(server).ConfigureAwait(false);
    }

    /// <summary>
    /// OCPP 2.1 N01 (TC_N_103): the CSMS sends GetLog for that log type with a requestId, its remoteLocation the HTTPS
    /// upload folder of the scenario's file server with a user name and password in the URL (the file server then asks
    /// for exactly those as HTTP Basic authentication). Needs <c>Given the station trusts the CA of the scenario's HTTPS file server</c>.
    /// Example: <c>When the CSMS asks for the "DiagnosticsLog" to be uploaded to the scenario's HTTPS file server with credentials in the URL</c>
    /// </summary>
    [When("the CSMS asks for the {string} to be uploaded to the scenario's HTTPS file server with credentials in the URL")]
    public async Task GetLogOverHttpsWithCredentials(string logType)
    {
        var station = world.Simulator.Station();
        var folder = _secureUploads ?? throw new InvalidOperationException("the HTTPS file server is not set up: start with Given the station trusts the CA of the scenario's HTTPS file server");
        var (user, password) = ("dersim-upload", MadeUpPassword(station.Id));
        world.Files.UploadCredentials = (user, password);
        var location = new UriBuilder(folder) { UserName = user, Password = password }.Uri;
        await Perform(new GetLogCommand(station.Id, station.Version, logType, location.ToString(), world.CsmsExchanges.Count(e => e.Kind == CsmsActionKind.GetLog) + 1))
            .ConfigureAwait(false);
    }

    /// <summary>
    /// Checks that the station sent a CALL of the action with that field value and that the CSMS answered it with a
    /// CALLRESULT whose payload has no such field (e.g. a CSMS that takes the limit the station set answers LimitSet
    /// without a transactionLimit of its own, 2.1 E16). Fails quoting the CALL and the answer.
    /// Example: <c>Then the CSMS answered the "TransactionEvent" whose "triggerReason" is "LimitSet" without "transactionLimit"</c>
    /// </summary>
    [Then("the CSMS answered the {string} whose {string} is {string} without {string}")]
    public async Task AnsweredWhoseWithout(string action, string path, string value, string absent)
    {
        var what = $"{action} whose {path} is {value}";
        var rule = $"rule: the CSMS answers the {what} with a CALLRESULT without {absent}";
        var query = await world.Simulator.WaitForAsync(q => q.Sent().Calls().Action(action).With(path, value).Count > 0, $"a {what} from the station").ConfigureAwait(false);
        var call = query.Sent().Calls().Action(action).With(path, value).Frames[^1];
        var settled = await AnswerAsync(call).ConfigureAwait(false);
        var answer = settled.AnswerTo(call);
        if (answer is not { MessageType: OcppMessageType.CallResult })
        {
            throw new TrafficAssertionException($"{rule}; it answered {call.MessageId} with {answer?.ErrorCode ?? answer?.MessageType.ToString() ?? "nothing in time"}", answer is null ? [call] : [call, answer]);
        }

        if (answer.Payload is { } payload && FrameFields.At(payload, absent) is { } found)
        {
            throw new TrafficAssertionException($"{rule}; its answer to {call.MessageId} has {absent} = {FrameFields.Text(found)}", [call, answer]);
        }
    }

    /// <summary>
    /// Checks that after the station's CALL of one action with a field value (waiting for it), the CSMS soon sent a
    /// CALL of another action with a field value (e.g. 2.1 E17: the TxProfile set again once the station resumed the
    /// transaction). Fails quoting what the CSMS sent after the station's CALL.
    /// Example: <c>Then after the station's "TransactionEvent" whose "triggerReason" is "TxResumed" the CSMS soon sends a "SetChargingProfile" with "chargingProfile.chargingProfilePurpose" = "TxProfile"</c>
    /// </summary>
    [Then("after the station's {string} whose {string} is {string} the CSMS soon sends a/an {string} with {string} = {string}")]
    public async Task CsmsSendsAfter(string stationAction, string stationPath, string stationValue, string csmsAction, string path, string value)
    {
        var station = world.Simulator.Station();
        var trigger = $"{stationAction} whose {stationPath} is {stationValue}";
        var rule = $"rule: after the station's {trigger} the CSMS sends {csmsAction} with {path} = {value}";
        var first = (await world.Simulator.WaitForAsync(q => q.Station(station.Id).Sent().Calls().Action(stationAction).With(stationPath, stationValue).Count > 0, $"a {trigger} from the station").ConfigureAwait(false))
            .Station(station.Id).Sent().Calls().Action(stationAction).With(stationPath, stationValue).Frames[0];
        TrafficQuery After(TrafficQuery q) => q.Station(station.Id).Received().Calls().Action(csmsAction).Where(f => f.Sequence > first.Sequence, $"after {first.MessageId}");
        try
        {
            await world.Simulator.WaitForAsync(q => After(q).With(path, value).Count > 0, $"{csmsAction} with {path} = {value} from the CSMS after the {trigger}").ConfigureAwait(false);
        }
        catch (TrafficAssertionException)
        {
            var sent = After(world.Recorder.Query());
            throw new TrafficAssertionException($"{rule}; it sent {sent.Count} {csmsAction} after it within {world.Simulator.WaitTimeout.TotalSeconds:0} s, none with {path} = {value}", [first, .. sent.Frames]);
        }
    }

    private async Task SetLimit(int evseId, TransactionLimit limit)
    {
        var running = Running(world.Simulator.Station());
        if (!await running.Engine.SetLimitAsync(evseId, limit, CancellationToken.None).WaitAsync(world.Simulator.WaitTimeout).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"no transaction runs on EVSE {evseId}: start with Given EVSE {evseId} is EnergyTransferStarted with the valid token");
        }
    }

    private SetChargingProfileCommand Absolute(string purpose, float limit, string unit, int evseId)
    {
        var station = world.Simulator.Station();
        var now = Running(station).Clock.Time.GetUtcNow();
        var command = unit switch
        {
            "W" => new SetChargingProfileCommand(station.Id, station.Version, purpose, evseId, LimitW: (decimal)limit, ProfileId: 301),
            "A" => new SetChargingProfileCommand(station.Id, station.Version, purpose, evseId, LimitW: null, LimitA: (decimal)limit, ProfileId: 301),
            _ => throw new ArgumentException($"'{unit}' is not a charging rate unit: A or W"),
        };
        return command with { ProfileKind = "Absolute", StartSchedule = now };
    }

    // A passwordString (16 to 40 of letters, digits and *-_=:+|@.) for the scenario, from the station id.
    private static string MadeUpPassword(string stationId) =>
        "DerSim-" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(stationId)))[..16].ToLower(CultureInfo.InvariantCulture);

    private async Task<TrafficQuery> AnswerAsync(RecordedFrame call)
    {
        try
        {
            return await world.Simulator.WaitForAsync(q => q.AnswerTo(call) is not null, "the CSMS's answer").ConfigureAwait(false);
        }
        catch (TrafficAssertionException)
        {
            return world.Recorder.Query();
        }
    }

    private static StationRunner Running(StationUnderTest station) =>
        station.Runner ?? throw new InvalidOperationException($"station {station.Id} is not running: start with Given the station is Booted");

    private Task Perform(CsmsCommand command) => CsmsPerform.RunAsync(world, scenario, command);
}
