using System.Text.RegularExpressions;
using DerSim.Gherkin.Features;
using DerSim.Harness.Target;

namespace DerSim.Harness.Tests.Target;

/// <summary>
/// The bundled features name roles ("a station", "the valid token"), never a literal station id or token: a CSMS
/// under test knows only what its operator registered, which the target declaration says.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed partial class FeatureRoleLintTests
{
    private static string Folder => Path.Combine(TestContext.CurrentContext.TestDirectory, "features");

    [Test]
    public void No_feature_holds_a_literal_station_id_or_token()
    {
        var found = new List<string>();
        foreach (var file in Directory.GetFiles(Folder, "*.feature", SearchOption.AllDirectories))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (Literal().IsMatch(lines[i]))
                {
                    found.Add($"{Path.GetRelativePath(Folder, file)}:{i + 1}: {lines[i].Trim()}");
                }
            }
        }

        found.ShouldBeEmpty($"use the roles of the target declaration instead (features/README.md):\n{string.Join("\n", found)}");
    }

    [Test]
    public void The_lint_catches_each_literal_form()
    {
        string[] literals =
        [
            "Given a station \"DERSIM-AC-1\" with profile \"EVSE-AC-22kW-1port\" on OCPP 2.0.1",
            "When station \"CP-7\" connects to the CSMS",
            "And the driver presents token \"TAG-1\" on EVSE 1",
            "And the CSMS starts a transaction remotely on EVSE 1 for token \"04A1B2C3\"",
            "Then the CSMS refused token \"STOLEN-1\"",
            "And the CSMS accepts only the token \"OK\"",
        ];
        literals.ShouldAllBe(l => Literal().IsMatch(l));
        Literal().IsMatch("Given a station with profile \"EVSE-AC-22kW-1port\" on OCPP 2.0.1").ShouldBeFalse();
        Literal().IsMatch("And the driver presents the valid token on EVSE 1").ShouldBeFalse();
    }

    [Test]
    public void Every_requires_tag_names_a_feature_a_declaration_can_list()
    {
        var loaded = FeatureLoader.Load([Folder], "en");
        loaded.Errors.ShouldBeEmpty();
        var unknown = loaded.Features.SelectMany(f => f.Scenarios).SelectMany(s => TargetFeatures.RequiredBy(s.Tags))
            .Where(f => !TargetFeatures.All.Contains(f)).Distinct().ToList();
        unknown.ShouldBeEmpty($"known: {string.Join(", ", TargetFeatures.All)}");
    }

    // A quoted station id in a station step, a quoted token in a token step, or the ids of the old suite anywhere.
    [GeneratedRegex("""station "[^"]*"|token(s)? "[^"]*"|"DERSIM-|"TAG-""")]
    private static partial Regex Literal();
}
