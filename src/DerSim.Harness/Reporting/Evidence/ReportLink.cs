namespace DerSim.Harness.Reporting.Evidence;

/// <summary>A file of a scenario kept beside the report, linked from the scenario's page.</summary>
/// <param name="Name">What the link shows ("OCPP traffic (NDJSON)").</param>
/// <param name="Url">Relative to the report page, e.g. <c>../traffic/Boot_version_2.0.1.ndjson</c>.</param>
public sealed record ReportLink(string Name, string Url);
