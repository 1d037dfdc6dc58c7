namespace DerSim.Harness.Reporting.Allure;

/// <summary>Why a result or step did not pass.</summary>
/// <param name="Message">The failure message.</param>
/// <param name="Trace">The stack trace or further detail.</param>
public sealed record AllureStatusDetails(string? Message, string? Trace)
{
    /// <summary>A known defect.</summary>
    public bool Known { get; init; }

    /// <summary>Muted.</summary>
    public bool Muted { get; init; }

    /// <summary>Known to be unstable.</summary>
    public bool Flaky { get; init; }
}
