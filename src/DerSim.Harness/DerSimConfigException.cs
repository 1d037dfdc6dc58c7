namespace DerSim.Harness;

/// <summary>A configuration that cannot be used; the message names the file, line and JSON path where known.</summary>
public sealed class DerSimConfigException(string message) : Exception(message);
