using System.Security.Cryptography;
using System.Text;
using DerSim.Gherkin.Model;

namespace DerSim.Harness.Reporting.Allure;

/// <summary>
/// Ids that stay the same from run to run so Allure can join history: built from the feature's path relative to the
/// features folder, the scenario's title and, for an outline row, its values — not from line numbers, which move
/// whenever a file is edited.
/// </summary>
public static class AllureIds
{
    /// <summary>The test case: feature path and scenario title.</summary>
    public static string TestCaseId(ScenarioCase scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return Hash($"{scenario.Feature.RelativePath}\n{scenario.Title}");
    }

    /// <summary>The test case with its outline values.</summary>
    public static string HistoryId(ScenarioCase scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var values = string.Join("\n", scenario.Arguments.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value}"));
        return Hash($"{TestCaseId(scenario)}\n{values}");
    }

    /// <summary>"core/boot.feature: Title [k=v, ...]".</summary>
    public static string FullName(ScenarioCase scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var values = scenario.Arguments.Count == 0 ? "" : $" [{string.Join(", ", scenario.Arguments.Select(a => $"{a.Key}={a.Value}"))}]";
        return $"{scenario.Feature.RelativePath}: {scenario.Title}{values}";
    }

    private static string Hash(string text) =>
#pragma warning disable CA5351 // MD5 is Allure's own choice for ids; nothing here is security-relevant.
        Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
#pragma warning restore CA5351
}
