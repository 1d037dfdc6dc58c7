using DerSim.Ocpp;
using DerSim.Sim.Engine;
using DerSim.Sim.Load;

namespace DerSim.Sim.Cli;

/// <summary>What <c>./sim</c> was asked to do. Defaults live in <see cref="SimDefaults"/>.</summary>
public sealed record SimOptions
{
    /// <summary>Whether to connect to a CSMS at all. The default value is false (<c>--ocpp_enable no</c>).</summary>
    public bool OcppEnabled { get; init; } = SimDefaults.OcppEnabled;

    /// <summary>The OCPP version to speak. The default value is 2.0.1.</summary>
    public OcppVersion Version { get; init; } = SimDefaults.Version;

    /// <summary>The CSMS base URL; the station id is appended as the last path segment. The default value is ws://127.0.0.1:8180/ocpp.</summary>
    public Uri CsmsUrl { get; init; } = SimDefaults.CsmsUrl;

    /// <summary>The charging station identity. The default value is DERSIM-1.</summary>
    public string StationId { get; init; } = SimDefaults.StationId;

    /// <summary>A bundled profile name (with or without .json) or a path. The default value is EVSE-AC-22kW-1port.</summary>
    public string EvseProfile { get; init; } = SimDefaults.EvseProfile;

    /// <summary>Basic-auth password (security profiles 1 and 2); null sends no Authorization header.</summary>
    public string? Password { get; init; }

    /// <summary>PEM file of a CA (or self-signed server certificate) to trust for wss:// besides the system store.</summary>
    public string? CaCertificatePath { get; init; }

    /// <summary>PEM client certificate for security profile 3; the key is read from <see cref="ClientKeyPath"/>.</summary>
    public string? ClientCertificatePath { get; init; }

    /// <summary>PEM private key of the client certificate.</summary>
    public string? ClientKeyPath { get; init; }

    /// <summary>How many connection attempts before giving up; null retries forever. The default value is null.</summary>
    public int? MaxConnectAttempts { get; init; }

    /// <summary>Seconds to wait for the answer to each CALL. The default value is 30.</summary>
    public double CallTimeoutSeconds { get; init; } = SimDefaults.CallTimeoutSeconds;

    /// <summary>Whether to validate every frame against the OCPP schemas. The default value is true.</summary>
    public bool Validate { get; init; } = true;

    /// <summary>A folder of official OCPP schemas to validate against instead of DerSim's own.</summary>
    public string? SchemasDirectory { get; init; }

    /// <summary>Stop after this many seconds (0 runs until Ctrl+C). The default value is 0.</summary>
    public double RunForSeconds { get; init; }

    /// <summary>Print one line per frame. The default value is true; <c>--quiet</c> turns it off.</summary>
    public bool PrintFrames { get; init; } = true;

    /// <summary>What the station does once booted (<c>--ev</c>, <c>--ev_soc</c>, <c>--sessions</c>, <c>--time_scale</c>, …). The default value is one session per connector with the profile's default EV.</summary>
    public SessionPlan Session { get; init; } = new();

    /// <summary>Whether <c>--time_scale</c> was given: without a CSMS, it paces the table in scaled real time instead of printing it at once. The default value is false.</summary>
    public bool TimeScaleGiven { get; init; }

    /// <summary>Where the outbox is kept (<c>--state_dir</c>); null keeps it in memory only. The default value is null.</summary>
    public string? StateDirectory { get; init; }

    /// <summary>The sample interval in seconds, overriding the profile's (<c>--meter_interval</c>); null keeps the profile's. The default value is null.</summary>
    public int? MeterIntervalSeconds { get; init; }

    /// <summary>
    /// The lines each station keeps in its diagnostics and security logs (<c>--log_lines</c>); null: 256 for one station,
    /// 32 in a load run. The default value is null.
    /// </summary>
    public int? LogLines { get; init; }

    /// <summary>How many stations and how they are run (<c>--stations</c>, <c>--ramp_up</c>, <c>--shard</c>, …). The default value is one station, as before.</summary>
    public LoadOptions Load { get; init; } = new();
}
