using DerSim.Harness.Drivers;
using DerSim.Gherkin.Glue;
using Reqnroll;
using DerSim.Harness.Security;
using DerSim.Harness.Traffic;

namespace DerSim.Harness.Steps;

/// <summary>
/// OCPP security profiles: 1 Basic auth over ws://, 2 Basic auth over TLS, 3 client certificates over TLS. On the
/// embedded CSMS a scenario sets the profile up with throw-away certificates; against a CSMS under test it runs only in
/// the profile its target declaration names, with the declared passwords, CA and client certificates.
/// </summary>
[Binding]
public sealed class SecuritySteps(ScenarioWorld world, ScenarioContext scenario, ScenarioSecurity security)
{
    // TLS handshakes happen in real time, so certificates are valid by the real clock.
    private static readonly TimeProvider Clock = TimeProvider.System;

    /// <summary>
    /// The CSMS uses the given security profile (1, 2 or 3). The embedded CSMS is set up with it: profile 1 asks Basic
    /// auth (the declared passwords, else a random one), 2 adds TLS with a server certificate from a throw-away CA the
    /// stations trust, 3 requires client certificates from that CA whose CN is the station id instead of passwords.
    /// Against a CSMS under test the scenario is not applicable unless the target declares this profile.
    /// Example: <c>Given the CSMS uses security profile 2</c>
    /// </summary>
    [Given("the CSMS uses security profile {int}")]
    public void UsesProfile(int profile)
    {
        if (profile is < 1 or > 3)
        {
            throw new ArgumentException($"security profile {profile}: expected 1, 2 or 3");
        }

        security.Profile = profile;
        if (!world.Csms.IsEmbedded)
        {
            if (world.Target.SecurityProfile != profile)
            {
                scenario.NotApplicable($"the target declares security profile {world.Target.SecurityProfile}, not {profile}");
            }

            return;
        }

        var target = world.Target;
        var shared = target.Password ?? security.NewPassword();
        ClientCertificatePolicy? policy = null;
        if (profile == 3)
        {
            policy = new ClientCertificatePolicy(security.Ca(Clock), Clock);
            policy.Refused += security.Refusals.Enqueue;
        }

        var server = profile >= 2 ? security.Server(Clock, "127.0.0.1", "localhost") : null;
        world.Csms.ConfigureReference(o => o with
        {
            Password = profile < 3 ? shared : null,
            Passwords = profile < 3 ? target.Passwords : System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty,
            ServerCertificate = server,
            RequireClientCertificate = profile == 3,
            ClientCertificateValidation = policy is null ? null : policy.Validate,
            CertificateAuthority = profile == 3 ? security.Ca(Clock) : null,
        });
        world.Simulator.PasswordOf = profile < 3 ? id => target.PasswordOf(id) ?? shared : null;
        world.Simulator.TrustedCa = profile >= 2 ? security.Ca(Clock) : null;
        world.Simulator.ClientCertificateOf = profile == 3 ? id => security.Client(Clock, id) : null;
    }

    /// <summary>
    /// The embedded CSMS presents a server certificate from the trusted CA that names another host, so the station's
    /// host-name check must fail. Example: <c>Given the CSMS presents a certificate for another host</c>
    /// </summary>
    [Given("the CSMS presents a certificate for another host")]
    public void ServerForAnotherHost()
    {
        RequireEmbedded("a CSMS certificate for another host");
        RequireProfile(2, "a server certificate");
        world.Csms.ConfigureReference(o => o with { ServerCertificate = security.Server(Clock, "csms.invalid") });
    }

    /// <summary>
    /// The station trusts only a CA that did not sign the CSMS's certificate. Example: <c>Given the station trusts another CA</c>
    /// </summary>
    [Given("the station trusts another CA")]
    public void TrustsAnotherCa()
    {
        RequireProfile(2, "a CA to trust");
        world.Simulator.TrustedCa = security.OtherCa(Clock);
    }

    /// <summary>
    /// The station presents a client certificate that expired yesterday (otherwise as its own: CN = station id).
    /// Example: <c>Given the station's client certificate has expired</c>
    /// </summary>
    [Given("the station's client certificate has expired")]
    public void ExpiredClient()
    {
        RequireProfile(3, "a client certificate");
        world.Simulator.ClientCertificateOf = id => security.ExpiredClient(Clock, id);
    }

    /// <summary>
    /// The station presents a valid client certificate whose CN names another station.
    /// Example: <c>Given the station's client certificate names another station</c>
    /// </summary>
    [Given("the station's client certificate names another station")]
    public void ClientForAnotherStation()
    {
        RequireProfile(3, "a client certificate");
        world.Simulator.ClientCertificateOf = id => security.ClientNamed(Clock, id + "-OTHER");
    }

    /// <summary>
    /// The station sends a Basic-auth password other than the one the CSMS expects of it.
    /// Example: <c>Given the station presents a wrong password</c>
    /// </summary>
    [Given("the station presents a wrong password")]
    public void WrongPassword()
    {
        if (security.Profile is not (1 or 2))
        {
            throw new InvalidOperationException("a wrong password needs Basic auth: start with Given the CSMS uses security profile 1 (or 2)");
        }

        var right = world.Simulator.PasswordOf;
        world.Simulator.PasswordOf = id => "not-" + (right?.Invoke(id) ?? world.Csms.Password ?? "");
    }

    /// <summary>
    /// The station tries to connect and boot; a refusal (HTTP status, TLS handshake) is kept for the next steps instead
    /// of failing this one. Example: <c>When the station tries to connect to the CSMS</c>
    /// </summary>
    [When("the station tries to connect to the CSMS")]
    public async Task TryConnect()
    {
        var station = world.Simulator.Station();
        if (world.Csms.IsEmbedded)
        {
            await world.Csms.UrlAsync().ConfigureAwait(false);
            world.Csms.Embedded!.Rejected += rejection => security.Refusals.Enqueue($"HTTP {rejection.StatusCode}: {rejection.Reason}");
        }

        try
        {
            await world.Simulator.StartAsync(station).ConfigureAwait(false);
        }
        catch (TrafficAssertionException)
        {
            // Refused at the HTTP upgrade: station.ConnectError says why.
        }

        using var timeout = new CancellationTokenSource(world.Simulator.WaitTimeout);
        while (station.ConnectError is null && station.Boot is null && !timeout.IsCancellationRequested)
        {
            await Task.Delay(50, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Checks that the station could not connect, with a message containing the text, and that no BootNotification
    /// was answered. Example: <c>Then the connection is refused: "HTTP 401"</c>
    /// </summary>
    [Then("the connection is refused: {string}")]
    public void Refused(string text)
    {
        var station = world.Simulator.Station();
        var booted = world.Recorder.Query().Station(station.Id).Received().Action("BootNotification").Frames;
        if (booted.Count > 0)
        {
            throw new TrafficAssertionException($"expected the connection of {station.Id} refused, but the CSMS answered its BootNotification", booted);
        }

        var error = station.ConnectError?.Message;
        if (error is null || !error.Contains(text, StringComparison.OrdinalIgnoreCase))
        {
            throw new TrafficAssertionException($"expected the connection of {station.Id} refused with a message containing \"{text}\"; the station said: {error ?? "nothing (it did not fail)"}", []);
        }
    }

    /// <summary>
    /// Checks that the embedded CSMS logged a refusal containing the text (an HTTP 401/403 with its reason, or a client
    /// certificate turned away during the TLS handshake). Example: <c>Then the CSMS logged a refusal: "not the station id"</c>
    /// </summary>
    [Then("the CSMS logged a refusal: {string}")]
    public async Task CsmsLogged(string text)
    {
        RequireEmbedded("reading the CSMS's log");
        using var timeout = new CancellationTokenSource(world.Simulator.WaitTimeout);
        while (!security.Refusals.Any(r => r.Contains(text, StringComparison.OrdinalIgnoreCase)) && !timeout.IsCancellationRequested)
        {
            await Task.Delay(50, CancellationToken.None).ConfigureAwait(false);
        }

        if (!security.Refusals.Any(r => r.Contains(text, StringComparison.OrdinalIgnoreCase)))
        {
            throw new TrafficAssertionException($"expected the CSMS to log a refusal containing \"{text}\"; it logged: {(security.Refusals.IsEmpty ? "none" : string.Join(" | ", security.Refusals))}", []);
        }
    }

    /// <summary>Checks that the station's connection runs over TLS (wss://). Example: <c>Then the connection is encrypted</c></summary>
    [Then("the connection is encrypted")]
    public void Encrypted()
    {
        var station = world.Simulator.Station();
        if (station.CsmsUrl?.Scheme != "wss")
        {
            throw new TrafficAssertionException($"expected {station.Id} connected over wss://, it used {station.CsmsUrl}", []);
        }
    }

    private void RequireEmbedded(string what)
    {
        if (!world.Csms.IsEmbedded)
        {
            scenario.NotApplicable($"{what} needs the embedded reference CSMS; the CSMS under test is {world.Csms}");
        }
    }

    private void RequireProfile(int atLeast, string what)
    {
        if (security.Profile is not { } profile || profile < atLeast)
        {
            throw new InvalidOperationException($"{what} needs security profile {atLeast} or higher: start with Given the CSMS uses security profile {atLeast}");
        }
    }
}
