using DerSim.Ocpp;

namespace DerSim.Harness.Conformance;

/// <summary>The anchor of a case's row in <c>conformance.html</c>, which the Allure report links to.</summary>
public static class ConformanceAnchors
{
    /// <summary><c>&lt;version&gt;-&lt;case id&gt;</c>, e.g. <c>2.0.1-TC_B_01_CSMS</c> (ids differ between versions, and some recur).</summary>
    public static string Of(CatalogueCase @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        return $"{@case.Version.DisplayName()}-{@case.Id}";
    }
}
