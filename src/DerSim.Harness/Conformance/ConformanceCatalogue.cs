using System.Reflection;
using DerSim.Ocpp;

namespace DerSim.Harness.Conformance;

/// <summary>
/// The OCA's CSMS test cases for OCPP 1.6, 2.0.1 and 2.1 (ids, titles, blocks, certification profiles), as DerSim keeps
/// them in <c>conformance/csms-cases.tsv</c> (built into dersim). The scenarios name their case with a
/// <c>@TC_…</c> tag; this is what such a tag must be.
/// </summary>
public sealed class ConformanceCatalogue
{
    private const string Resource = "DerSim.Harness.Conformance.csms-cases.tsv";
    private const string NotCoveredResource = "DerSim.Harness.Conformance.not-covered.tsv";
    private static readonly Lazy<ConformanceCatalogue> Bundled = new(Load);
    private readonly Dictionary<(OcppVersion, string), CatalogueCase> _byId;

    private ConformanceCatalogue(IReadOnlyList<CatalogueCase> cases)
    {
        Cases = cases;
        _byId = cases.ToDictionary(c => (c.Version, c.Id));
    }

    /// <summary>The catalogue built into dersim.</summary>
    public static ConformanceCatalogue Default => Bundled.Value;

    /// <summary>Every case, by version, block and id.</summary>
    public IReadOnlyList<CatalogueCase> Cases { get; }

    /// <summary>The case <paramref name="id"/> of <paramref name="version"/>, or null when that version's catalogue has none.</summary>
    public CatalogueCase? Find(OcppVersion version, string id) => _byId.GetValueOrDefault((version, id));

    /// <summary>Reads the catalogue from its text: a header line, then tab-separated version, id, block, profiles, title.</summary>
    /// <exception cref="FormatException">A line does not fit; the message names it.</exception>
    public static ConformanceCatalogue Parse(string text, string name)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cases = new List<CatalogueCase>();
        var lines = text.Split('\n');
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            var cells = line.Split('\t');
            if (cells.Length != 5 || !OcppVersions.TryParse(cells[0], out var version))
            {
                throw new FormatException($"{name} line {i + 1}: expected version, id, block, profiles and title separated by tabs");
            }

            var profiles = cells[3].Split(';', StringSplitOptions.RemoveEmptyEntries)
                .Select(p => p.Split(':', 2))
                .ToDictionary(p => p[0].Trim(), p => p.Length == 2 ? p[1].Trim() : "M", StringComparer.Ordinal);
            cases.Add(new CatalogueCase(version.Value, cells[1], cells[2], cells[4], profiles));
        }

        return new ConformanceCatalogue(cases);
    }

    /// <summary>
    /// This catalogue with the reasons DerSim gives for cases it has no scenario for: a header line, then tab-separated
    /// version, id and reason (conformance/not-covered.tsv).
    /// </summary>
    /// <exception cref="FormatException">A line does not fit or names no case of the catalogue; the message names it.</exception>
    public ConformanceCatalogue WithNotCovered(string text, string name)
    {
        ArgumentNullException.ThrowIfNull(text);
        var reasons = new Dictionary<(OcppVersion, string), string>();
        var lines = text.Split('\n');
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            var cells = line.Split('\t');
            if (cells.Length != 3 || !OcppVersions.TryParse(cells[0], out var version) || cells[2].Trim().Length == 0)
            {
                throw new FormatException($"{name} line {i + 1}: expected version, case id and reason separated by tabs");
            }

            if (Find(version.Value, cells[1]) is null)
            {
                throw new FormatException($"{name} line {i + 1}: {cells[1]} is no CSMS case of the OCPP {version.Value.DisplayName()} catalogue");
            }

            if (!reasons.TryAdd((version.Value, cells[1]), cells[2].Trim()))
            {
                throw new FormatException($"{name} line {i + 1}: {cells[1]} ({version.Value.DisplayName()}) is listed twice");
            }
        }

        return new ConformanceCatalogue([.. Cases.Select(c => reasons.TryGetValue((c.Version, c.Id), out var why) ? c with { NotCoveredReason = why } : c)]);
    }

    private static ConformanceCatalogue Load() =>
        Parse(ReadResource(Resource), "conformance/csms-cases.tsv").WithNotCovered(ReadResource(NotCoveredResource), "conformance/not-covered.tsv");

    private static string ReadResource(string resource)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"{resource} is not built into dersim");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
