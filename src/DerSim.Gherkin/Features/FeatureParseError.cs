namespace DerSim.Gherkin.Features;

/// <summary>A feature file the Gherkin parser rejected, at one position.</summary>
/// <param name="Path">The file as given to the loader.</param>
/// <param name="Line">1-based line (0 when the parser gave no position).</param>
/// <param name="Column">1-based column (0 when the parser gave no position).</param>
/// <param name="Message">The parser's message, without its own "(line:col):" prefix.</param>
public sealed record FeatureParseError(string Path, int Line, int Column, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Path}:{Line}:{Column}: {Message}";
}
