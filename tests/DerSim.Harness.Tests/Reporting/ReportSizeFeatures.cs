using System.Globalization;
using System.Text;

namespace DerSim.Harness.Tests.Reporting;

/// <summary>
/// Writes the report-size suite: feature files in six area folders, two scenarios in three charging (meter samples
/// drawn from a log-normal spread: median 15, a long tail up to 240, as the bundled suite's traffic, whose transcripts
/// run from 1 KB to 350 KB with a median of 18 KB), one in three configuring; every tenth fails a traffic check and
/// every fiftieth breaks. Seeded, so every run writes the same files.
/// </summary>
internal static class ReportSizeFeatures
{
    private static readonly string[] Areas = ["availability", "core", "der", "remote", "sessions", "smart-charging"];

    private static readonly (string Name, int Evses, int Kw)[] Profiles =
    [
        ("EVSE-AC-22kW-1port", 1, 22),
        ("EVSE-AC-7.4kW-2port", 2, 7),
        ("EVSE-DC-150kW-CCS-1port", 1, 150),
        ("EVSE-DC-350kW-CCS-2port", 2, 350),
        ("EVSE-Hybrid-2DC-1AC", 3, 120),
        ("EVSE-V2G-DC-50kW-bidir", 1, 50),
    ];

    /// <summary>What the suite holds.</summary>
    public sealed record Suite(int Scenarios, int Failing, int Breaking);

    /// <summary>Writes <paramref name="scenarios"/> scenarios under <paramref name="directory"/> (emptied first).</summary>
    public static Suite Write(string directory, int scenarios)
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        var random = new Random(14);
        var perFeature = 25;
        var failing = 0;
        var breaking = 0;
        for (var first = 0; first < scenarios; first += perFeature)
        {
            var feature = first / perFeature;
            var area = Areas[feature % Areas.Length];
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"@{area} @ocpp2.0.1\nFeature: {Title(area)} {feature + 1}\n  Scenarios of the report-size test: the traffic of a bundled-suite run, synthetic and seeded.\n");
            for (var i = first; i < Math.Min(scenarios, first + perFeature); i++)
            {
                var breaks = i % 50 == 7;
                var fails = i % 10 == 7 && !breaks;
                failing += fails ? 1 : 0;
                breaking += breaks ? 1 : 0;
                text.Append(i % 3 == 0 ? Configuring(i, random, fails, breaks) : Charging(i, random, fails, breaks));
            }

            var folder = Path.Combine(directory, area);
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, $"size-{feature + 1:00}.feature"), text.ToString());
        }

        return new Suite(scenarios, failing, breaking);
    }

    private static string Title(string area) => char.ToUpperInvariant(area[0]) + area[1..].Replace('-', ' ');

    private static string Charging(int i, Random random, bool fails, bool breaks)
    {
        var (profile, evses, kw) = Profiles[i % Profiles.Length];
        var samples = (int)Math.Clamp(Math.Round(Math.Exp(Math.Log(15) + (1.3 * Normal(random)))), 2, 240);
        var before = samples / 2;
        var limit = Math.Max(1, kw / 2);
        return $"""

              @TC_K_{i % 70:00}_CSMS
              Scenario: A session on {profile} keeps to a TxProfile of {limit} kW and ends in order ({i:000})
                Given a size-suite station "DERSIM-SIZE-{i:000}" with profile "{profile}" on OCPP 2.0.1
                When the size-suite station boots and reports its {evses} connectors
                And a size-suite EV "sedan-75" at 20% plugs into EVSE 1
                And the size-suite driver presents the valid token on EVSE 1
                And size-suite EVSE 1 charges at {kw} kW for {before} meter samples
                And the size-suite CSMS limits EVSE 1 to {limit} kW with a TxProfile
                Then the size-suite station answered "SetChargingProfile" with "Accepted"
                When size-suite EVSE 1 charges at {(fails ? kw : limit)} kW for {samples - before} meter samples
                And the size-suite EV unplugs from EVSE 1{(breaks ? "\n    And the size-suite rig breaks down" : "")}
                Then every size-suite meter sample on EVSE 1 after the limit is at most {limit} kW
                And the size-suite transaction on EVSE 1 ended
                And every size-suite frame is valid against the OCPP schema
                And the size-suite CSMS answered no call with an error

            """;
    }

    private static string Configuring(int i, Random random, bool fails, bool breaks)
    {
        var (profile, evses, _) = Profiles[i % Profiles.Length];
        var variables = random.Next(4, 40);
        return $"""

              @TC_B_{i % 60:00}_CSMS
              Scenario: The CSMS configures a station on {profile} through its device model ({i:000})
                Given a size-suite station "DERSIM-SIZE-{i:000}" with profile "{profile}" on OCPP 2.0.1
                When the size-suite station boots and reports its {evses} connectors
                And the size-suite CSMS sets {variables} configuration variables, of which {(fails ? 1 : 0)} rejected{(breaks ? "\n    And the size-suite rig breaks down" : "")}
                Then the size-suite station accepted every SetVariables
                When the size-suite CSMS reads {variables} configuration variables
                Then the size-suite station answered every GetVariables
                And every size-suite frame is valid against the OCPP schema
                And the size-suite CSMS answered no call with an error

            """;
    }

    /// <summary>A standard normal draw (Box–Muller).</summary>
    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
