using DerSim.Ocpp.Validation;

namespace DerSim.Csms.Tests;

/// <summary>The official OCPP schemas beside the repository (../shared/ocpp-schemas), used only as a test oracle.</summary>
internal static class OfficialSchemas
{
    private static readonly Lazy<OcppSchemaValidator?> Validator = new(() => Find() is { } root ? new OcppSchemaValidator(root) : null);

    /// <summary>A validator over the official schemas, or an ignored test saying where they were looked for.</summary>
    public static OcppSchemaValidator Require() =>
        Validator.Value ?? throw new IgnoreException(
            $"Official OCPP schemas not found: expected a shared/ocpp-schemas folder (with 1.6/) in a folder above {AppContext.BaseDirectory}.");

    /// <summary>The folder of the official schemas, or an ignored test saying where they were looked for.</summary>
    public static string RequireRoot() =>
        Find() ?? throw new IgnoreException(
            $"Official OCPP schemas not found: expected a shared/ocpp-schemas folder (with 1.6/) in a folder above {AppContext.BaseDirectory}.");

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "ocpp-schemas");
            if (Directory.Exists(Path.Combine(candidate, "1.6")))
            {
                return candidate;
            }
        }

        return null;
    }
}
