using System.Globalization;
using DerSim.Ocpp;
using DerSim.Ocpp.Dialects;
using DerSim.Sim.Physics;
using DerSim.Sim.Engine;
using DerSim.Sim.Load;

namespace DerSim.Sim.Cli;

/// <summary>
/// Parses <c>./sim</c>'s command line with the seed's exact flag names. Both <c>--flag value</c> and
/// <c>--flag=value</c> work. A hand-written parser keeps start-up cheap (BootNotification must be on the wire
/// within half a second) and lets every error name the flag and what was expected.
/// </summary>
public static class SimCommandLine
{
    private delegate SimOptions Apply(SimOptions options, string flag, string value);

    private sealed record Flag(string Name, string ValueName, string Help, Apply Apply, bool TakesValue = true);

    private static readonly Flag[] Flags =
    [
        new("--ocpp_enable", "yes|no", "connect to a CSMS (default: no)",
            (o, f, v) => o with { OcppEnabled = ParseYesNo(f, v) }),
        new("--ocpp_version", "VERSION", "ocpp1.6j | ocpp2.0.1j | ocpp2.1 (also ocpp1.6, 1.6, ocpp2.0.1, 2.0.1, 2.1; default: ocpp2.0.1j)",
            (o, f, v) => o with { Version = ParseVersion(f, v) }),
        new("--ocpp_csms_url", "URL", $"CSMS WebSocket base URL, ws:// or wss://; the station id is appended (default: {SimDefaults.CsmsUrl})",
            (o, f, v) => o with { CsmsUrl = ParseUrl(f, v) }),
        new("--ocpp_csid", "ID", $"charging station identity (default: {SimDefaults.StationId})",
            (o, f, v) => o with { StationId = ParseStationId(f, v) }),
        new("--evse_profile", "NAME|PATH", $"bundled profile name (with or without .json) or a JSON file (default: {SimDefaults.EvseProfile})",
            (o, f, v) => o with { EvseProfile = NonEmpty(f, v) }),
        new("--ocpp_password", "SECRET", "Basic-auth password (security profiles 1 and 2); with several stations {id} in it stands for each station's id",
            (o, f, v) => o with { Password = NonEmpty(f, v) }),
        new("--ocpp_ca_cert", "PEM", "extra CA or self-signed server certificate to trust for wss://",
            (o, f, v) => o with { CaCertificatePath = ExistingFile(f, v) }),
        new("--ocpp_client_cert", "PEM", "client certificate for security profile 3 (needs --ocpp_client_key); with several stations {id} in the path stands for each station's id",
            (o, f, v) => o with { ClientCertificatePath = ExistingFileOrPattern(f, v) }),
        new("--ocpp_client_key", "PEM", "private key of --ocpp_client_cert",
            (o, f, v) => o with { ClientKeyPath = ExistingFileOrPattern(f, v) }),
        new("--max_connect_attempts", "N", $"give up after N failed connection attempts, 1-{NumericFlag.Show(MaxConnectAttemptsLimit)} (default: retry forever)",
            (o, f, v) => o with { MaxConnectAttempts = NumericFlag.Whole(f, v, 1, MaxConnectAttemptsLimit) }),
        new("--call_timeout", "SECONDS", $"seconds to wait for each answer, {NumericFlag.Show(MinSeconds)}-{NumericFlag.Show(MaxCallTimeoutSeconds)} (default: {NumericFlag.Show(SimDefaults.CallTimeoutSeconds)})",
            (o, f, v) => o with { CallTimeoutSeconds = NumericFlag.Number(f, v, MinSeconds, MaxCallTimeoutSeconds, "seconds") }),
        new("--validate", "yes|no", "validate every frame against the OCPP schemas (default: yes)",
            (o, f, v) => o with { Validate = ParseYesNo(f, v) }),
        new("--schemas_dir", "DIR", "validate against this folder of official OCPP schemas instead of DerSim's own",
            (o, f, v) => o with { SchemasDirectory = ExistingDirectory(f, v) }),
        new("--state_dir", "DIR", "keep undelivered transaction messages in DIR/<station id>.outbox.json, so a crash or restart loses none; the next start delivers them (default: in memory only)",
            (o, f, v) => o with { StateDirectory = ExistingDirectory(f, v) }),
        new("--run_for", "SECONDS", $"stop cleanly after SECONDS ({NumericFlag.Show(MinSeconds)}-{NumericFlag.Show(MaxRunForSeconds)}): end running transactions, await their answers (at most 5 s), close (default: run until Ctrl+C)",
            (o, f, v) => o with { RunForSeconds = NumericFlag.Number(f, v, MinSeconds, MaxRunForSeconds, "seconds") }),
        new("--quiet", "", "do not print a line per OCPP frame (always so with several stations)",
            (o, _, _) => o with { PrintFrames = false }, TakesValue: false),
        new("--ev", "PRESET", $"the EV plugged in at every session: {string.Join(" | ", EvPresets.Names)}; {EvPresets.V2g50.Name} is bidirectional (V2G: discharges on OCPP 2.1 when the CSMS allows DC_BPT and sets a negative setpoint; the default on a bidirectional profile) (default: per profile; e.g. --ev sedan-75)",
            (o, f, v) => o with { Session = o.Session with { EvPreset = ParseEvPreset(f, v) } }),
        new("--ev_soc", "PERCENT", $"the EV's state of charge on arrival, 0..100 (default: {Ev.DefaultInitialSocPercent:0}, {EvPresets.V2g50.ArrivalSocPercent:0} for {EvPresets.V2g50.Name}; e.g. --ev_soc 10)",
            (o, f, v) => o with { Session = o.Session with { InitialSocPercent = NumericFlag.Number(f, v, 0, 100, "a percentage") } }),
        new("--ev_target_soc", "PERCENT", $"the SoC at which the session ends, above --ev_soc (default: {Ev.DefaultTargetSocPercent:0}; e.g. --ev_target_soc 90)",
            (o, f, v) => o with { Session = o.Session with { TargetSocPercent = NumericFlag.Number(f, v, 0, 100, "a percentage") } }),
        new("--idtag", "TEXT", $"the id token the driver presents, 1-{MaxIdTagLength} printable characters (default: {SessionPlan.DefaultIdTag}; e.g. --idtag DRIVER-1)",
            (o, f, v) => o with { Session = o.Session with { IdTag = ParseIdTag(f, v) } }),
        new("--idtag_type", "TYPE", $"the 2.x idToken type of --idtag: 2.0.1 {string.Join(" | ", IdTokenTypes.Of(OcppVersion.V201))}; 2.1 also {string.Join(" | ", IdTokenTypes.Of(OcppVersion.V21).Except(IdTokenTypes.Of(OcppVersion.V201)))} (default: the type the token fits: ISO14443 for 8 or 14 hex characters, ISO15693 for 16, else Local)",
            (o, f, v) => o with { Session = o.Session with { IdTagType = NonEmpty(f, v) } }),
        new("--sessions", "N", $"charging sessions per connector, one after another, 0-{NumericFlag.Show(MaxSessions)}; 0 only stays connected (default: 1; e.g. --sessions 2)",
            (o, f, v) => o with { Session = o.Session with { Sessions = NumericFlag.Whole(f, v, 0, MaxSessions) } }),
        new("--time_scale", "X|max", $"simulated seconds per wall second, {NumericFlag.Show(MinTimeScale)}-{NumericFlag.Show(MaxTimeScale)}: 1 real time, 60 a minute per second; with a CSMS, capped (with a warning) where the profile's sample interval would pass in less wall time than {NumericFlag.Show(TimeScaleCap.WallPerSample.TotalMilliseconds)} ms per EVSE. max: lock-step, simulated time jumps to the next due event once every CALL is answered, so a session runs as fast as the CSMS answers with every sample, and the run ends when the sessions are done (default: 1; e.g. --time_scale 120, --time_scale max)",
            (o, f, v) => o with { Session = o.Session with { TimeScale = ParseTimeScale(f, v) }, TimeScaleGiven = true }),
        new("--duration", "TIME", $"stop after this much simulated time, up to {NumericFlag.Show(MaxDurationHours)}h: seconds or 30s, 45m, 2h (default: until the sessions are done; e.g. --duration 45m)",
            (o, f, v) => o with { Session = o.Session with { Duration = ParseDuration(f, v) } }),
        .. LoadFlags.All.Select(f => new Flag(f.Name, f.ValueName, f.Help, (o, name, v) => f.Apply(o, name, v), f.TakesValue)),
    ];

    // The ranges of the numeric flags (issue 13, item 5): wide enough for any real use, small enough that no timer,
    // TimeSpan or simulated clock overflows (CancelAfter takes at most ~49.7 days; TimeSpan.FromSeconds ~29,000 years
    // before scaling).

    /// <summary>The shortest time a seconds flag takes: 10 ms, below which a CALL cannot even cross a loopback socket.</summary>
    public const double MinSeconds = 0.01;

    /// <summary>The longest <c>--call_timeout</c>: a day.</summary>
    public const double MaxCallTimeoutSeconds = 86_400;

    /// <summary>The longest <c>--run_for</c>: 30 days.</summary>
    public const double MaxRunForSeconds = 2_592_000;

    /// <summary>The most <c>--max_connect_attempts</c>.</summary>
    public const int MaxConnectAttemptsLimit = 1_000_000;

    /// <summary>The most <c>--sessions</c> per connector.</summary>
    public const int MaxSessions = 100_000;

    /// <summary>The slowest <c>--time_scale</c>: a simulated second per 1000 wall seconds.</summary>
    public const double MinTimeScale = 0.001;

    /// <summary>The fastest <c>--time_scale</c>: a simulated week in about a minute.</summary>
    public const double MaxTimeScale = 10_000;

    /// <summary>The longest <c>--duration</c>: a leap year of simulated time.</summary>
    public const int MaxDurationHours = 8_784;

    /// <summary>The longest id token accepted: 1.6's IdToken is CiString20, the shortest of the three versions.</summary>
    public const int MaxIdTagLength = 20;

    /// <summary>The usage text printed by <c>--help</c>.</summary>
    public static string Usage
    {
        get
        {
            var lines = new List<string>
            {
                "Usage: ./sim [options]",
                "",
                "Runs one simulated charging station with an EVSE profile and, with --ocpp_enable yes,",
                "connects it to a CSMS over OCPP-J: boots, reports every connector, heartbeats and answers",
                "the CSMS's requests, printing one line per frame. Ctrl+C closes the connection cleanly.",
                "",
                "Options (--flag value or --flag=value):",
            };
            foreach (var flag in Flags)
            {
                var left = flag.TakesValue ? $"{flag.Name} {flag.ValueName}" : flag.Name;
                lines.Add($"  {left,-32} {flag.Help}");
            }

            lines.Add($"  {"-h, --help",-32} show this help");
            lines.Add("");
            lines.Add("Examples:");
            lines.Add("  ./sim --ocpp_enable yes --ocpp_version ocpp1.6j --ocpp_csms_url ws://localhost:8180/ocpp \\");
            lines.Add("        --ocpp_csid DERSIM-LAB-1 --evse_profile EVSE-AC-22kW-1port.json");
            lines.Add("  ./sim --ocpp_enable yes --ocpp_version ocpp2.0.1j --ocpp_csms_url ws://localhost:8081/ocpp \\");
            lines.Add("        --ocpp_csid DERSIM-DC-1 --evse_profile EVSE-DC-150kW-CCS-1port.json \\");
            lines.Add("        --ev sedan-75 --ev_soc 20 --ev_target_soc 80 --idtag DRIVER-1 --sessions 2 --time_scale 120");
            lines.Add("        (--time_scale max instead: the same sessions, every sample, as fast as the CSMS answers; exits when done)");
            lines.Add("  ./sim --ocpp_enable no --evse_profile EVSE-Hybrid-2DC-1AC --duration 45m");
            lines.Add("        (no CSMS: prints a table of simulated time, per-port delivered and offered kW, EV SoC and");
            lines.Add("        backing-battery SoC, at once; with --time_scale the rows are paced in scaled real time)");
            lines.Add("");
            lines.Add("Exit codes: 0 stopped cleanly, 1 gave up connecting (--max_connect_attempts), 2 bad command line or profile.");
            return string.Join(Environment.NewLine, lines);
        }
    }

    /// <summary>Parses <paramref name="args"/>; throws <see cref="UsageException"/> naming the offending flag.</summary>
    /// <returns>The options, or null when help was asked for.</returns>
    public static SimOptions? Parse(IReadOnlyList<string> args)
    {
        var options = new SimOptions();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help")
            {
                return null;
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new UsageException($"unexpected argument '{arg}': every option starts with --");
            }

            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            var name = eq < 0 ? arg : arg[..eq];
            var flag = Array.Find(Flags, f => f.Name == name)
                ?? throw new UsageException($"unknown option '{name}'{Suggest(name)}");
            if (!seen.Add(name))
            {
                throw new UsageException($"{name} is given more than once");
            }

            string value;
            if (!flag.TakesValue)
            {
                if (eq >= 0)
                {
                    throw new UsageException($"{name} takes no value");
                }

                value = "";
            }
            else if (eq >= 0)
            {
                value = arg[(eq + 1)..];
            }
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = args[++i];
            }
            else
            {
                throw new UsageException($"{name} needs a value: {flag.Name} {flag.ValueName}");
            }

            options = flag.Apply(options, name, value);
        }

        options = LoadFlags.Check(options, seen);
        if ((options.ClientCertificatePath is null) != (options.ClientKeyPath is null))
        {
            throw new UsageException("--ocpp_client_cert and --ocpp_client_key go together");
        }

        if (options.Session.IdTagType is { } type && !IdTokenTypes.IsDefined(type, options.Version))
        {
            throw new UsageException(options.Version == OcppVersion.V16
                ? $"--idtag_type: OCPP 1.6 idTags have no type; drop the flag or use --ocpp_version 2.0.1 or 2.1"
                : $"--idtag_type: '{type}' is not an OCPP {options.Version.DisplayName()} idToken type; expected one of {string.Join(", ", IdTokenTypes.Of(options.Version))}");
        }

        var soc = options.Session.InitialSocPercent ?? Ev.DefaultInitialSocPercent;
        var target = options.Session.TargetSocPercent ?? Ev.DefaultTargetSocPercent;
        if (target <= soc)
        {
            var which = options.Session.TargetSocPercent is null ? " (the default)" : "";
            throw new UsageException(
                $"--ev_target_soc {target.ToString(CultureInfo.InvariantCulture)}{which} must be above --ev_soc {soc.ToString(CultureInfo.InvariantCulture)}: the EV charges from --ev_soc up to --ev_target_soc");
        }

        return options;
    }

    private static string Suggest(string name)
    {
        var dashed = name.Replace('-', '_');
        var match = Array.Find(Flags, f => string.Equals(f.Name, "--" + dashed.TrimStart('_'), StringComparison.OrdinalIgnoreCase));
        return match is null ? "" : $"; did you mean {match.Name}?";
    }

    private static bool ParseYesNo(string flag, string value) => value.ToLowerInvariant() switch
    {
        "yes" or "true" or "1" or "on" => true,
        "no" or "false" or "0" or "off" => false,
        _ => throw new UsageException($"{flag}: '{value}' is not yes or no"),
    };

    private static OcppVersion ParseVersion(string flag, string value) =>
        OcppVersions.TryParse(value, out var version)
            ? version.Value
            : throw new UsageException($"{flag}: '{value}' is not an OCPP version; expected {OcppVersions.AcceptedSpellings}");

    private static Uri ParseUrl(string flag, string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("ws" or "wss"))
        {
            throw new UsageException($"{flag}: '{value}' is not a ws:// or wss:// URL");
        }

        return uri;
    }

    private static string ParseStationId(string flag, string value) =>
        StationIdentity.Problem(value) is { } problem ? throw new UsageException($"{flag}: {problem}") : value;

    private static string NonEmpty(string flag, string value) =>
        value.Length > 0 ? value : throw new UsageException($"{flag} needs a non-empty value");

    private static string ExistingFile(string flag, string value) =>
        File.Exists(value) ? value : throw new UsageException($"{flag}: file '{value}' does not exist");

    // A path with {id} names one file per station (several stations, security profile 3): each is read when its station starts.
    private static string ExistingFileOrPattern(string flag, string value) =>
        value.Contains(StationPlaceholder.Id, StringComparison.Ordinal) ? value : ExistingFile(flag, value);

    private static string ExistingDirectory(string flag, string value) =>
        Directory.Exists(value) ? value : throw new UsageException($"{flag}: folder '{value}' does not exist");

    private static string ParseEvPreset(string flag, string value) =>
        EvPresets.TryGet(value, out var model)
            ? model.Name
            : throw new UsageException($"{flag}: '{value}' is not an EV preset; expected one of {string.Join(", ", EvPresets.Names)}");

    private static string ParseIdTag(string flag, string value)
    {
        // Printable ASCII keeps the token valid in every version's identifier string type.
        if (value.Length is 0 or > MaxIdTagLength || value.Any(c => c is < '!' or > '~'))
        {
            throw new UsageException($"{flag}: '{value}' is not an id token; expected 1-{MaxIdTagLength} printable characters without spaces");
        }

        return value;
    }

    /// <summary>A factor from <see cref="MinTimeScale"/> to <see cref="MaxTimeScale"/>, or <c>max</c> (<see cref="SessionPlan.LockStep"/>).</summary>
    private static double ParseTimeScale(string flag, string value)
    {
        if (string.Equals(value, "max", StringComparison.OrdinalIgnoreCase))
        {
            return SessionPlan.LockStep;
        }

        var parsed = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d);
        return parsed && d >= MinTimeScale && d <= MaxTimeScale
            ? d
            : throw NumericFlag.Refused(flag, value, parsed ? "out of range" : "not a number", $"a factor from {NumericFlag.Show(MinTimeScale)} to {NumericFlag.Show(MaxTimeScale)}, or max");
    }

    /// <summary>Parses a simulated duration: plain seconds, or a number with s, m or h (<c>30s</c>, <c>45m</c>, <c>1.5h</c>).</summary>
    internal static TimeSpan ParseDuration(string flag, string value)
    {
        var unit = value.Length > 0 ? char.ToLowerInvariant(value[^1]) : ' ';
        var (number, seconds) = unit switch
        {
            's' => (value[..^1], 1d),
            'm' => (value[..^1], 60d),
            'h' => (value[..^1], 3600d),
            _ => (value, 1d),
        };
        if (double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) && d > 0)
        {
            if (d * seconds <= MaxDurationHours * 3600d)
            {
                return TimeSpan.FromSeconds(d * seconds);
            }

            throw new UsageException($"{flag}: '{value}' is out of range; expected at most {NumericFlag.Show(MaxDurationHours)}h ({MaxDurationHours / 24} days) of simulated time");
        }

        throw new UsageException($"{flag}: '{value}' is not a duration; expected seconds or a number with s, m or h above 0 (e.g. 90, 30s, 45m, 2h)");
    }
}
