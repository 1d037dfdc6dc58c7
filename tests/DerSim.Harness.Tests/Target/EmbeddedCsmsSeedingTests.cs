using DerSim.Csms.Tests;
using DerSim.Harness.Configuration;
using DerSim.Csms;
using DerSim.Gherkin.Model;
using DerSim.Harness.Target;
using DerSim.Harness.Tests.Features;
using DerSim.Ocpp;

namespace DerSim.Harness.Tests.Target;

/// <summary>
/// The embedded reference CSMS seeded from a target declaration answers as the roles promise: the valid tokens
/// Accepted with their group, the unknown one Invalid, blocked Blocked, expired Expired; and the scenarios pass
/// against it with a declaration other than the defaults.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class EmbeddedCsmsSeedingTests
{
    private static readonly TargetDeclaration Declaration = new()
    {
        StationIds = ["CP-SEED-1", "CP-SEED-2"],
        Tokens = new TargetTokens
        {
            Valid = [new TargetToken { IdToken = "DRIVER-7", GroupId = "FLEET-7" }, new TargetToken { IdToken = "04C0FFEE", Type = "ISO14443" }],
            Unknown = new TargetToken { IdToken = "STRANGER-1" },
            Blocked = new TargetToken { IdToken = "0B10C0ED" },
            Expired = new TargetToken { IdToken = "4711", Type = "KeyCode" },
        },
    };

    [TestCase(OcppVersion.V16)]
    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task Answers_each_declared_token_as_its_role_says(OcppVersion version)
    {
        await using var csms = new ReferenceCsms(new ReferenceCsmsOptions().SeededFrom(Declaration));
        await csms.StartAsync();
        await using var station = await ProbeStation.ConnectAsync(csms.Url, version, $"SEED-{version}");

        (await AuthorizeAsync(station, version, Declaration.Tokens.Valid[0])).ShouldBe(("Accepted", "FLEET-7"));
        (await AuthorizeAsync(station, version, Declaration.Tokens.Valid[1])).ShouldBe(("Accepted", null));
        (await AuthorizeAsync(station, version, Declaration.Tokens.Unknown)).ShouldBe(("Invalid", null));
        (await AuthorizeAsync(station, version, Declaration.Tokens.Blocked)).ShouldBe(("Blocked", null));
        (await AuthorizeAsync(station, version, Declaration.Tokens.Expired)).ShouldBe(("Expired", null));
    }

    [Test]
    public async Task The_authorization_scenarios_pass_against_the_embedded_CSMS_seeded_from_another_declaration()
    {
        var (results, summary) = await FeatureRun.RunAsync(new DerSimSettings { Target = Declaration }, new Dictionary<string, string>(), "@authorization");

        results.Count.ShouldBe(15, summary);
        results.ShouldAllBe(r => r.Status == ScenarioStatus.Passed, summary);
    }

    [Test]
    public async Task Scenarios_needing_what_the_declaration_lacks_are_not_applicable_with_the_reason()
    {
        var narrow = Declaration with { Versions = ["1.6"], Features = [] };

        var (results, summary) = await FeatureRun.RunAsync(new DerSimSettings { Target = narrow }, new Dictionary<string, string>(), "@trigger or @authorization");

        results.Where(r => r.Scenario.Tags.Contains("ocpp1.6") && !r.Scenario.Tags.Contains("requires:RemoteTrigger")).ShouldAllBe(r => r.Status == ScenarioStatus.Passed, summary);
        results.Where(r => r.Scenario.Tags.Contains("ocpp2.0.1")).ShouldAllBe(r => r.Status == ScenarioStatus.NotApplicable && r.Message.Contains("the target declares OCPP 1.6, not 2.0.1"), summary);
        results.Where(r => r.Scenario.Tags.Contains("requires:RemoteTrigger") && r.Scenario.Tags.Contains("ocpp1.6")).ShouldAllBe(r => r.Status == ScenarioStatus.NotApplicable && r.Message.Contains("does not declare the feature RemoteTrigger"), summary);
    }

    private static async Task<(string? Status, string? Group)> AuthorizeAsync(ProbeStation station, OcppVersion version, TargetToken token)
    {
        if (version == OcppVersion.V16)
        {
            var info = (await station.CallAsync("Authorize", $$"""{"idTag":"{{token.IdToken}}"}""")).GetProperty("idTagInfo");
            return (info.GetProperty("status").GetString(), info.TryGetProperty("parentIdTag", out var parent) ? parent.GetString() : null);
        }

        var answer = await station.CallAsync("Authorize", $$$"""{"idToken":{"idToken":"{{{token.IdToken}}}","type":"{{{token.EffectiveType}}}"}}""");
        var tokenInfo = answer.GetProperty("idTokenInfo");
        return (tokenInfo.GetProperty("status").GetString(), tokenInfo.TryGetProperty("groupIdToken", out var group) ? group.GetProperty("idToken").GetString() : null);
    }
}
