using DerSim.Sim.Tariffs;

namespace DerSim.Sim.StationModel;

/// <summary>
/// The default tariffs the CSMS gave the station (OCPP 2.1 I-block, SetDefaultTariff), per EVSE: a transaction is
/// priced with its EVSE's tariff in force when it starts (local cost calculation). A tariff for EVSE 0 is every EVSE's.
/// A later tariff for the same EVSE and validFrom replaces the earlier one; one with a later validFrom waits for it.
/// </summary>
public sealed class StationTariffs
{
    private readonly Lock _gate = new();
    private readonly List<(int EvseId, Tariff Tariff)> _tariffs = [];

    /// <summary>
    /// Stores <paramref name="tariff"/> as the default of <paramref name="evseId"/> (0: every EVSE). The same tariff may
    /// be set again, or on other EVSEs; another tariff under a stored tariffId is refused.
    /// </summary>
    public TariffSetOutcome SetDefault(int evseId, Tariff tariff)
    {
        ArgumentNullException.ThrowIfNull(tariff);
        lock (_gate)
        {
            if (_tariffs.Any(t => t.Tariff.TariffId == tariff.TariffId && t.Tariff != tariff))
            {
                return TariffSetOutcome.DuplicateTariffId;
            }

            _tariffs.RemoveAll(t => t.EvseId == evseId && t.Tariff.ValidFrom == tariff.ValidFrom);
            _tariffs.Add((evseId, tariff));
            return TariffSetOutcome.Accepted;
        }
    }

    /// <summary>The default tariff in force on <paramref name="evseId"/> at <paramref name="at"/>, or null: its own before the station's (EVSE 0).</summary>
    public Tariff? DefaultFor(int evseId, DateTimeOffset at)
    {
        lock (_gate)
        {
            return InForce(evseId, at) ?? InForce(0, at);
        }
    }

    /// <summary>Every tariff stored, with its EVSE.</summary>
    public IReadOnlyList<(int EvseId, Tariff Tariff)> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _tariffs];
            }
        }
    }

    // The latest validFrom not after the moment (absent: in force from the start).
    private Tariff? InForce(int evseId, DateTimeOffset at) =>
        _tariffs.Where(t => t.EvseId == evseId && (t.Tariff.ValidFrom ?? DateTimeOffset.MinValue) <= at)
            .OrderBy(t => t.Tariff.ValidFrom ?? DateTimeOffset.MinValue)
            .Select(t => t.Tariff)
            .LastOrDefault();
}
