using DerSim.Harness.Cli;

namespace DerSim.Harness.Tests.Cli;

/// <summary>
/// Every numeric option of <c>dersim</c> has a range (issue 13, item 5): the real parser accepts its bounds and refuses a
/// step past either with one error naming the option and the range; as a process, that is one line and exit 2.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class RangedOptionTests
{
    // command, option, lowest, highest, refused below, refused above, the range as the message states it.
    private static readonly object[] Ranges =
    [
        new object[] { "csms", "--port", "0", "65535", "-1", "99999", "a TCP port from 0 to 65535" },
        new object[] { "csms", "--heartbeat-interval", "1", "86400", "0", "86401", "seconds from 1 to 86400" },
        new object[] { "run", "--parallel", "1", "1024", "0", "1025", "a number of scenarios from 1 to 1024" },
        new object[] { "run", "--manual-timeout", "1", "86400", "0.5", "1e30", "seconds from 1 to 86400" },
        new object[] { "bootcheck", "--timeout", "1", "3600", "0", "3601", "seconds from 1 to 3600" },
    ];

    [TestCaseSource(nameof(Ranges))]
    public void The_bounds_parse(string command, string option, string lowest, string highest, string below, string above, string range)
    {
        DersimCli.Root().Parse([command, option, lowest]).Errors.ShouldBeEmpty();
        DersimCli.Root().Parse([command, option, highest]).Errors.ShouldBeEmpty();
    }

    [TestCaseSource(nameof(Ranges))]
    public void Past_either_bound_is_a_parse_error_stating_the_range(string command, string option, string lowest, string highest, string below, string above, string range)
    {
        foreach (var value in new[] { below, above })
        {
            DersimCli.Root().Parse([command, option, value]).Errors.Select(e => e.Message)
                .ShouldBe([$"{option} '{value}' is out of range; expected {range}"]);
        }
    }

    [TestCase("csms", "--port", "99999", "a TCP port from 0 to 65535")]
    [TestCase("bootcheck", "--timeout", "1e30", "seconds from 1 to 3600")]
    public async Task As_a_process_it_is_one_line_and_exit_2(string command, string option, string value, string range)
    {
        var (exit, stdout, stderr) = await DersimProcess.RunAsync(command, option, value);

        exit.ShouldBe(2, stderr);
        stdout.ShouldBeEmpty();
        stderr.ShouldBe($"dersim {command}: {option} '{value}' is out of range; expected {range}\nRun ./dersim {command} --help for usage.\n");
    }

    [Test]
    public async Task A_value_that_is_not_a_number_is_also_one_line_and_exit_2()
    {
        var (exit, _, stderr) = await DersimProcess.RunAsync("csms", "--port", "eighty");

        exit.ShouldBe(2, stderr);
        stderr.ShouldStartWith("dersim csms: ");
        stderr.ShouldContain("eighty");
        stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(2, stderr);
    }
}
