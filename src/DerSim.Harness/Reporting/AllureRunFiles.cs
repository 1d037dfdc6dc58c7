using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using DerSim.Harness.Reporting.Allure;
using DerSim.Harness.Reporting.Evidence;

namespace DerSim.Harness.Reporting;

/// <summary>The run-level files of an Allure results directory: environment, executor and categories.</summary>
public static class AllureRunFiles
{
    /// <summary>
    /// The failure categories, in the compatibility form Allure 3 reads from <c>categories.json</c> and from
    /// <c>allurerc</c> (name, matchedStatuses, messageRegex); the first that matches wins.
    /// </summary>
    public static IReadOnlyList<AllureCategory> Categories { get; } =
    [
        new("Protocol violation", [AllureStatus.Failed, AllureStatus.Broken], "schema|[Vv]iolation|CALLERROR|ProtocolError|NotImplemented|NotSupported"),
        new("Timeout", [AllureStatus.Failed, AllureStatus.Broken], "timed out|[Tt]imeout|did not arrive|within [0-9]"),
        new("CSMS error", [AllureStatus.Broken], "CSMS|[Cc]onnection|WebSocket|refused"),
        new("Assertion failure", [AllureStatus.Failed], ".*"),
    ];

    /// <summary>Writes environment.properties, executor.json and categories.json to <paramref name="sink"/>.</summary>
    public static void Write(IAllureResultsSink sink, ReportEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(environment);
        sink.WriteFile("environment.properties", Encoding.UTF8.GetBytes(EnvironmentProperties(environment)));
        sink.WriteFile("executor.json", AllureJson.Serialize(new AllureExecutor(
            environment.ExecutorName,
            environment.ExecutorType,
            environment.BuildName,
            environment.BuildUrl,
            environment.ReportName)));
        sink.WriteFile("categories.json", AllureJson.Serialize(Categories));
    }

    /// <summary>The text of environment.properties (keys sorted, values with passwords masked).</summary>
    public static string EnvironmentProperties(ReportEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["CSMS"] = SecretMasking.MaskUrl(environment.Csms),
            ["OCPP.versions"] = string.Join(", ", environment.OcppVersions),
            ["DerSim.version"] = environment.DerSimVersion,
            [".NET"] = RuntimeInformation.FrameworkDescription,
            ["OS"] = RuntimeInformation.OSDescription,
        };
        foreach (var (key, value) in environment.Extra)
        {
            values[key] = SecretMasking.MaskValue(key, value);
        }

        var text = new StringBuilder();
        foreach (var (key, value) in values)
        {
            text.Append(CultureInfo.InvariantCulture, $"{Escape(key, isKey: true)}={Escape(value, isKey: false)}\n");
        }

        return text.ToString();
    }

    private static string Escape(string text, bool isKey)
    {
        var escaped = text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
        return isKey ? escaped.Replace(" ", "\\ ", StringComparison.Ordinal).Replace("=", "\\=", StringComparison.Ordinal).Replace(":", "\\:", StringComparison.Ordinal) : escaped;
    }
}
