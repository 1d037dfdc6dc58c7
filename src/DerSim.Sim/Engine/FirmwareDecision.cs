namespace DerSim.Sim.Engine;

/// <summary>The answer to a firmware update request and what follows it once the answer is on the wire.</summary>
/// <param name="Answer">The answer.</param>
/// <param name="AfterAnswer">Runs after the answer (starts the update, or reports a security event).</param>
public sealed record FirmwareDecision(FirmwareOrderAnswer Answer, Func<CancellationToken, Task> AfterAnswer);
