namespace DerSim.Harness.Reporting.Allure;

/// <summary>
/// How tag ids become link URLs; each template has one <c>{0}</c> for the id. Null keeps the bare id as the URL
/// (Allure still lists it).
/// </summary>
public sealed record AllureLinkTemplates
{
    /// <summary>For <c>@issue:X</c>.</summary>
    public string? Issue { get; init; }

    /// <summary>For <c>@tms:X</c>.</summary>
    public string? Tms { get; init; }

    /// <summary>For OCA test-case ids such as <c>@TC_B_01_CSMS</c>.</summary>
    public string? OcaTestCase { get; init; }
}
