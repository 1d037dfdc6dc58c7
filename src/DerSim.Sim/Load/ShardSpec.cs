using System.Globalization;

namespace DerSim.Sim.Load;

/// <summary>
/// One slice of a run's station ids (<c>--shard K/N</c>, K 1-based): the ids are cut into N contiguous blocks whose
/// sizes differ by at most one, and shard K runs block K. N processes given the same ids and K = 1..N together run
/// every id once. <c>auto/N</c> takes K from <c>JOB_COMPLETION_INDEX</c> (a Kubernetes Indexed Job's 0-based index) plus 1.
/// </summary>
public sealed record ShardSpec(int Index, int Count)
{
    /// <summary>The environment variable a Kubernetes Indexed Job sets in each pod: its 0-based completion index.</summary>
    public const string CompletionIndexVariable = "JOB_COMPLETION_INDEX";

    /// <summary>The most shards.</summary>
    public const int MaxCount = 10_000;

    /// <summary>
    /// Reads <c>K/N</c> or <c>auto/N</c>; throws <see cref="FormatException"/> with the reason (the caller names the flag).
    /// </summary>
    public static ShardSpec Parse(string value, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(environment);
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || !int.TryParse(value.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count is < 1 or > MaxCount)
        {
            throw new FormatException($"'{value}' is not a shard; expected K/N with N from 1 to {MaxCount} and K from 1 to N (e.g. 2/4), or auto/N");
        }

        var k = value[..slash];
        int index;
        if (k == "auto")
        {
            var set = environment(CompletionIndexVariable);
            if (string.IsNullOrEmpty(set))
            {
                throw new FormatException($"'{value}': {CompletionIndexVariable} is not set (a Kubernetes Indexed Job sets it in each pod); give the shard number instead, e.g. 1/{count}");
            }

            if (!int.TryParse(set, NumberStyles.None, CultureInfo.InvariantCulture, out var zeroBased) || zeroBased >= count)
            {
                throw new FormatException($"'{value}': {CompletionIndexVariable}='{set}' is not a completion index from 0 to {count - 1}");
            }

            index = zeroBased + 1;
        }
        else if (!int.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out index) || index < 1 || index > count)
        {
            throw new FormatException($"'{value}' is not a shard; expected K/N with K from 1 to {count}");
        }

        return new ShardSpec(index, count);
    }

    /// <summary>The range of positions (0-based, end exclusive) of this shard among <paramref name="total"/> ids.</summary>
    public (int Start, int End) RangeOf(int total)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        long n = total;
        return ((int)(n * (Index - 1) / Count), (int)(n * Index / Count));
    }

    /// <summary>This shard's ids of <paramref name="all"/>, in order.</summary>
    public IReadOnlyList<string> Slice(IReadOnlyList<string> all)
    {
        ArgumentNullException.ThrowIfNull(all);
        var (start, end) = RangeOf(all.Count);
        return [.. all.Skip(start).Take(end - start)];
    }

    /// <inheritdoc />
    public override string ToString() => $"{Index}/{Count}";
}
