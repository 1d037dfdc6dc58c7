using DerSim.Gherkin.Model;

namespace DerSim.Gherkin.Features;

/// <summary>What <see cref="FeatureLoader.Load"/> found: the parsed features and every parse error.</summary>
/// <param name="Features">Parsed features, in path order (ordinal).</param>
/// <param name="Errors">Every error of every file that failed to parse; such a file contributes no feature.</param>
public sealed record FeatureLoadResult(IReadOnlyList<FeatureDocument> Features, IReadOnlyList<FeatureParseError> Errors);
