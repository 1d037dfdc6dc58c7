using System.Text.Json;
using System.Text.RegularExpressions;
using DerSim.Gherkin.Glue;
using DerSim.Harness.Drivers;
using DerSim.Harness.Drivers.Csms;
using DerSim.Harness.Traffic;
using DerSim.Ocpp;
using DerSim.Ocpp.Transport;
using Reqnroll;

namespace DerSim.Harness.Steps;

/// <summary>
/// The OCA cases of the OCPP 1.6 security extension (TC_073 to TC_088): the CSMS actions only the extension has
/// (ExtendedTriggerMessage), the WebSocket subprotocol negotiation of OCPP-J, and general checks of a field's form in
/// the CSMS's CALL. The rest of these cases reuse the 2.x security, certificate, log and firmware steps, whose commands
/// speak 1.6 too.
/// </summary>
[Binding]
public sealed class V16SecurityCaseSteps(ScenarioWorld world, ScenarioContext scenario, SecurityCaseSteps security)
{
    private (string Offered, string? Selected, string? Refusal)? _negotiation;

    /// <summary>
    /// Makes the CSMS send the 1.6 security extension's ExtendedTriggerMessage for that message (SignChargePointCertificate,
    /// LogStatusNotification, FirmwareStatusNotification, BootNotification, Heartbeat, MeterValues, StatusNotification),
    /// about the whole charge point (no connectorId).
    /// Example: <c>When the CSMS triggers a "SignChargePointCertificate" with ExtendedTriggerMessage</c>
    /// </summary>
    [When("the CSMS triggers a/an {string} with ExtendedTriggerMessage")]
    public Task ExtendedTrigger(string message)
    {
        var station = world.Simulator.Station();
        return CsmsPerform.RunAsync(world, scenario, new TriggerMessageCommand(station.Id, station.Version, message) { Extended = true });
    }

    /// <summary>
    /// OCPP 1.6 has no message giving a station a CSMS URL: the station's installer sets up where it connects with a
    /// higher security profile (whitepaper 1.2). The running station is given the CSMS's URL for that profile (see
    /// <c>Given the CSMS also serves security profile 2</c>) as a network profile in the slot; a CSMS that raises its
    /// SecurityProfile key and resets it moves it there. The station's next connection is expected on that profile.
    /// Example: <c>Given the station holds the CSMS's security profile 2 URL in slot 2</c>
    /// </summary>
    [Given("the station holds the CSMS's security profile {int} URL in slot {int}")]
    public async Task HoldsUpgradeUrl(int profile, int slot)
    {
        var station = world.Simulator.Station();
        await world.Csms.UrlAsync().ConfigureAwait(false);
        var url = world.Csms.Embedded?.UpgradeUrl
            ?? throw new InvalidOperationException($"the CSMS serves no URL for security profile {profile}: start with Given the CSMS also serves security profile {profile}");
        var running = station.Runner ?? throw new InvalidOperationException($"station {station.Id} is not running: start with Given the station is Booted");
        var (outcome, why) = running.Station.NetworkProfiles.Store(slot, new Sim.StationModel.NetworkProfile(url.ToString().TrimEnd('/'), profile, "Wired0", "JSON", 30, "OCPP16"));
        if (outcome != Sim.StationModel.NetworkProfileOutcome.Accepted)
        {
            throw new InvalidOperationException($"the station did not take the security profile {profile} URL: {why}");
        }

        security.MarkConnections($"with security profile {profile} after its reboot");
    }

    /// <summary>
    /// Checks the form of the Basic-auth password the CSMS last set (1.6 security whitepaper: AuthorizationKey holds the
    /// password hex-encoded, 16 to 20 bytes, at most 40 hex digits; TC_073 step 1). The recorded traffic hides
    /// passwords, so the value checked is the one the station received and stored. Fails when the station did not take
    /// a new password (quoting the CSMS's call and the station's answer) or the value has another form.
    /// Example: <c>Then the CSMS's new Basic-auth password is 16 to 20 bytes in hex</c>
    /// </summary>
    [Then("the CSMS's new Basic-auth password is {int} to {int} bytes in hex")]
    public void PasswordForm(int min, int max)
    {
        var station = world.Simulator.Station();
        var exchange = CsmsPerform.Latest(world, station.Version == OcppVersion.V16 ? "ChangeConfiguration" : "SetVariables");
        var stored = station.Runner?.Station.BasicAuthPassword;
        if (stored is null)
        {
            throw new TrafficAssertionException($"the station holds no password from the CSMS's {exchange.Call.Action}: it could not take the value (see its answer)", [exchange.Call, exchange.Answer]);
        }

        if (!Regex.IsMatch(stored, "^(?:[0-9A-Fa-f]{2})+$", RegexOptions.None, TimeSpan.FromSeconds(1)) || stored.Length / 2 < min || stored.Length / 2 > max)
        {
            throw new TrafficAssertionException(
                $"the Basic-auth password the CSMS sets must be {min} to {max} bytes, hex-encoded (1.6 security whitepaper, AuthorizationKey); its value has {stored.Length} characters{(Regex.IsMatch(stored, "^[0-9A-Fa-f]*$") ? "" : ", not all hex digits")}",
                [exchange.Call]);
        }
    }

    /// <summary>
    /// The station opens a WebSocket connection of its own to the CSMS (with its credentials: Basic auth, TLS, client
    /// certificate as the scenario set up) offering exactly those subprotocols, comma-separated, in that order
    /// (Sec-WebSocket-Protocol), and closes it again at once; its running connection stays. What the CSMS did is judged
    /// by the next steps. Example: <c>When the station connects offering the subprotocols "ocpp0.1,ocpp1.6"</c>
    /// </summary>
    [When("the station connects offering the subprotocols {string}")]
    public async Task ConnectOffering(string subprotocols)
    {
        var station = world.Simulator.Station();
        var url = await world.Csms.UrlAsync().ConfigureAwait(false);
        var offered = subprotocols.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var options = new OcppClientOptions
        {
            Url = url,
            StationId = station.Id,
            Version = station.Version,
            OfferedSubprotocols = offered,
            BasicAuthPassword = world.Simulator.PasswordOf?.Invoke(station.Id) ?? world.Csms.Password,
            TrustedCaCertificate = world.Simulator.TrustedCa,
            ClientCertificate = world.Simulator.ClientCertificateOf?.Invoke(station.Id),
            ConnectTimeout = world.Simulator.WaitTimeout,
        };
        var client = new OcppClient(options, Ocpp.Json.OcppActionTables.For(station.Version));
        try
        {
            var peer = await client.ConnectAsync().ConfigureAwait(false);
            await peer.DisposeAsync().ConfigureAwait(false);
            _negotiation = (subprotocols, station.Version.Subprotocol(), null);
        }
        catch (OcppConnectException ex) when (ex.Failure == OcppConnectFailure.Subprotocol)
        {
            // Upgraded, but with another subprotocol (or none) than the version's.
            var answered = Regex.Match(ex.Message, @"answered: ([^)]*)\)").Groups[1].Value;
            _negotiation = (subprotocols, answered is "" or "none" ? "" : answered, null);
        }
        catch (OcppConnectException ex)
        {
            _negotiation = (subprotocols, null, ex.Message);
        }

        station.Log.Enqueue($"connection offering {subprotocols}: {(_negotiation.Value.Refusal is { } why ? "refused, " + why : "upgraded with " + (_negotiation.Value.Selected is { Length: > 0 } p ? p : "no subprotocol"))}");
    }

    /// <summary>
    /// Checks that the CSMS did not upgrade the station's connection that offered only subprotocols it does not support
    /// (OCPP-J 1.6 §3.1.2, TC_088 step 2): an upgrade, even without a subprotocol, fails the check.
    /// Example: <c>Then the CSMS did not upgrade the connection</c>
    /// </summary>
    [Then("the CSMS did not upgrade the connection")]
    public void NotUpgraded()
    {
        var attempt = _negotiation ?? throw new InvalidOperationException("no connection was offered subprotocols: use When the station connects offering the subprotocols \"…\" first");
        if (attempt.Refusal is null)
        {
            throw new TrafficAssertionException(
                $"OCPP-J: a CSMS that supports none of the subprotocols offered ({attempt.Offered}) must not upgrade the connection; it upgraded it with {(attempt.Selected is { Length: > 0 } p ? $"subprotocol {p}" : "no subprotocol")}", []);
        }
    }

    /// <summary>
    /// Checks that the CSMS upgraded the connection and answered Sec-WebSocket-Protocol with that subprotocol, the one
    /// it supports among those offered (OCPP-J 1.6 §3.1.2, TC_088 step 4).
    /// Example: <c>Then the CSMS upgraded the connection with the subprotocol "ocpp1.6"</c>
    /// </summary>
    [Then("the CSMS upgraded the connection with the subprotocol {string}")]
    public void UpgradedWith(string subprotocol)
    {
        var attempt = _negotiation ?? throw new InvalidOperationException("no connection was offered subprotocols: use When the station connects offering the subprotocols \"…\" first");
        if (attempt.Refusal is { } why)
        {
            throw new TrafficAssertionException($"OCPP-J: offered {attempt.Offered}, the CSMS must upgrade the connection selecting {subprotocol}; it refused it ({why})", []);
        }

        if (attempt.Selected != subprotocol)
        {
            throw new TrafficAssertionException(
                $"OCPP-J: offered {attempt.Offered}, the CSMS must answer Sec-WebSocket-Protocol: {subprotocol}; it answered {(attempt.Selected is { Length: > 0 } p ? p : "without the header")}", []);
        }
    }
}
