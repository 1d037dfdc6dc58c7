using DerSim.Sim.Cli;

namespace DerSim.Sim.Tests.Cli;

/// <summary>
/// Every numeric flag of <c>./sim</c> has a range (issue 13, item 5): its bounds parse, a step past either bound and a
/// non-number are usage errors naming the flag and the range. The values the battery crashed ./sim with are here.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class NumericFlagTests
{
    // flag, lowest accepted, highest accepted, refused below, refused above, the range as the message states it.
    private static readonly object[] Ranges =
    [
        new object[] { "--max_connect_attempts", "1", "1000000", "0", "1000001", "from 1 to 1000000" },
        new object[] { "--call_timeout", "0.01", "86400", "0.009", "1e30", "seconds from 0.01 to 86400" },
        new object[] { "--run_for", "0.01", "2592000", "0", "5000000", "seconds from 0.01 to 2592000" },
        new object[] { "--sessions", "0", "100000", "-1", "100001", "from 0 to 100000" },
        new object[] { "--time_scale", "0.001", "10000", "0.0001", "1e300", "from 0.001 to 10000" },
        new object[] { "--duration", "1", "8784h", "0", "8785h", "8784h" },
        new object[] { "--ev_soc", "0", "100", "-0.1", "100.1", "from 0 to 100" },
        new object[] { "--ev_target_soc", "0.5", "100", "-1", "101", "from 0 to 100" },
    ];

    [TestCaseSource(nameof(Ranges))]
    public void The_bounds_parse(string flag, string lowest, string highest, string below, string above, string range)
    {
        // The SoC flags are also checked against each other: the target stays above the arrival SoC.
        string[] other = flag switch
        {
            "--ev_soc" => ["--ev_target_soc", "100"],
            "--ev_target_soc" => ["--ev_soc", "0"],
            _ => [],
        };
        Should.NotThrow(() => SimCommandLine.Parse([flag, lowest, .. other]), $"{flag} {lowest}");
        Should.NotThrow(() => SimCommandLine.Parse([flag, flag == "--ev_soc" ? "99.9" : highest, .. other]), $"{flag} {highest}");
    }

    [TestCaseSource(nameof(Ranges))]
    public void Past_either_bound_is_a_one_line_usage_error_stating_the_range(string flag, string lowest, string highest, string below, string above, string range)
    {
        foreach (var value in new[] { below, above, "NaN", "Infinity", "-Infinity", "lots" })
        {
            var error = Should.Throw<UsageException>(() => SimCommandLine.Parse([flag, value]), $"{flag} {value}");
            error.Message.ShouldStartWith($"{flag}: '{value}' is ");
            error.Message.ShouldNotContain("\n");
        }

        Should.Throw<UsageException>(() => SimCommandLine.Parse([flag, above])).Message.ShouldContain(range);
    }

    [TestCase("--sessions", "1.5", "not a whole number")]
    [TestCase("--sessions", "many", "not a number")]
    [TestCase("--run_for", "5000000", "out of range")]
    [TestCase("--max_connect_attempts", "99999999999", "out of range")]
    public void The_message_says_what_is_wrong(string flag, string value, string problem) =>
        Should.Throw<UsageException>(() => SimCommandLine.Parse([flag, value])).Message.ShouldContain($"'{value}' is {problem}");

    [Test]
    public void The_help_states_each_range()
    {
        var usage = SimCommandLine.Usage;
        usage.ShouldContain("seconds to wait for each answer, 0.01-86400 (default: 30)");
        usage.ShouldContain("simulated seconds per wall second, 0.001-10000");
        usage.ShouldContain("up to 8784h");
    }

    [Test]
    public void The_documented_command_lines_still_parse()
    {
        // The help's examples (and the seed's, which have no numeric flags) as written.
        Should.NotThrow(() => SimCommandLine.Parse(["--ocpp_enable", "yes", "--ocpp_version", "ocpp1.6j", "--ocpp_csms_url", "ws://localhost:8180/steve/websocket/CentralSystemService", "--ocpp_csid", "DERSIM-LAB-1", "--evse_profile", "EVSE-AC-22kW-1port.json"]));
        Should.NotThrow(() => SimCommandLine.Parse(["--ocpp_enable", "yes", "--ocpp_version", "ocpp2.0.1j", "--ocpp_csms_url", "ws://localhost:8081/ocpp", "--ocpp_csid", "DERSIM-DC-1", "--evse_profile", "EVSE-DC-150kW-CCS-1port.json", "--ev", "sedan-75", "--ev_soc", "20", "--ev_target_soc", "80", "--idtag", "DRIVER-1", "--sessions", "2", "--time_scale", "120"]));
        Should.NotThrow(() => SimCommandLine.Parse(["--ocpp_enable", "no", "--evse_profile", "EVSE-Hybrid-2DC-1AC", "--duration", "45m"]));
        Should.NotThrow(() => SimCommandLine.Parse(["--run_for=2", "--call_timeout=30", "--max_connect_attempts=3", "--time_scale=600", "--sessions=0"]));
    }
}
