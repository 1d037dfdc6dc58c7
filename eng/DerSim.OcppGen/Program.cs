using DerSim.OcppGen;

// Usage: dotnet run --project eng/DerSim.OcppGen -- <schema root> <output root>
// e.g.   dotnet run --project eng/DerSim.OcppGen -- ../shared/ocpp-schemas src/DerSim.Ocpp
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: DerSim.OcppGen <schema root with 1.6/ 2.0.1/ 2.1/> <output root (src/DerSim.Ocpp)>");
    return 2;
}

var (schemaRoot, outputRoot) = (args[0], args[1]);
IReadOnlyList<GeneratedFile> files;
try
{
    files = OcppGenerator.Generate(schemaRoot);
}
catch (InvalidOperationException ex)
{
    Console.Error.WriteLine("error: " + ex.Message);
    return 1;
}

// Stale files from a previous run (a renamed type, a removed action) must not linger.
foreach (var owned in OcppGenerator.OwnedFolders)
{
    var dir = Path.Combine(outputRoot, owned);
    if (Directory.Exists(dir))
    {
        foreach (var stale in Directory.GetFiles(dir, "*.g.cs", SearchOption.AllDirectories))
        {
            File.Delete(stale);
        }
    }
}

foreach (var file in files)
{
    var path = Path.Combine(outputRoot, file.RelativePath);
    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
    File.WriteAllText(path, file.Content);
}

Console.WriteLine($"wrote {files.Count} files to {outputRoot}");
return 0;
