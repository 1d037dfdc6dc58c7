namespace DerSim.Gherkin.Model;

/// <summary>
/// A parsed feature file and its scenarios (pickles), free of the Gherkin package's types so the runtime and its tests
/// can build them directly.
/// </summary>
/// <param name="Path">The file as given (absolute or relative to the working directory).</param>
/// <param name="RelativePath">The path relative to the folder the features were loaded from, with '/' separators.</param>
/// <param name="Title">The feature's name.</param>
/// <param name="Description">The free text under the title, or empty.</param>
/// <param name="Tags">The feature's own tags, without '@'.</param>
/// <param name="Language">The Gherkin dialect the file was written in (e.g. "en", "de").</param>
/// <param name="Line">The line of the Feature keyword.</param>
/// <param name="Scenarios">One entry per pickle, in file order.</param>
public sealed record FeatureDocument(
    string Path,
    string RelativePath,
    string Title,
    string Description,
    IReadOnlyList<string> Tags,
    string Language,
    int Line,
    IReadOnlyList<ScenarioCase> Scenarios)
{
    /// <summary>The feature's Cucumber messages for Reqnroll's formatters; null for a document built in code.</summary>
    public FeatureMessages? Messages { get; init; }

    /// <summary>
    /// The path to show in messages: relative to the working directory when the file lies under it
    /// ("features/core/boot.feature"), else as loaded.
    /// </summary>
    public string DisplayPath
    {
        get
        {
            var relative = System.IO.Path.GetRelativePath(Directory.GetCurrentDirectory(), Path);
            return relative.StartsWith("..", StringComparison.Ordinal) || System.IO.Path.IsPathRooted(relative) ? Path : relative.Replace('\\', '/');
        }
    }
}
