using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;
using DerSim.Sim.Tariffs;

namespace DerSim.Sim.Tests.StationModel;

/// <summary>The default tariffs a station keeps (OCPP 2.1 SetDefaultTariff): per EVSE before the station's, from their validFrom, one tariff per tariffId.</summary>
public sealed class StationTariffsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);

    [Test]
    public void An_EVSEs_own_tariff_comes_before_the_stations()
    {
        var tariffs = new StationTariffs();
        tariffs.SetDefault(0, Tariff("ALL", 0.5m)).ShouldBe(TariffSetOutcome.Accepted);
        tariffs.SetDefault(2, Tariff("TWO", 0.7m)).ShouldBe(TariffSetOutcome.Accepted);

        tariffs.DefaultFor(1, T0)!.TariffId.ShouldBe("ALL");
        tariffs.DefaultFor(2, T0)!.TariffId.ShouldBe("TWO");
        new StationTariffs().DefaultFor(1, T0).ShouldBeNull();
    }

    [Test]
    public void A_tariff_applies_from_its_validFrom_and_a_new_one_replaces_the_old()
    {
        var tariffs = new StationTariffs();
        tariffs.SetDefault(1, Tariff("NOW", 0.5m)).ShouldBe(TariffSetOutcome.Accepted);
        tariffs.SetDefault(1, Tariff("LATER", 0.6m) with { ValidFrom = T0.AddHours(1) }).ShouldBe(TariffSetOutcome.Accepted);

        tariffs.DefaultFor(1, T0)!.TariffId.ShouldBe("NOW");
        tariffs.DefaultFor(1, T0.AddHours(2))!.TariffId.ShouldBe("LATER");

        tariffs.SetDefault(1, Tariff("NEWER", 0.4m)).ShouldBe(TariffSetOutcome.Accepted);
        tariffs.DefaultFor(1, T0)!.TariffId.ShouldBe("NEWER");
        tariffs.All.Select(t => t.Tariff.TariffId).ShouldBe(["LATER", "NEWER"], ignoreOrder: true);
    }

    [Test]
    public void The_same_tariff_may_be_set_again_another_under_its_id_is_refused()
    {
        var tariffs = new StationTariffs();
        tariffs.SetDefault(1, Tariff("T-1", 0.5m)).ShouldBe(TariffSetOutcome.Accepted);

        tariffs.SetDefault(1, Tariff("T-1", 0.5m)).ShouldBe(TariffSetOutcome.Accepted);
        tariffs.SetDefault(2, Tariff("T-1", 0.5m)).ShouldBe(TariffSetOutcome.Accepted);
        tariffs.SetDefault(1, Tariff("T-1", 0.9m)).ShouldBe(TariffSetOutcome.DuplicateTariffId);
        tariffs.DefaultFor(1, T0)!.ChargingTime!.Price.ShouldBe(0.5m);
    }

    [Test]
    public void Every_station_starts_without_tariffs()
    {
        var station = new ChargingStation("T-1", EvseProfileLoader.Load("EVSE-AC-22kW-1port", ProfilesDirectory.Locate()));

        station.Tariffs.All.ShouldBeEmpty();
    }

    private static Tariff Tariff(string id, decimal perMinute) => new(id, "EUR") { ChargingTime = new TariffRate(perMinute, [new TaxRate(21m)]) };
}
