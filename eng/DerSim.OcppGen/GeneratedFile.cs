namespace DerSim.OcppGen;

/// <summary>One generated source file.</summary>
/// <param name="RelativePath">Path below the output root (src/DerSim.Ocpp), with forward slashes.</param>
/// <param name="Content">The file text, LF line endings.</param>
public sealed record GeneratedFile(string RelativePath, string Content);
