using Io.Cucumber.Messages.Types;
using Reqnroll.Formatters.RuntimeSupport;

namespace DerSim.Gherkin.Model;

/// <summary>
/// A feature's Cucumber messages (source, document, pickles) as Reqnroll's formatters need them; the generator would
/// have embedded them as a resource.
/// </summary>
public sealed class FeatureMessages(Source source, GherkinDocument document, IReadOnlyList<Pickle> pickles) : IFeatureLevelCucumberMessages
{
    /// <inheritdoc />
    public bool HasMessages => true;

    /// <inheritdoc />
    public Source Source { get; } = source;

    /// <inheritdoc />
    public GherkinDocument GherkinDocument { get; } = document;

    /// <inheritdoc />
    public IEnumerable<Pickle> Pickles { get; } = pickles;
}
