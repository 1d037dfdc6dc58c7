using DerSim.Gherkin.Model;
using AstGherkinDocument = global::Gherkin.Ast.GherkinDocument;
using AstMessagesConverter = global::Gherkin.CucumberMessages.AstMessagesConverter;
using CompositeParserException = global::Gherkin.CompositeParserException;
using IIdGenerator = global::Gherkin.CucumberMessages.IIdGenerator;
using NoSuchLanguageException = global::Gherkin.NoSuchLanguageException;
using Parser = global::Gherkin.Parser;
using ParserException = global::Gherkin.ParserException;
using PickleCompiler = global::Gherkin.CucumberMessages.Pickles.PickleCompiler;
using TokenMatcher = global::Gherkin.TokenMatcher;
using TokenScanner = global::Gherkin.TokenScanner;

namespace DerSim.Gherkin.Features;

/// <summary>
/// Turns feature files into <see cref="FeatureDocument"/>s with the Gherkin package's parser and pickle compiler, so
/// backgrounds, rules, outlines and examples expand exactly as Cucumber and Reqnroll expand them.
/// </summary>
public static class FeatureLoader
{
    /// <summary>
    /// Loads feature files. Folders are searched recursively for *.feature; everything is parsed in ordinal path order.
    /// A file that fails to parse adds all its errors to <see cref="FeatureLoadResult.Errors"/> and no feature.
    /// </summary>
    /// <param name="paths">Files or folders; relative paths are taken from the working directory.</param>
    /// <param name="defaultLanguage">The dialect of files without <c># language:</c>: a Gherkin language ("en", "de")
    /// or a culture name as in reqnroll.json ("en-US" → "en").</param>
    /// <exception cref="ArgumentException">The default language is not a Gherkin dialect.</exception>
    /// <exception cref="DirectoryNotFoundException">A path is neither a file nor a folder.</exception>
    public static FeatureLoadResult Load(IEnumerable<string> paths, string defaultLanguage)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var dialects = CreateDialects(defaultLanguage);
        var files = new List<(string Path, string Relative)>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add((path, Path.GetFileName(path)));
            }
            else if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*.feature", SearchOption.AllDirectories)
                    .Select(f => (f, Path.GetRelativePath(path, f).Replace('\\', '/'))));
            }
            else
            {
                throw new DirectoryNotFoundException($"No feature file or folder at '{Path.GetFullPath(path)}'.");
            }
        }

        var features = new List<FeatureDocument>();
        var errors = new List<FeatureParseError>();
        foreach (var (path, relative) in files.DistinctBy(f => f.Path).OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (IOException e)
            {
                errors.Add(new FeatureParseError(path, 0, 0, e.Message));
                continue;
            }

            var (feature, fileErrors) = Parse(text, path, relative, dialects);
            errors.AddRange(fileErrors);
            if (feature is not null)
            {
                features.Add(feature);
            }
        }

        return new FeatureLoadResult(features, errors);
    }

    /// <summary>Parses one feature from text; used for files and for tests that keep their Gherkin inline.</summary>
    /// <param name="text">The feature file's content.</param>
    /// <param name="path">The path to show in errors and <see cref="FeatureDocument.Path"/>.</param>
    /// <param name="relativePath">The path used in scenario ids (stable across machines).</param>
    /// <param name="defaultLanguage">As for <see cref="Load"/>.</param>
    /// <returns>The feature (null when the file has errors or no Feature) and the errors.</returns>
    public static (FeatureDocument? Feature, IReadOnlyList<FeatureParseError> Errors) Parse(
        string text, string path, string relativePath, string defaultLanguage) =>
        Parse(text, path, relativePath, CreateDialects(defaultLanguage));

    private static CultureDialectProvider CreateDialects(string defaultLanguage)
    {
        try
        {
            return new CultureDialectProvider(defaultLanguage);
        }
        catch (NoSuchLanguageException)
        {
            throw new ArgumentException($"'{defaultLanguage}' is not a Gherkin language (language.feature).", nameof(defaultLanguage));
        }
    }

    private static (FeatureDocument? Feature, IReadOnlyList<FeatureParseError> Errors) Parse(
        string text, string path, string relativePath, CultureDialectProvider dialects)
    {
        AstGherkinDocument ast;
        try
        {
            using var reader = new StringReader(text);
            ast = new Parser().Parse(new TokenScanner(reader), new TokenMatcher(dialects));
        }
        catch (CompositeParserException e)
        {
            return (null, e.Errors.Select(x => ToError(path, x)).ToList());
        }
        catch (ParserException e)
        {
            return (null, [ToError(path, e)]);
        }

        if (ast.Feature is null)
        {
            return (null, []);
        }

        // Ids unique across features (Reqnroll's formatters merge every feature's messages into one stream) and the same
        // on every run: the relative path, then a counter.
        var ids = new PathIdGenerator(relativePath);
        var document = new AstMessagesConverter(ids).ConvertGherkinDocumentToEventArgs(ast, relativePath);
        var pickles = new PickleCompiler(ids).Compile(document);
        var source = new Io.Cucumber.Messages.Types.Source(relativePath, text, Io.Cucumber.Messages.Types.SourceMediaType.TEXT_X_CUCUMBER_GHERKIN_PLAIN);
        return (PickleMapper.Map(document, pickles, path, relativePath, new FeatureMessages(source, document, pickles)), []);
    }

    private static FeatureParseError ToError(string path, ParserException e)
    {
        var line = e.Location?.Line ?? 0;
        var column = e.Location?.Column ?? 0;

        // Gherkin prefixes its messages with "(line:col): "; the position is already in front of ours.
        var message = e.Message;
        var prefix = $"({line}:{column}): ";
        if (message.StartsWith(prefix, StringComparison.Ordinal))
        {
            message = message[prefix.Length..];
        }

        return new FeatureParseError(path, line, column, message);
    }

    private sealed class PathIdGenerator(string prefix) : IIdGenerator
    {
        private int _next;

        public string GetNewId() => $"{prefix}#{_next++}";
    }
}
