namespace DerSim.Sim.Cli;

/// <summary>A command line that cannot be run; the message names the flag and what was expected. Exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
