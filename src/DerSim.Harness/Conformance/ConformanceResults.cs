using DerSim.Ocpp;

namespace DerSim.Harness.Conformance;

/// <summary>A run's verdicts as <c>conformance.json</c> keeps them, for <c>dersim catalogue</c>.</summary>
/// <param name="Blocks">Per version and block, how many cases have each verdict.</param>
/// <param name="Cases">Per version and case id, the case's verdict label (or "not run", "no scenario").</param>
public sealed record ConformanceResults(
    IReadOnlyDictionary<(OcppVersion Version, string Block), IReadOnlyDictionary<ConformanceVerdict, int>> Blocks,
    IReadOnlyDictionary<(OcppVersion Version, string Id), string> Cases)
{
    /// <summary>The count of <paramref name="verdict"/> in <paramref name="block"/> of <paramref name="version"/>; 0 when the file has no such block.</summary>
    public int Count(OcppVersion version, string block, ConformanceVerdict verdict) =>
        Blocks.TryGetValue((version, block), out var counts) ? counts.GetValueOrDefault(verdict) : 0;

    /// <summary>The verdict label of case <paramref name="id"/> of <paramref name="version"/>, or null when the file does not list it.</summary>
    public string? VerdictOf(OcppVersion version, string id) => Cases.GetValueOrDefault((version, id));
}
