using DerSim.Sim.StationModel;

namespace DerSim.Sim.Adapters;

/// <summary>Who signs a meter value and what the signed data names besides the reading.</summary>
/// <param name="Signer">The station meter's key.</param>
/// <param name="StationId">The station, named in the signed data.</param>
/// <param name="TransactionId">The transaction the reading belongs to, if any.</param>
internal sealed record MeterSigning(MeterSigner Signer, string StationId, string? TransactionId);
