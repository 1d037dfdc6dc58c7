using System.Text;
using DerSim.Harness.Tests.Cli;

namespace DerSim.Harness.Tests.Security;

/// <summary>
/// A whole <c>dersim run</c> with Basic-auth passwords in its target declaration and passwords set over OCPP
/// (2.x SetVariables BasicAuthPassword, 1.6 ChangeConfiguration AuthorizationKey): no secret appears in its output, traffic
/// files or reports.
/// </summary>
public sealed class SecretsStayOutOfOutputTests
{
    [Test]
    public async Task No_password_appears_in_stdout_stderr_traffic_or_reports()
    {
        var scratch = Directory.CreateTempSubdirectory("dersim-secrets-");
        try
        {
            const string Shared = "Shared-Secret-4711";
            const string Own = "Own-Secret-0815";
            const string SetOver2x = "Var-Secret-2024";
            const string SetOver16 = "Key-Secret-1616";
            var target = Path.Combine(scratch.FullName, "target.json");
            await File.WriteAllTextAsync(target, $$"""{ "password": "{{Shared}}", "passwords": { "DERSIM-SIM-1": "{{Own}}" } }""");
            var feature = Path.Combine(scratch.FullName, "set-password.feature");
            await File.WriteAllTextAsync(feature, $$"""
                Feature: Passwords set over OCPP
                  @ocpp2.0.1
                  Scenario: The CSMS sets the Basic-auth password over 2.0.1
                    Given the CSMS uses security profile 2
                    And a station with profile "EVSE-AC-22kW-1port" on OCPP 2.0.1
                    When the station connects to the CSMS
                    And the CSMS sets variable "SecurityCtrlr.BasicAuthPassword" to "{{SetOver2x}}"
                    Then the CSMS answers the boot with "Rejected"

                  @ocpp1.6
                  Scenario: The CSMS sets the authorization key over 1.6
                    Given the CSMS uses security profile 1
                    And a station with profile "EVSE-AC-22kW-1port" on OCPP 1.6
                    When the station connects to the CSMS
                    And the CSMS sets configuration "AuthorizationKey" to "{{SetOver16}}"
                    Then the CSMS answers the boot with "Rejected"
                """);
            var reports = Path.Combine(scratch.FullName, "reports");

            var (exit, output) = await Dersim("run", Path.Combine("features", "security", "security-profiles.feature"), feature, "--target", target, "--reports", reports);

            // The two scenarios above fail on purpose (the boot was Accepted), so their frames are quoted in the output.
            exit.ShouldBe(1, output);
            output.ShouldContain("14 passed, 2 failed");
            string[] declared = [Shared, Own, Convert.ToBase64String(Encoding.UTF8.GetBytes($"DERSIM-SIM-1:{Own}"))];
            var texts = Directory.GetFiles(reports, "*", SearchOption.AllDirectories).Select(f => (Name: f, Text: File.ReadAllText(f))).Append((Name: "stdout/stderr", Text: output)).ToList();
            texts.Count.ShouldBeGreaterThan(10);
            foreach (var (name, text) in texts)
            {
                foreach (var secret in declared)
                {
                    text.ShouldNotContain(secret, Case.Sensitive, $"{name} holds a declared password");
                }

                // The passwords set over OCPP are literals of this test's own step text, which reports quote as steps
                // (Allure's JSON, JUnit's XML, and Reqnroll's Cucumber reports, which carry the feature's source);
                // every recorded frame (traffic files, attachments, the console) must hold them masked.
                var quotesSteps = name.EndsWith(".json", StringComparison.Ordinal) || name.EndsWith(".xml", StringComparison.Ordinal)
                    || Path.GetFileName(name) is "cucumber-messages.ndjson" or "cucumber-report.html";
                if (name == "stdout/stderr" || !quotesSteps)
                {
                    text.ShouldNotContain(SetOver2x, Case.Sensitive, $"{name} holds a password set over OCPP");
                    text.ShouldNotContain(SetOver16, Case.Sensitive, $"{name} holds a password set over OCPP");
                }
            }

            texts.Any(t => t.Text.Contains("\"attributeValue\":\"***\"", StringComparison.Ordinal)).ShouldBeTrue("the SetVariables frame is recorded, masked");
            texts.Any(t => t.Text.Contains("\"key\":\"AuthorizationKey\",\"value\":\"***\"", StringComparison.Ordinal)).ShouldBeTrue("the ChangeConfiguration frame is recorded, masked");
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private static async Task<(int Exit, string Output)> Dersim(params string[] args)
    {
        var (exit, stdout, stderr) = await DersimProcess.RunAsync(TimeSpan.FromSeconds(300), args);
        return (exit, $"{stdout}\n\nstderr: {stderr}");
    }
}
