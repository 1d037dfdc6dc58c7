using DerSim.Harness.Configuration;
using DerSim.Gherkin.Model;
using DerSim.Harness.Tests.Drivers.Verdicts;

namespace DerSim.Harness.Tests.Drivers.Csms;

/// <summary>
/// The bundled boot scenario against CSMSs that get one thing wrong: each fails at the step that checks that thing,
/// and its message quotes the frames that show it.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class BrokenCsmsTests
{
    [Test]
    public async Task A_CSMS_that_never_answers_the_boot_fails_the_boot_step_quoting_the_unanswered_call()
    {
        var result = await RunBootScenarioAsync(BrokenCsmsFault.NeverAnswersBoot);

        result.Status.ShouldBe(ScenarioStatus.Failed, result.Message);
        result.Message.ShouldContain("boot.feature:10: Then the CSMS answers the boot with \"Accepted\" failed");
        result.Message.ShouldContain("not seen within 3 s");
        result.Message.ShouldContain("\"BootNotification\",{\"chargingStation\"");
    }

    [Test]
    public async Task A_CSMS_that_answers_with_the_wrong_message_id_fails_the_boot_step_quoting_that_answer()
    {
        var result = await RunBootScenarioAsync(BrokenCsmsFault.AnswersWithWrongMessageId);

        result.Status.ShouldBe(ScenarioStatus.Failed, result.Message);
        result.Message.ShouldContain("boot.feature:10:");
        result.Message.ShouldContain("[3,\"not-");
    }

    [Test]
    public async Task A_CSMS_that_sends_a_schema_invalid_SetChargingProfile_fails_the_schema_step_quoting_that_call()
    {
        var result = await RunBootScenarioAsync(BrokenCsmsFault.SendsInvalidSetChargingProfile);

        result.Status.ShouldBe(ScenarioStatus.Failed, result.Message);
        result.Message.ShouldContain("boot.feature:13: And every frame is valid against the OCPP schema failed");
        result.Message.ShouldContain("[2,\"broken-1\",\"SetChargingProfile\",{\"connectorId\":1,\"evseId\":1}]");
    }

    private static async Task<ScenarioResult> RunBootScenarioAsync(BrokenCsmsFault fault)
    {
        await using var csms = await BrokenCsms.StartAsync(fault);
        var results = await InlineScenarios.RunFileAsync(
            Path.Combine(TestContext.CurrentContext.TestDirectory, "features", "core", "boot.feature"),
            csms.Url,
            new DerSimSettings { CallTimeoutSeconds = 3 },
            which: s => s.Arguments.TryGetValue("version", out var v) && v == "2.0.1");
        return results[0];
    }
}
