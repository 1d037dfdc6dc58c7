using System.Text.Json.Serialization;

namespace DerSim.Sim.Profiles;

/// <summary>
/// Station identity as sent in BootNotification. OCPP 1.6 limits vendor and model
/// to 20 characters, serial number to 25 and firmware version to 50; the loader enforces
/// the same limits so one profile boots under every version.
/// </summary>
/// <param name="Vendor">Vendor name (≤ 20 characters).</param>
/// <param name="Model">Model name (≤ 20 characters).</param>
public sealed record BootIdentity(string Vendor, string Model)
{
    /// <summary>Serial number (≤ 25 characters). The default value is <see langword="null"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SerialNumber { get; init; }

    /// <summary>Firmware version (≤ 50 characters). The default value is <see langword="null"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? FirmwareVersion { get; init; }
}
