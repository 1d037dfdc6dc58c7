namespace DerSim.Sim.Engine;

/// <summary>
/// A limit of a transaction (OCPP 2.1 E16, transactionInfo.transactionLimit): the transaction ends when it took this
/// much energy, ran this long or cost this much. Null parts are not limited.
/// </summary>
/// <param name="MaxEnergyWh">The most energy, in Wh, counted from the transaction's start.</param>
/// <param name="MaxTimeSeconds">The longest run, in seconds from the transaction's start.</param>
/// <param name="MaxCost">
/// The most it may cost, with tax, in the currency of the tariff that prices it (the station's own cost calculation);
/// a transaction no tariff prices cannot reach it.
/// </param>
public sealed record TransactionLimit(double? MaxEnergyWh, int? MaxTimeSeconds, decimal? MaxCost = null);
