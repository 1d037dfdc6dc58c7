using System.Reflection;

namespace DerSim.Harness.Reporting;

/// <summary>What a run was against and on: the environment and executor of a report.</summary>
public sealed record ReportEnvironment
{
    /// <summary>The CSMS under test (URL or "embedded reference CSMS"); a password in it is masked when written.</summary>
    public string Csms { get; init; } = "embedded reference CSMS";

    /// <summary>The OCPP versions the suite ran in.</summary>
    public IReadOnlyList<string> OcppVersions { get; init; } = [];

    /// <summary>DerSim's version. The default value is the harness assembly's informational version.</summary>
    public string DerSimVersion { get; init; } =
        typeof(ReportEnvironment).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>Further properties.</summary>
    public IReadOnlyDictionary<string, string> Extra { get; init; } = new Dictionary<string, string>();

    /// <summary>The executor's name. The default value is "dersim".</summary>
    public string ExecutorName { get; init; } = "dersim";

    /// <summary>The executor's type. The default value is "github" under GitHub Actions, else "local".</summary>
    public string ExecutorType { get; init; } = Environment.GetEnvironmentVariable("GITHUB_ACTIONS") == "true" ? "github" : "local";

    /// <summary>The build's name, or null.</summary>
    public string? BuildName { get; init; } = Environment.GetEnvironmentVariable("GITHUB_RUN_NUMBER") is { } n ? $"#{n}" : null;

    /// <summary>A link to the build, or null.</summary>
    public string? BuildUrl { get; init; } =
        Environment.GetEnvironmentVariable("GITHUB_SERVER_URL") is { } server && Environment.GetEnvironmentVariable("GITHUB_REPOSITORY") is { } repo && Environment.GetEnvironmentVariable("GITHUB_RUN_ID") is { } run
            ? $"{server}/{repo}/actions/runs/{run}"
            : null;

    /// <summary>The report's title. The default value is "DerSim OCPP conformance".</summary>
    public string ReportName { get; init; } = "DerSim OCPP conformance";
}
