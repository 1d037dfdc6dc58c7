namespace DerSim.Harness.Reporting.Allure;

/// <summary>A step of a result or of another step, and a fixture (a hook) of a container: the allure2 model gives both the same fields.</summary>
public sealed record AllureStep
{
    /// <summary>"Given a station ..." or a sub-step's description.</summary>
    public required string Name { get; init; }

    /// <summary>One of <see cref="AllureStatus"/>.</summary>
    public required string Status { get; init; }

    /// <summary>Why it did not pass, or null.</summary>
    public AllureStatusDetails? StatusDetails { get; init; }

    /// <summary>Always "finished": results are written when done.</summary>
    public string Stage { get; init; } = "finished";

    /// <summary>Epoch milliseconds.</summary>
    public long Start { get; init; }

    /// <summary>Epoch milliseconds.</summary>
    public long Stop { get; init; }

    /// <summary>Nested steps.</summary>
    public IReadOnlyList<AllureStep> Steps { get; init; } = [];

    /// <summary>Files attached while it ran.</summary>
    public IReadOnlyList<AllureAttachment> Attachments { get; init; } = [];

    /// <summary>Values it reported.</summary>
    public IReadOnlyList<AllureParameter> Parameters { get; init; } = [];
}
