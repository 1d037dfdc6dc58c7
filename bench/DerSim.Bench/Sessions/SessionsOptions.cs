using System.Globalization;
using DerSim.Ocpp;

namespace DerSim.Bench.Sessions;

/// <summary>The <c>sessions</c> command's arguments. Each default is documented on its property.</summary>
public sealed record SessionsOptions
{
    /// <summary>The seed's DC fast charger.</summary>
    public const string SeedProfile = "EVSE-DC-150kW-CCS-1port";

    /// <summary>Stations in the multi-station figure (one shared CSMS). The default value is 100.</summary>
    public int Stations { get; init; } = 100;

    /// <summary>The profile of the multi-station and physics figures. The default value is <see cref="SeedProfile"/>.</summary>
    public string Profile { get; init; } = SeedProfile;

    /// <summary>The EV preset; null takes the profile's default (sedan-75 on the DC-150). The default value is null.</summary>
    public string? Ev { get; init; }

    /// <summary>The versions to run. The default value is 1.6, 2.0.1 and 2.1.</summary>
    public IReadOnlyList<OcppVersion> Versions { get; init; } = OcppVersions.All;

    /// <summary>Seed-session runs per version, after the warm-up run. The default value is 5.</summary>
    public int Runs { get; init; } = 5;

    /// <summary>The meter sample interval every station uses, in seconds. The default value is 60.</summary>
    public int IntervalSeconds { get; init; } = 60;

    /// <summary>Schema validation on both ends, as <c>./sim</c> and the reference CSMS do by default. The default value is true.</summary>
    public bool Validate { get; init; } = true;

    /// <summary>Schema validation at the reference CSMS, as <c>dersim csms</c> runs it. The default value is true.</summary>
    public bool CsmsValidate { get; init; } = true;

    /// <summary>Which parts to run: <c>seed</c>, <c>fleet</c>, <c>physics</c>. The default value is all three.</summary>
    public IReadOnlySet<string> Parts { get; init; } = new HashSet<string>(["seed", "fleet", "physics"], StringComparer.Ordinal);

    /// <summary>The usage line.</summary>
    public const string Usage =
        "sessions [--stations N] [--profile NAME] [--ev PRESET] [--version 1.6|2.0.1|2.1] [--runs R] [--interval SECONDS] [--validate yes|no] [--csms_validate yes|no] [--only seed|fleet|physics]";

    /// <summary>Parses <paramref name="args"/>; throws <see cref="ArgumentException"/> with the reason on a bad one.</summary>
    public static SessionsOptions Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new SessionsOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            var value = i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value");
            options = name switch
            {
                "--stations" => options with { Stations = Positive(name, value) },
                "--profile" => options with { Profile = value },
                "--ev" => options with { Ev = value },
                "--version" => options with { Versions = [Version(value)] },
                "--runs" => options with { Runs = Positive(name, value) },
                "--interval" => options with { IntervalSeconds = Positive(name, value) },
                "--validate" => options with { Validate = YesNo(name, value) },
                "--csms_validate" => options with { CsmsValidate = YesNo(name, value) },
                "--only" => options with { Parts = new HashSet<string>(value.Split(','), StringComparer.Ordinal) },
                _ => throw new ArgumentException($"unknown option {name}"),
            };
        }

        return options;
    }

    private static bool YesNo(string name, string value) => value switch
    {
        "yes" or "true" => true,
        "no" or "false" => false,
        _ => throw new ArgumentException($"{name} takes yes or no, not '{value}'"),
    };

    private static int Positive(string name, string value) =>
        int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"{name} takes a whole number > 0, not '{value}'");

    private static OcppVersion Version(string value) =>
        OcppVersions.TryParse(value, out var version) ? version.Value : throw new ArgumentException($"--version takes 1.6, 2.0.1 or 2.1, not '{value}'");
}
