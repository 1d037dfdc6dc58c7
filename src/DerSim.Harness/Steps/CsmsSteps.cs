using DerSim.Csms;
using DerSim.Harness.Drivers;
using DerSim.Gherkin.Glue;
using Reqnroll;

namespace DerSim.Harness.Steps;

/// <summary>
/// How the embedded reference CSMS answers: boot verdicts, accepted tokens, heartbeat interval. These steps configure
/// DerSim's own CSMS, so against an external CSMS the scenario is not applicable.
/// </summary>
[Binding]
public sealed class CsmsSteps(ScenarioWorld world, ScenarioContext scenario)
{
    /// <summary>
    /// Makes the embedded CSMS answer every BootNotification with a status (Accepted, Pending, Rejected) and an
    /// interval: the heartbeat interval when accepted, the retry interval otherwise.
    /// Example: <c>Given the CSMS answers boots with "Pending" and an interval of 10 s</c>
    /// </summary>
    [Given("the CSMS answers boots with {string} and an interval of {int} s")]
    public void BootVerdictWithInterval(string status, int seconds)
    {
        var verdict = Verdict(status);
        Configure(o => o with { BootStatus = verdict, HeartbeatIntervalSeconds = seconds });
    }

    /// <summary>
    /// Makes the embedded CSMS answer every BootNotification with a status (Accepted, Pending, Rejected).
    /// Example: <c>Given the CSMS answers boots with "Rejected"</c>
    /// </summary>
    [Given("the CSMS answers boots with {string}")]
    public void BootVerdict(string status)
    {
        var verdict = Verdict(status);
        Configure(o => o with { BootStatus = verdict });
    }

    /// <summary>
    /// Makes the running embedded CSMS accept the next BootNotification (a Pending station is accepted on its retry).
    /// Example: <c>When the CSMS starts accepting boots</c>
    /// </summary>
    [When("the CSMS starts accepting boots")]
    public async Task AcceptFromNow()
    {
        RequireEmbedded("accepting a pending station later");
        await world.Csms.UrlAsync().ConfigureAwait(false);
        world.Csms.Embedded!.BootStatus = CsmsBootStatus.Accepted;
    }

    /// <summary>
    /// Makes the embedded CSMS accept only the listed tokens (comma-separated); any other is answered Invalid. Must come
    /// before the station connects; against an external CSMS the scenario is not applicable (its tokens are its own).
    /// Example: <c>Given the CSMS accepts only the token "TAG-OK"</c>
    /// </summary>
    [Given("the CSMS accepts only (the )token(s) {string}")]
    public void AcceptOnly(string tokens)
    {
        var set = tokens.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        Configure(o => o with { AcceptedTokens = set });
    }

    /// <summary>
    /// Sets the heartbeat interval the embedded CSMS gives in its BootNotification answer.
    /// Example: <c>Given the CSMS asks for a heartbeat every 60 s</c>
    /// </summary>
    [Given("the CSMS asks for a heartbeat every {int} s")]
    public void HeartbeatInterval(int seconds) => Configure(o => o with { HeartbeatIntervalSeconds = seconds });

    /// <summary>
    /// Lets simulated time pass for every station of the scenario (heartbeats, boot retries, meter values happen on
    /// the way), as fast as the CSMS answers. Example: <c>When 30 s of simulated time pass</c>
    /// </summary>
    [When("{int} s of simulated time pass")]
    public Task TimePasses(int seconds) => world.Simulator.AdvanceAsync(TimeSpan.FromSeconds(seconds));

    private static CsmsBootStatus Verdict(string status) =>
        Enum.TryParse<CsmsBootStatus>(status, ignoreCase: false, out var verdict) && Enum.IsDefined(verdict)
            ? verdict
            : throw new ArgumentException($"'{status}' is not a boot status; expected Accepted, Pending or Rejected");

    private void Configure(Func<ReferenceCsmsOptions, ReferenceCsmsOptions> change)
    {
        RequireEmbedded("configuring how the CSMS answers");
        world.Csms.ConfigureReference(change);
    }

    private void RequireEmbedded(string what)
    {
        if (!world.Csms.IsEmbedded)
        {
            scenario.NotApplicable($"{what} needs the embedded reference CSMS; the CSMS under test is {world.Csms}");
        }
    }
}
