using DerSim.Sim.Cli;
using DerSim.Ocpp;

namespace DerSim.Sim.Tests.Cli;

/// <summary>One identity rule, OCPP's identifierString of at most 48 characters without ':' (issue 13, item 6).</summary>
[Parallelizable(ParallelScope.All)]
public sealed class StationIdentityTests
{
    [TestCase("DERSIM-1")]
    [TestCase("a")]
    [TestCase("CS*1+a=b|c@d.e_f")]
    [TestCase("123456789012345678901234567890123456789012345678")]
    public void Identifier_strings_of_up_to_48_characters_are_identities(string id)
    {
        StationIdentity.Problem(id).ShouldBeNull();
        SimCommandLine.Parse(["--ocpp_csid", id])!.StationId.ShouldBe(id);
    }

    [TestCase("", "no station identity")]
    [TestCase("1234567890123456789012345678901234567890123456789", "49 characters is longer than 48")]
    [TestCase("CS:1", "'CS:1' is not a station identity")]
    [TestCase("CS 1", "'CS 1' is not a station identity")]
    [TestCase("a/b", "'a/b' is not a station identity")]
    [TestCase("EVIL\n12:00:00.000 forged", "'EVIL\\n12:00:00.000 forged' is not a station identity")]
    [TestCase("Zoë", "'Zoë' is not a station identity")]
    [TestCase("a%0Ab", "'a%0Ab' is not a station identity")]
    [TestCase("..", "dot segment")]
    public void Anything_else_is_refused_with_a_one_line_reason(string id, string reason)
    {
        var problem = StationIdentity.Problem(id).ShouldNotBeNull();
        problem.ShouldContain(reason);
        problem.ShouldNotContain('\n');
        if (id.Length > 0)
        {
            Should.Throw<UsageException>(() => SimCommandLine.Parse(["--ocpp_csid", id])).Message.ShouldBe($"--ocpp_csid: {problem}");
        }
    }
}
