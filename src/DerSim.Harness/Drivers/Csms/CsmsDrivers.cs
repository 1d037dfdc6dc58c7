using DerSim.Harness.Configuration;
using DerSim.Harness.Traffic;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>Picks the CSMS driver a scenario uses from the <c>dersim</c> settings and the environment.</summary>
public static class CsmsDrivers
{
    /// <summary>
    /// The driver named by <c>DERSIM_CSMS_DRIVER</c> or <see cref="DerSimSettings.CsmsDriver"/>; Auto means Embedded
    /// for the embedded CSMS, else Http when <c>dersim.http.actions</c> has entries, else Manual.
    /// </summary>
    /// <exception cref="DerSimConfigException">An unknown driver name.</exception>
    public static ICsmsDriver Create(DerSimSettings settings, Func<string, string?> environment, CsmsTarget target, TrafficRecorder recorder, TimeSpan timeout, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(target);
        var name = environment("DERSIM_CSMS_DRIVER") is { Length: > 0 } fromEnv ? fromEnv : settings.CsmsDriver;
        if (string.Equals(name, DerSimSettings.AutoDriver, StringComparison.OrdinalIgnoreCase))
        {
            name = target.IsEmbedded ? "Embedded" : settings.Http.HasActions ? "Http" : "Manual";
        }

        return name.ToUpperInvariant() switch
        {
            "EMBEDDED" => new EmbeddedCsmsDriver(target, recorder, timeout),
            "HTTP" => new HttpCsmsDriver(settings.Http, environment("DERSIM_CSMS_API_URL") is { Length: > 0 } api ? api : null, recorder, timeout, environment),
            "MANUAL" => new ManualCsmsDriver(recorder, output, TimeSpan.FromSeconds(settings.ManualTimeoutSeconds)),
            _ => throw new DerSimConfigException($"csmsDriver '{name}' is not Embedded, Http, Manual or Auto"),
        };
    }
}
