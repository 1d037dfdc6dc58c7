using DerSim.Harness.Conformance;
using DerSim.Ocpp;
using DerSim.Ocpp.Tests.Validation;

namespace DerSim.Harness.Tests.Conformance;

/// <summary>The catalogue built into dersim (conformance/csms-cases.tsv) against the OCA's published figures.</summary>
public sealed class ConformanceCatalogueTests
{
    private static readonly ConformanceCatalogue Catalogue = ConformanceCatalogue.Default;

    [TestCase("1.6", 77)]
    [TestCase("2.0.1", 252)]
    [TestCase("2.1", 331)]
    public void Each_version_has_its_cases(string version, int count) =>
        Catalogue.Cases.Count(c => c.Version == Version(version)).ShouldBe(count);

    // The CSMS columns of the certification profiles (2.x), and 1.6's Core feature profile.
    [TestCase("1.6", "Core", 34)]
    [TestCase("2.0.1", "Core", 104)]
    [TestCase("2.0.1", "Advanced Security", 4)]
    [TestCase("2.0.1", "Smart Charging", 21)]
    [TestCase("2.1", "Core", 114)]
    [TestCase("2.1", "Advanced Security", 4)]
    [TestCase("2.1", "Smart Charging", 27)]
    [TestCase("2.1", "ISO 15118 Support", 43)]
    [TestCase("2.1", "Bidirectional Power Transfer", 6)]
    [TestCase("2.1", "DER Control", 2)]
    public void A_certification_profile_has_its_mandatory_cases(string version, string profile, int count) =>
        Catalogue.Cases.Count(c => c.Version == Version(version) && c.IsMandatoryIn(profile)).ShouldBe(count);

    [Test]
    public void A_case_is_found_by_version_and_id()
    {
        var boot = Catalogue.Find(OcppVersion.V201, "TC_B_01_CSMS").ShouldNotBeNull();
        boot.Block.ShouldBe("B Provisioning");
        boot.Title.ShouldBe("Cold Boot Charging Station - Accepted");
        boot.IsMandatoryIn("Core").ShouldBeTrue();
        Catalogue.Find(OcppVersion.V16, "TC_B_01_CSMS").ShouldBeNull();
        Catalogue.Find(OcppVersion.V16, "TC_001_CSMS").ShouldNotBeNull().Block.ShouldBe("Core");
    }

    [Test]
    public void Ids_blocks_and_titles_are_those_of_the_shared_catalogue()
    {
        var csv = Path.Combine(Path.GetDirectoryName(RepoPaths.RepoRoot)!, "shared", "conformance", "oca-csms-catalogue.csv");
        if (!File.Exists(csv))
        {
            Assert.Ignore($"{csv} is absent: the oracle check needs ../shared beside the repository");
        }

        var expected = ReadCsv(csv).Select(r => $"{r[0]} {r[1]} {Block(r[0], r[3])} {string.Join(' ', r[2].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))}").Order(StringComparer.Ordinal);
        var actual = Catalogue.Cases.Select(c => $"{c.Version.DisplayName()} {c.Id} {c.Block} {c.Title}").Order(StringComparer.Ordinal);
        actual.ShouldBe(expected);
    }

    [Test]
    public void A_line_that_does_not_fit_is_named() =>
        Should.Throw<FormatException>(() => ConformanceCatalogue.Parse("version\tid\tblock\tprofiles\ttitle\n2.0.1\tTC_X\tB\n", "cases.tsv"))
            .Message.ShouldBe("cases.tsv line 2: expected version, id, block, profiles and title separated by tabs");

    [TestCase("version\tid\treason\n2.1\tTC_B_01_CSMS\n", "not-covered.tsv line 2: expected version, case id and reason separated by tabs")]
    [TestCase("version\tid\treason\n2.1\tTC_B_01_CSMS\t \n", "not-covered.tsv line 2: expected version, case id and reason separated by tabs")]
    [TestCase("version\tid\treason\n1.6\tTC_B_01_CSMS\twhy\n", "not-covered.tsv line 2: TC_B_01_CSMS is no CSMS case of the OCPP 1.6 catalogue")]
    [TestCase("version\tid\treason\n2.1\tTC_B_01_CSMS\twhy\n2.1\tTC_B_01_CSMS\tagain\n", "not-covered.tsv line 3: TC_B_01_CSMS (2.1) is listed twice")]
    public void A_reason_line_that_does_not_fit_is_named(string text, string message) =>
        Should.Throw<FormatException>(() => Catalogue.WithNotCovered(text, "not-covered.tsv")).Message.ShouldBe(message);

    [Test]
    public void A_reason_reaches_its_case_only()
    {
        var reasoned = Catalogue.WithNotCovered("version\tid\treason\n2.1\tTC_B_01_CSMS\tthe EV side is not simulated\n", "not-covered.tsv");

        reasoned.Find(OcppVersion.V21, "TC_B_01_CSMS")!.NotCoveredReason.ShouldBe("the EV side is not simulated");
        reasoned.Find(OcppVersion.V201, "TC_B_01_CSMS")!.NotCoveredReason.ShouldBeNull();
        reasoned.Cases.Count.ShouldBe(Catalogue.Cases.Count);
    }

    private static OcppVersion Version(string text) => OcppVersions.TryParse(text, out var v) ? v.Value : throw new ArgumentException(text);

    private static string Block(string version, string block) => version == "1.6" && block.StartsWith("Security", StringComparison.Ordinal) ? "Security" : block.Trim();

    // RFC 4180: quoted cells may hold commas and doubled quotes.
    private static IEnumerable<string[]> ReadCsv(string path)
    {
        foreach (var line in File.ReadLines(path).Skip(1).Where(l => l.Length > 0))
        {
            var cells = new List<string>();
            var cell = new System.Text.StringBuilder();
            var quoted = false;
            for (var i = 0; i < line.Length; i++)
            {
                var ch = line[i];
                if (quoted && ch == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = !quoted;
                }
                else if (ch == ',' && !quoted)
                {
                    cells.Add(cell.ToString());
                    cell.Clear();
                }
                else
                {
                    cell.Append(ch);
                }
            }

            cells.Add(cell.ToString());
            yield return [.. cells];
        }
    }
}
