namespace DerSim.Sim.Engine;

/// <summary>The station's answer to NotifyAllowedEnergyTransfer and what it does once the answer is out.</summary>
/// <param name="Accepted">Whether the allowed modes were taken.</param>
/// <param name="ReasonCode">When rejected: a statusInfo reasonCode (at most 20 characters).</param>
/// <param name="Detail">When rejected: a sentence for statusInfo.additionalInfo.</param>
/// <param name="Renegotiate">When accepted: renegotiates with the EV and sends the new NotifyEVChargingNeeds; run it after the answer.</param>
public sealed record AllowedEnergyTransferResult(bool Accepted, string? ReasonCode, string? Detail, Func<CancellationToken, Task>? Renegotiate);
