namespace DerSim.Sim.Engine;

/// <summary>
/// A limit of a transaction (OCPP 2.1 E16, transactionInfo.transactionLimit): the transaction ends when it took this
/// much energy or ran this long. Null parts are not limited.
/// </summary>
/// <param name="MaxEnergyWh">The most energy, in Wh, counted from the transaction's start.</param>
/// <param name="MaxTimeSeconds">The longest run, in seconds from the transaction's start.</param>
public sealed record TransactionLimit(double? MaxEnergyWh, int? MaxTimeSeconds);
