using DerSim.Ocpp;
using Ocpp2 = DerSim.Ocpp.V21;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>
/// 2.1 SetDefaultTariff: the tariff the station prices the transactions of an EVSE (0: every EVSE) with, when it
/// calculates their cost itself (I-block local cost calculation): a price per kWh and/or per minute of charging time,
/// without tax, one price element each and no conditions. Not applicable before 2.1.
/// </summary>
/// <param name="StationId">The station it is for.</param>
/// <param name="Version">The station's OCPP version.</param>
/// <param name="EvseId">The EVSE; 0 for every EVSE.</param>
/// <param name="TariffId">tariff.tariffId; the CSMS names its tariffs itself (<see cref="ChosenByCsms"/>).</param>
/// <param name="Currency">tariff.currency (ISO 4217).</param>
/// <param name="PricePerMinute">tariff.chargingTime.prices[0].priceMinute, or null for no time price.</param>
/// <param name="PricePerKwh">tariff.energy.prices[0].priceKwh, or null for no energy price.</param>
public sealed record SetDefaultTariffCommand(string StationId, OcppVersion Version, int EvseId, string TariffId, string Currency, decimal? PricePerMinute = null, decimal? PricePerKwh = null)
    : CsmsCommand(StationId, Version)
{
    /// <inheritdoc />
    public override CsmsActionKind Kind => CsmsActionKind.SetDefaultTariff;

    /// <inheritdoc />
    public override bool NeedsV21 => true;

    /// <inheritdoc />
    public override IReadOnlyCollection<string> ChosenByCsms => ["tariff.tariffId"];

    /// <inheritdoc />
    protected override string? ActionIn(OcppVersion version) => "SetDefaultTariff";

    /// <inheritdoc />
    protected override object Request() => new Ocpp2.SetDefaultTariffRequest(
        EvseId,
        new Ocpp2.TariffType(TariffId, Currency)
        {
            ChargingTime = PricePerMinute is { } minute ? new Ocpp2.TariffTimeType([new Ocpp2.TariffTimePriceType(minute)]) : null,
            Energy = PricePerKwh is { } kwh ? new Ocpp2.TariffEnergyType([new Ocpp2.TariffEnergyPriceType(kwh)]) : null,
        });
}
