using DerSim.Sim.Load;

namespace DerSim.Sim.Tests.Load;

/// <summary><c>--shard K/N</c>: contiguous blocks whose union is every id once; <c>auto/N</c> from JOB_COMPLETION_INDEX.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class ShardSpecTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    [Test]
    public void Shard_2_of_3_runs_the_middle_block()
    {
        var ids = StationIds.Numbered("S", 10);

        ShardSpec.Parse("2/3", NoEnvironment).Slice(ids).ShouldBe(["S-00004", "S-00005", "S-00006"]);
    }

    [TestCase(10, 3)]
    [TestCase(10_000, 7)]
    [TestCase(2, 5)]
    [TestCase(1, 1)]
    public void The_shards_together_run_every_id_once(int stations, int shards)
    {
        var ids = StationIds.Numbered("S", stations);

        var slices = Enumerable.Range(1, shards).Select(k => ShardSpec.Parse($"{k}/{shards}", NoEnvironment).Slice(ids)).ToList();

        slices.SelectMany(s => s).ShouldBe(ids);
        slices.Max(s => s.Count).ShouldBeLessThanOrEqualTo(slices.Min(s => s.Count) + 1);
    }

    [Test]
    public void Auto_takes_the_shard_from_the_0_based_completion_index() =>
        ShardSpec.Parse("auto/4", name => name == ShardSpec.CompletionIndexVariable ? "2" : null).ShouldBe(new ShardSpec(3, 4));

    [TestCase("0/3", "K from 1 to 3")]
    [TestCase("4/3", "K from 1 to 3")]
    [TestCase("2", "expected K/N")]
    [TestCase("a/b", "expected K/N")]
    [TestCase("auto/3", "JOB_COMPLETION_INDEX is not set")]
    public void A_bad_shard_says_what_was_expected(string value, string expected) =>
        Should.Throw<FormatException>(() => ShardSpec.Parse(value, NoEnvironment)).Message.ShouldContain(expected);

    [Test]
    public void Auto_refuses_an_index_beyond_the_shards() =>
        Should.Throw<FormatException>(() => ShardSpec.Parse("auto/3", _ => "3")).Message.ShouldContain("from 0 to 2");
}
