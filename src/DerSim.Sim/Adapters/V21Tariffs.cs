using DerSim.Ocpp;
using DerSim.Ocpp.Rpc;
using DerSim.Ocpp.V21;
using DerSim.Sim.StationModel;
using DerSim.Sim.Tariffs;

namespace DerSim.Sim.Adapters;

/// <summary>
/// OCPP 2.1 tariffs and local cost calculation (I-block): SetDefaultTariff stores the tariff the station prices its
/// transactions with, and the cost it calculates goes to the CSMS as TransactionEvent costDetails (E16, I12).
/// </summary>
internal static class V21Tariffs
{
    // Costs go out rounded to the currency's cents; the limit is checked on the unrounded cost.
    private const int Decimals = 2;

    public static void Register(OcppRpcPeer peer, ChargingStation station, Action<string> log)
    {
        peer.On<SetDefaultTariffRequest, SetDefaultTariffResponse>((request, _) =>
        {
            var outcome = Set(station, request);
            log(outcome == TariffSetOutcome.Accepted
                ? $"default tariff {request.Tariff.TariffId} ({request.Tariff.Currency}) set for {(request.EvseId == 0 ? "every EVSE" : $"EVSE {request.EvseId}")}"
                : $"default tariff {request.Tariff.TariffId} not taken: {outcome}");
            return ValueTask.FromResult(new SetDefaultTariffResponse(NameMatch.Of<TariffSetOutcome, TariffSetStatusEnumType>(outcome)));
        });
    }

    /// <summary>What the station makes of a SetDefaultTariff: checked, converted and, when it can use it, stored.</summary>
    public static TariffSetOutcome Set(ChargingStation station, SetDefaultTariffRequest request)
    {
        ArgumentNullException.ThrowIfNull(station);
        ArgumentNullException.ThrowIfNull(request);
        if (request.EvseId > 0 && !station.HasEvse(request.EvseId))
        {
            return TariffSetOutcome.Rejected;
        }

        var wire = request.Tariff;
        if (HasConditions(wire))
        {
            return TariffSetOutcome.ConditionNotSupported;
        }

        // Without conditions a second price element in a dimension could never apply.
        int?[] counts = [wire.Energy?.Prices.Count, wire.ChargingTime?.Prices.Count, wire.IdleTime?.Prices.Count, wire.FixedFee?.Prices.Count];
        if (counts.Any(c => c > 1))
        {
            return TariffSetOutcome.TooManyElements;
        }

        return station.Tariffs.SetDefault(request.EvseId, FromWire(wire));
    }

    /// <summary>
    /// The station's tariff of a 2.1 TariffType. Reservation prices are not taken: the station prices transactions, and
    /// a reservation is outside them (CostDetailsType's note).
    /// </summary>
    public static Tariff FromWire(TariffType wire)
    {
        ArgumentNullException.ThrowIfNull(wire);
        return new Tariff(wire.TariffId, wire.Currency)
        {
            ValidFrom = wire.ValidFrom,
            Energy = wire.Energy is { } e ? new TariffRate(e.Prices[0].PriceKwh, Taxes(e.TaxRates)) : null,
            ChargingTime = wire.ChargingTime is { } c ? new TariffRate(c.Prices[0].PriceMinute, Taxes(c.TaxRates)) : null,
            IdleTime = wire.IdleTime is { } i ? new TariffRate(i.Prices[0].PriceMinute, Taxes(i.TaxRates)) : null,
            FixedFee = wire.FixedFee is { } f ? new TariffRate(f.Prices[0].PriceFixed, Taxes(f.TaxRates)) : null,
            MinCost = Amount(wire.MinCost),
            MaxCost = Amount(wire.MaxCost),
        };
    }

    /// <summary>
    /// The cost as TransactionEvent costDetails (CostDetailsType): the total and each priced dimension without and with
    /// tax, and the usage priced: energy in Wh, chargingTime the whole duration and idleTime the part without energy,
    /// in seconds, as TotalUsageType describes them.
    /// </summary>
    public static CostDetailsType ToWire(TransactionCost cost)
    {
        ArgumentNullException.ThrowIfNull(cost);
        var usage = cost.Usage;
        return new CostDetailsType(
            new TotalCostType(cost.Currency, NameMatch.Of<TariffCostKind, TariffCostEnumType>(cost.Kind), new TotalPriceType { ExclTax = Round(cost.Total.ExclTax), InclTax = Round(cost.Total.InclTax) })
            {
                Energy = Price(cost.Energy),
                ChargingTime = Price(cost.ChargingTime),
                IdleTime = Price(cost.IdleTime),
                Fixed = Price(cost.Fixed),
            },
            new TotalUsageType(Math.Round((decimal)usage.EnergyWh, 3), (int)usage.Duration.TotalSeconds, (int)usage.IdleTime.TotalSeconds));
    }

    private static bool HasConditions(TariffType wire) =>
        (wire.Energy?.Prices.Any(p => p.Conditions is not null) ?? false)
        || (wire.ChargingTime?.Prices.Any(p => p.Conditions is not null) ?? false)
        || (wire.IdleTime?.Prices.Any(p => p.Conditions is not null) ?? false)
        || (wire.FixedFee?.Prices.Any(p => p.Conditions is not null) ?? false);

    private static IReadOnlyList<TaxRate> Taxes(IReadOnlyList<TaxRateType>? rates) =>
        rates is null ? [] : [.. rates.Select(r => new TaxRate(r.Tax, r.Stack ?? 0))];

    // A PriceType gives the amount without tax, with it, or both; the missing one is taken equal to the given one.
    private static CostAmount? Amount(PriceType? price) => price switch
    {
        null => null,
        { ExclTax: { } excl, InclTax: { } incl } => new CostAmount(excl, incl),
        { ExclTax: { } excl } => CostAmount.Taxed(excl, Taxes(price.TaxRates)),
        { InclTax: { } incl } => new CostAmount(incl, incl),
        _ => null,
    };

    private static PriceType? Price(CostAmount? amount) =>
        amount is { } a ? new PriceType { ExclTax = Round(a.ExclTax), InclTax = Round(a.InclTax) } : null;

    private static decimal Round(decimal value) => Math.Round(value, Decimals, MidpointRounding.AwayFromZero);
}
