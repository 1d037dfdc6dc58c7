using DerSim.Sim.Physics;
using DerSim.Sim.Tariffs;

namespace DerSim.Sim.Engine;

/// <summary>
/// OCPP 2.1 local cost calculation (I-block) and the cost limit of E16: a transaction is priced with its EVSE's default
/// tariff in force when it starts, and its cost follows the energy the meter counted and the time that passed on the
/// simulated clock, charging or idle.
/// </summary>
public sealed partial class StationEngine
{
    // The shortest wait for a cost limit: a cost that only just falls short of the limit must not spin the loop.
    private static readonly TimeSpan CostStep = TimeSpan.FromMilliseconds(1);

    // The EVSE's default tariff in force at the start prices the transaction, its usage counted from the register then.
    private void Price(EngineTransaction tx, EvseSnapshot atStart)
    {
        if (tx.Tariff is not null || Station.Tariffs.DefaultFor(tx.EvseId, tx.StartedAt) is not { } tariff)
        {
            return;
        }

        tx.Tariff = tariff;
        tx.Usage = new UsageMeter(tx.StartedAt, atStart.EnergyImportWh);
        tx.Cost = tariff.CostOf(default);
        Log($"EVSE {tx.EvseId}: transaction priced with tariff {tariff.TariffId} ({tariff.Currency})");
    }

    // Reads the usage at this sample and recalculates the cost; null when no tariff prices the transaction.
    private TransactionCost? CostAt(EngineTransaction tx, MeterSample sample, EvseSnapshot snapshot)
    {
        if (tx.Tariff is not { } tariff || tx.Usage is not { } usage)
        {
            return null;
        }

        tx.Cost = tariff.CostOf(usage.Read(sample.Timestamp, snapshot.EnergyImportWh, Flowing(snapshot)));
        return tx.Cost;
    }

    private TransactionCost? CostNow(EngineTransaction tx)
    {
        if (tx.Tariff is null)
        {
            return null;
        }

        var (sample, snapshot) = ReadNow(tx.EvseId);
        return CostAt(tx, sample, snapshot);
    }

    // E16 with a cost limit: reached now (the transaction ends), or when the cost, growing as fast as it does now, will
    // reach it (the session loop wakes then and looks again); null when it cannot grow (nothing costs money now).
    private (bool Reached, DateTimeOffset? At) CostLimit(EngineTransaction tx, DateTimeOffset now)
    {
        if (tx.Limit?.MaxCost is not { } max || tx.Tariff is not { } tariff || tx.Usage is not { } usage)
        {
            return (false, null);
        }

        var (sample, snapshot) = ReadNow(tx.EvseId);
        if (CostAt(tx, sample, snapshot) is { } cost && cost.Total.InclTax >= max)
        {
            return (true, null);
        }

        var perSecond = tariff.CostPerSecond(usage.Flowing, snapshot.DeliveredKw);
        if (perSecond <= 0 || tx.Cost is not { } current)
        {
            return (false, null);
        }

        var wait = TimeSpan.FromMilliseconds((double)Math.Ceiling((max - current.Total.InclTax) / perSecond * 1000m));
        return (false, now + (wait > CostStep ? wait : CostStep));
    }

    private static bool Flowing(EvseSnapshot snapshot) => snapshot.DeliveredKw > 0 || snapshot.ExportKw > 0;
}
