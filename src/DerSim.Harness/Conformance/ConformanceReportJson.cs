using System.Text;
using System.Text.Json;
using DerSim.Ocpp;

namespace DerSim.Harness.Conformance;

/// <summary>
/// <c>reports/conformance.json</c>: the shape <c>conformance/README.md</c> documents (<c>"format":
/// "dersim-conformance/1"</c>), written field by field so its order never changes, and read back by
/// <c>dersim catalogue</c>.
/// </summary>
public static class ConformanceReportJson
{
    /// <summary>The value of the top-level <c>format</c> field.</summary>
    public const string Format = "dersim-conformance/1";

    /// <summary>The file name beside the other reports.</summary>
    public const string FileName = "conformance.json";

    /// <summary>The document for <paramref name="report"/>.</summary>
    public static string Write(ConformanceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("format", Format);
            json.WriteStartArray("versions");
            foreach (var version in report.Versions)
            {
                json.WriteStartObject();
                json.WriteString("version", version.Version.DisplayName());
                json.WritePropertyName("total");
                Figures(json, version.Total);
                json.WriteStartArray("blocks");
                foreach (var block in version.Blocks)
                {
                    Figures(json, block);
                }

                json.WriteEndArray();
                json.WriteStartArray("cases");
                foreach (var c in version.Cases)
                {
                    json.WriteStartObject();
                    json.WriteString("id", c.Case.Id);
                    json.WriteString("title", c.Case.Title);
                    json.WriteString("block", c.Case.Block);
                    json.WriteStartArray("mandatoryIn");
                    foreach (var profile in c.MandatoryIn)
                    {
                        json.WriteStringValue(profile);
                    }

                    json.WriteEndArray();
                    json.WriteString("verdict", c.VerdictLabel);
                    if (c.Runs.Count == 0 && c.Case.NotCoveredReason is { } why)
                    {
                        json.WriteString("notCovered", why);
                    }

                    json.WriteStartArray("scenarios");
                    foreach (var run in c.Runs)
                    {
                        json.WriteStartObject();
                        json.WriteString("file", run.Scenario.Feature.DisplayPath);
                        json.WriteNumber("line", run.Scenario.Line);
                        json.WriteString("name", run.Scenario.Title);
                        json.WriteStartObject("example");
                        foreach (var (name, value) in run.Scenario.Arguments)
                        {
                            json.WriteString(name, value);
                        }

                        json.WriteEndObject();
                        json.WriteString("verdict", run.VerdictLabel);
                        json.WriteString("message", run.Message);
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void Figures(Utf8JsonWriter json, BlockReport block)
    {
        json.WriteStartObject();
        json.WriteString("block", block.Coverage.Block);
        json.WriteNumber("cases", block.Coverage.Cases);
        json.WriteNumber("coreMandatory", block.Coverage.CoreMandatory);
        json.WriteNumber("mandatory", block.Coverage.Mandatory);
        json.WriteNumber("withScenario", block.Coverage.WithScenario);
        json.WriteStartObject("verdicts");
        foreach (var verdict in Verdicts.ReportOrder)
        {
            json.WriteNumber(Verdicts.Label(verdict), block.Count(verdict));
        }

        json.WriteNumber(ConformanceReport.NotRun, block.NotRun);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>
    /// Reads the verdicts of a conformance.json: per version and block the count of each verdict, per case its verdict.
    /// </summary>
    /// <exception cref="FormatException">The file is no such document; the message names <paramref name="name"/> and the JSON path.</exception>
    public static ConformanceResults Read(string text, string name)
    {
        ArgumentNullException.ThrowIfNull(text);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"{name} at {ex.Path ?? "$"} (line {(ex.LineNumber ?? 0) + 1}): not JSON: {ex.Message.Split('.')[0]}", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            Expect(root, JsonValueKind.Object, name, "$");
            if (!root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String || format.GetString() != Format)
            {
                throw new FormatException($"{name} at $.format: expected \"{Format}\"");
            }

            var blocks = new Dictionary<(OcppVersion, string), IReadOnlyDictionary<ConformanceVerdict, int>>();
            var cases = new Dictionary<(OcppVersion, string), string>();
            var versions = Property(root, "versions", JsonValueKind.Array, name, "$");
            var i = 0;
            foreach (var part in versions.EnumerateArray())
            {
                var at = $"$.versions[{i++}]";
                Expect(part, JsonValueKind.Object, name, at);
                var text2 = Property(part, "version", JsonValueKind.String, name, at).GetString();
                if (!OcppVersions.TryParse(text2, out var version))
                {
                    throw new FormatException($"{name} at {at}.version: '{text2}' is no OCPP version (1.6, 2.0.1, 2.1)");
                }

                var j = 0;
                foreach (var block in Property(part, "blocks", JsonValueKind.Array, name, at).EnumerateArray())
                {
                    var blockAt = $"{at}.blocks[{j++}]";
                    Expect(block, JsonValueKind.Object, name, blockAt);
                    var blockName = Property(block, "block", JsonValueKind.String, name, blockAt).GetString()!;
                    var counts = Property(block, "verdicts", JsonValueKind.Object, name, blockAt);
                    blocks[(version.Value, blockName)] = Verdicts.ReportOrder.ToDictionary(
                        v => v,
                        v => Property(counts, Verdicts.Label(v), JsonValueKind.Number, name, $"{blockAt}.verdicts").TryGetInt32(out var n) && n >= 0
                            ? n
                            : throw new FormatException($"{name} at {blockAt}.verdicts['{Verdicts.Label(v)}']: expected a count"));
                }

                var k = 0;
                foreach (var c in Property(part, "cases", JsonValueKind.Array, name, at).EnumerateArray())
                {
                    var caseAt = $"{at}.cases[{k++}]";
                    Expect(c, JsonValueKind.Object, name, caseAt);
                    var id = Property(c, "id", JsonValueKind.String, name, caseAt).GetString()!;
                    var verdict = Property(c, "verdict", JsonValueKind.String, name, caseAt).GetString()!;
                    if (Verdicts.Parse(verdict) is null && verdict is not (ConformanceReport.NotRun or ConformanceReport.NoScenario))
                    {
                        throw new FormatException($"{name} at {caseAt}.verdict: '{verdict}' is no verdict (PASS, FAIL, N/A, INCONCLUSIVE, ERROR, not run, no scenario)");
                    }

                    cases[(version.Value, id)] = verdict;
                }
            }

            return new ConformanceResults(blocks, cases);
        }
    }

    private static JsonElement Property(JsonElement element, string property, JsonValueKind kind, string name, string at)
    {
        if (!element.TryGetProperty(property, out var value))
        {
            throw new FormatException($"{name} at {at}.{property}: missing");
        }

        Expect(value, kind, name, $"{at}.{property}");
        return value;
    }

    private static void Expect(JsonElement element, JsonValueKind kind, string name, string at)
    {
        if (element.ValueKind != kind)
        {
            throw new FormatException($"{name} at {at}: expected {kind.ToString().ToLowerInvariant()}, found {element.ValueKind.ToString().ToLowerInvariant()}");
        }
    }
}
