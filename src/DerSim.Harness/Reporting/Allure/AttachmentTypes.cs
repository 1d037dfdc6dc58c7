namespace DerSim.Harness.Reporting.Allure;

/// <summary>File extensions for attachment files, which Allure uses to pick a viewer.</summary>
public static class AttachmentTypes
{
    /// <summary>The extension (with dot) of <paramref name="name"/> when it has one, else one for <paramref name="mimeType"/>.</summary>
    public static string ExtensionOf(string name, string mimeType)
    {
        var fromName = Path.GetExtension(name);
        if (fromName.Length is > 1 and <= 10 && fromName.Skip(1).All(char.IsAsciiLetterOrDigit))
        {
            return fromName.ToLowerInvariant();
        }

        return mimeType switch
        {
            "application/json" => ".json",
            "application/x-ndjson" => ".ndjson",
            "image/svg+xml" => ".svg",
            "image/png" => ".png",
            "text/html" => ".html",
            "text/csv" => ".csv",
            "application/xml" or "text/xml" => ".xml",
            _ => ".txt",
        };
    }
}
