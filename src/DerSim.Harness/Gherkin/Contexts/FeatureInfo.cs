using System.Globalization;

namespace DerSim.Harness.Gherkin;

/// <summary>What a binding may know about the running feature.</summary>
/// <param name="Title">The feature's name.</param>
/// <param name="Description">The text under the title.</param>
/// <param name="Tags">The feature's tags, without '@'.</param>
/// <param name="Language">The language the feature is written in.</param>
/// <param name="FilePath">The feature file's path relative to the feature folder ('/' separators).</param>
/// <param name="FolderPath">The folder part of <paramref name="FilePath"/> (empty at the root).</param>
public sealed record FeatureInfo(string Title, string Description, IReadOnlyList<string> Tags, CultureInfo Language, string FilePath, string FolderPath);
