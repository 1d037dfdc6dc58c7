using GherkinDialect = global::Gherkin.GherkinDialect;
using GherkinDialectProvider = global::Gherkin.GherkinDialectProvider;
using IGherkinDialectProvider = global::Gherkin.IGherkinDialectProvider;
using Location = global::Gherkin.Ast.Location;
using NoSuchLanguageException = global::Gherkin.NoSuchLanguageException;

namespace DerSim.Gherkin.Features;

/// <summary>
/// Accepts .NET culture names where Gherkin knows only languages: Reqnroll users write "en-US" in reqnroll.json and
/// "# language: de-DE" in files, while Gherkin's dialects are "en", "de", "en-au", "zh-CN"…
/// </summary>
internal sealed class CultureDialectProvider : IGherkinDialectProvider
{
    private readonly GherkinDialectProvider inner = new("en");

    /// <summary>Creates the provider; throws <see cref="NoSuchLanguageException"/> when the default is unknown.</summary>
    public CultureDialectProvider(string defaultLanguage) => DefaultDialect = GetDialect(defaultLanguage, null);

    public GherkinDialect DefaultDialect { get; }

    public GherkinDialect GetDialect(string language, Location? location)
    {
        foreach (var candidate in Candidates(language))
        {
            try
            {
                return inner.GetDialect(candidate, location);
            }
            catch (NoSuchLanguageException)
            {
                // Try the next spelling; the original name is reported below if none fits.
            }
        }

        throw new NoSuchLanguageException(language, location);
    }

    private static IEnumerable<string> Candidates(string language)
    {
        var name = language.Trim();
        yield return name;
        yield return name.ToLowerInvariant();
        var dash = name.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0)
        {
            yield return name[..dash].ToLowerInvariant();
        }
    }
}
