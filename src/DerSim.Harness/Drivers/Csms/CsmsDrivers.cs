using DerSim.Harness.Configuration;
using DerSim.Harness.Traffic;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>Picks the CSMS driver a scenario uses from the <c>dersim</c> settings and the environment.</summary>
public static class CsmsDrivers
{
    /// <summary>The environment variable that overrides <see cref="DerSimSettings.ManualTimeoutSeconds"/> (seconds).</summary>
    public const string ManualTimeoutVariable = "DERSIM_MANUAL_TIMEOUT";

    /// <summary>How long the Manual driver waits: <c>DERSIM_MANUAL_TIMEOUT</c> (seconds), else <see cref="DerSimSettings.ManualTimeoutSeconds"/>.</summary>
    /// <exception cref="DerSimConfigException">The variable is not a positive number of seconds.</exception>
    public static TimeSpan ManualTimeout(DerSimSettings settings, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(environment);
        if (environment(ManualTimeoutVariable) is not { Length: > 0 } text)
        {
            return TimeSpan.FromSeconds(settings.ManualTimeoutSeconds);
        }

        return double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : throw new DerSimConfigException($"{ManualTimeoutVariable} '{text}' is not a positive number of seconds");
    }

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
            "MANUAL" => new ManualCsmsDriver(recorder, output, ManualTimeout(settings, environment)),
            _ => throw new DerSimConfigException($"csmsDriver '{name}' is not Embedded, Http, Manual or Auto"),
        };
    }
}
