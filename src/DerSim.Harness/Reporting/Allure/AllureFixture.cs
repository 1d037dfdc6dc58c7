namespace DerSim.Harness.Reporting.Allure;

/// <summary>A hook run (a "before" or "after" of a container).</summary>
public sealed record AllureFixture
{
    /// <summary>"[BeforeScenario] Class.Method()".</summary>
    public required string Name { get; init; }

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

    /// <summary>Nested steps (none today).</summary>
    public IReadOnlyList<AllureStep> Steps { get; init; } = [];

    /// <summary>Files attached (none today: hook attachments belong to the scenario).</summary>
    public IReadOnlyList<AllureAttachment> Attachments { get; init; } = [];

    /// <summary>Parameters (none today).</summary>
    public IReadOnlyList<AllureParameter> Parameters { get; init; } = [];
}
