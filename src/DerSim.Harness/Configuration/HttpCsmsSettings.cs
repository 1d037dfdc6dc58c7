namespace DerSim.Harness.Configuration;

/// <summary>
/// The <c>dersim.http</c> section: how the Http CSMS driver reaches a CSMS's own API. <c>DERSIM_CSMS_API_URL</c>
/// overrides <see cref="BaseUrl"/>.
/// </summary>
public sealed record HttpCsmsSettings
{
    /// <summary>Base URL relative action URLs resolve against; null when every URL is absolute. The default value is null.</summary>
    public string? BaseUrl { get; init; }

    /// <summary>
    /// The call per driver action (SetChargingProfile, ClearChargingProfile, GetCompositeSchedule, RemoteStart,
    /// RemoteStop, Reset, ChangeAvailability, UnlockConnector, TriggerMessage, GetConfiguration, ChangeConfiguration,
    /// GetVariables, SetVariables); an action without an entry is not applicable. The default value is none.
    /// </summary>
    public IReadOnlyDictionary<string, HttpActionTemplate> Actions { get; init; } = System.Collections.ObjectModel.ReadOnlyDictionary<string, HttpActionTemplate>.Empty;

    /// <summary>The section with no actions: shared, so default settings compare equal.</summary>
    public static HttpCsmsSettings None { get; } = new();

    /// <summary>Seconds to wait for the HTTP answer. The default value is 10.</summary>
    public double TimeoutSeconds { get; init; } = 10;
}
