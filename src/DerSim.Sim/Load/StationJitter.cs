namespace DerSim.Sim.Load;

/// <summary>
/// A station's share of <c>--jitter</c>: a number in [0, 1) drawn from its id and the seed, the same on every run and
/// in every shard, spread evenly over the stations (FNV-1a of the id, mixed with the seed by SplitMix64).
/// </summary>
public static class StationJitter
{
    /// <summary>The share, in [0, 1), of <paramref name="stationId"/> under <paramref name="seed"/>.</summary>
    public static double Of(string stationId, int seed)
    {
        ArgumentNullException.ThrowIfNull(stationId);
        var hash = 14695981039346656037UL;
        foreach (var c in stationId)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        var z = hash + ((ulong)(uint)seed * 0x9E3779B97F4A7C15UL) + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }
}
