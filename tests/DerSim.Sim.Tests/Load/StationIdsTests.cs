using DerSim.Sim.Load;

namespace DerSim.Sim.Tests.Load;

/// <summary>The ids of a load run: numbered after a prefix, or read from a file with one-line errors naming file:line.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class StationIdsTests
{
    [Test]
    public void Numbered_ids_are_zero_padded_to_at_least_five_digits()
    {
        StationIds.Numbered("LT", 20).ShouldBe([.. Enumerable.Range(1, 20).Select(i => $"LT-{i:00000}")]);
        StationIds.Numbered("X", 123_456)[^1].ShouldBe("X-123456");
        StationIds.Numbered("X", 123_456)[0].ShouldBe("X-000001");
    }

    [Test]
    public void A_prefix_too_long_for_the_count_is_refused_naming_the_longest_id()
    {
        var prefix = new string('P', 43);

        var ex = Should.Throw<FormatException>(() => StationIds.Numbered(prefix, 100_000));

        ex.Message.ShouldContain($"{prefix}-100000");
        ex.Message.ShouldContain("longer than 48");
    }

    [Test]
    public void A_list_gives_its_ids_in_order_with_or_without_a_last_line_break_and_carriage_returns() =>
        StationIds.Parse("A-1\r\nB-2\r\nC-3\r\n", "ids.txt").ShouldBe(["A-1", "B-2", "C-3"]);

    [TestCase("A-1\n\nB-2\n", "ids.txt:2: blank line")]
    [TestCase("A-1\nB-2\nA-1\n", "ids.txt:3: station id 'A-1' appears again (first at line 1)")]
    [TestCase("A-1\nB 2\n", "ids.txt:2: 'B 2' is not a station identity")]
    [TestCase("A:1\n", "ids.txt:1: 'A:1' is not a station identity")]
    [TestCase("", "ids.txt: no station ids")]
    public void A_bad_list_is_one_line_naming_file_and_line(string text, string expected)
    {
        var ex = Should.Throw<FormatException>(() => StationIds.Parse(text, "ids.txt"));

        ex.Message.ShouldStartWith(expected);
        ex.Message.ShouldNotContain("\n");
    }
}
