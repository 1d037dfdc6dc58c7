namespace DerSim.Sim.Engine;

/// <summary>An outbox state file (<c>./sim --state_dir</c>) that cannot be read or written; the message names the file.</summary>
public sealed class OutboxStateException(string message, Exception? inner = null) : Exception(message, inner);
