namespace DerSim.Harness.Reporting.Allure;

/// <summary>One scenario as the allure2 model's <c>&lt;uuid&gt;-result.json</c>.</summary>
public sealed record AllureTestResult
{
    /// <summary>Unique per run.</summary>
    public required string Uuid { get; init; }

    /// <summary>Stable across runs: the test case and its parameters (history and retries join on it).</summary>
    public required string HistoryId { get; init; }

    /// <summary>Stable across runs: the test case without parameters.</summary>
    public required string TestCaseId { get; init; }

    /// <summary>"features/core/boot.feature: Scenario name [values]".</summary>
    public required string FullName { get; init; }

    /// <summary>The scenario's title.</summary>
    public required string Name { get; init; }

    /// <summary>The text under the scenario title, or null.</summary>
    public string? Description { get; init; }

    /// <summary>One of <see cref="AllureStatus"/>.</summary>
    public required string Status { get; init; }

    /// <summary>Why it did not pass, or null.</summary>
    public AllureStatusDetails? StatusDetails { get; init; }

    /// <summary>Always "finished".</summary>
    public string Stage { get; init; } = "finished";

    /// <summary>Epoch milliseconds.</summary>
    public long Start { get; init; }

    /// <summary>Epoch milliseconds.</summary>
    public long Stop { get; init; }

    /// <summary>One per Gherkin step.</summary>
    public IReadOnlyList<AllureStep> Steps { get; init; } = [];

    /// <summary>Files attached by scenario hooks.</summary>
    public IReadOnlyList<AllureAttachment> Attachments { get; init; } = [];

    /// <summary>Outline values and what the bindings reported.</summary>
    public IReadOnlyList<AllureParameter> Parameters { get; init; } = [];

    /// <summary>Suites, features, tags, severity, host ...</summary>
    public IReadOnlyList<AllureLabel> Labels { get; init; } = [];

    /// <summary>Issues and test-management ids.</summary>
    public IReadOnlyList<AllureLink> Links { get; init; } = [];
}
