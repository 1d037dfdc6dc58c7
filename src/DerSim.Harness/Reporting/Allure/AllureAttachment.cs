namespace DerSim.Harness.Reporting.Allure;

/// <summary>A reference from a result or step to an attachment file beside it.</summary>
/// <param name="Name">The display name.</param>
/// <param name="Source">The file name in the results directory ("&lt;uuid&gt;-attachment.json").</param>
/// <param name="Type">The media type.</param>
public sealed record AllureAttachment(string Name, string Source, string Type);
