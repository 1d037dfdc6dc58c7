using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;

namespace DerSim.Sim.Tests.Evse;

/// <summary>Bundled profile text and scratch copies of it for error tests.</summary>
internal sealed class ProfileFiles
{
    public ProfileFiles()
    {
        BundledDirectory = ProfilesDirectory.Locate();
        ScratchDirectory = Directory.CreateTempSubdirectory("dersim-profiles-").FullName;
    }

    public string BundledDirectory { get; }

    public string ScratchDirectory { get; }

    public string ReadBundled(string name) => File.ReadAllText(Path.Combine(BundledDirectory, name + ".json"));

    /// <summary>Writes a bundled profile's text with one edit applied, failing loudly if the edit does not apply.</summary>
    public string WriteEdited(string name, string find, string replace)
    {
        var text = ReadBundled(name);
        text.ShouldContain(find);
        var index = text.IndexOf(find, StringComparison.Ordinal);
        return Write(name + "-edited.json", text[..index] + replace + text[(index + find.Length)..]);
    }

    public string Write(string fileName, string text)
    {
        var path = Path.Combine(ScratchDirectory, fileName);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>1-based line of the first occurrence of <paramref name="snippet"/> in the file.</summary>
    public static int LineOf(string path, string snippet)
    {
        var text = File.ReadAllText(path);
        var index = text.IndexOf(snippet, StringComparison.Ordinal);
        index.ShouldBeGreaterThanOrEqualTo(0, $"'{snippet}' not in {path}");
        return text[..index].Count(c => c == '\n') + 1;
    }

    public void DeleteScratch() => Directory.Delete(ScratchDirectory, recursive: true);
}
