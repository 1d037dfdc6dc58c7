using System.Text.Json;
using DerSim.Ocpp;
using DerSim.Sim.Engine;
using DerSim.Sim.Tests.Engine;

namespace DerSim.Sim.Tests.Adapters;

/// <summary>
/// OCPP 2.1 local cost calculation with a cost limit set at the station (I-block SetDefaultTariff, E16, TC_E_108): the
/// station takes the CSMS's default tariff, prices its transaction with it from the metered energy and the simulated
/// time, reports the cost (LimitSet and RunningCost with costDetails) and ends the transaction when the cost reaches the
/// limit (CostLimitReached). Every frame is checked against the official schemas.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class LocalCostTests
{
    // 1.00 EUR a minute of charging time (the TC_E_108 tariff).
    private const string PerMinute = """{"evseId":1,"tariff":{"tariffId":"T-MIN","currency":"EUR","chargingTime":{"prices":[{"priceMinute":1.00}]}}}""";

    [Test]
    public async Task A_cost_limit_ends_the_transaction_when_the_calculated_cost_reaches_it()
    {
        await using var rig = await LoopbackCsmsRig.StartAsync(OcppVersion.V21, "COST-1", "EVSE-AC-7.4kW-2port", new SessionPlan { Sessions = 0 });
        await rig.UntilAsync(() => rig.Calls("StatusNotification").Count >= 2, "the boot-time status reports");
        (await rig.CallAsync("SetDefaultTariff", PerMinute)).GetProperty("status").GetString().ShouldBe("Accepted");
        await StartAsync(rig);

        (await rig.Runner.Engine.SetLimitAsync(1, new TransactionLimit(null, null, MaxCost: 2.00m), CancellationToken.None)).ShouldBeTrue();
        rig.ReleaseTime();
        await rig.UntilAsync(() => Events(rig, "Ended").Count > 0, "the Ended event");

        var started = Events(rig, "Started").Single();
        started.GetProperty("transactionInfo").GetProperty("tariffId").GetString().ShouldBe("T-MIN");
        var limitSet = rig.TransactionEvents().Single(e => Trigger(e) == "LimitSet");
        limitSet.GetProperty("transactionInfo").GetProperty("transactionLimit").GetProperty("maxCost").GetDecimal().ShouldBe(2.00m);
        limitSet.GetProperty("costDetails").GetProperty("totalCost").GetProperty("currency").GetString().ShouldBe("EUR");

        // The sample interval is 60 s: one running cost at a minute of charging, 1.00 EUR, before the limit at two.
        var running = rig.TransactionEvents().Where(e => Trigger(e) == "RunningCost").ToList();
        running.ShouldNotBeEmpty(rig.Describe());
        Total(running[0]).ShouldBe(1.00m);
        running[0].GetProperty("costDetails").GetProperty("totalCost").GetProperty("chargingTime").GetProperty("inclTax").GetDecimal().ShouldBe(1.00m);

        var ended = Events(rig, "Ended").Single();
        Trigger(ended).ShouldBe("CostLimitReached");
        ended.GetProperty("transactionInfo").GetProperty("stoppedReason").GetString().ShouldBe("LocalOutOfCredit");
        Total(ended).ShouldBe(2.00m);
        var usage = ended.GetProperty("costDetails").GetProperty("totalUsage");
        usage.GetProperty("chargingTime").GetInt32().ShouldBe(120);
        usage.GetProperty("idleTime").GetInt32().ShouldBe(0);
        usage.GetProperty("energy").GetDecimal().ShouldBeGreaterThan(0m, "the EV charged, and the meter counted it");
        (Timestamp(ended) - Timestamp(started)).ShouldBe(TimeSpan.FromMinutes(2), "the limit is met at its moment, not at a sample");
        rig.OfficialViolations().ShouldBeEmpty();
    }

    [Test]
    public async Task The_energy_the_meter_counted_is_priced_per_kWh_with_its_tax()
    {
        const string PerKwh = """{"evseId":0,"tariff":{"tariffId":"T-KWH","currency":"EUR","energy":{"prices":[{"priceKwh":0.40}],"taxRates":[{"type":"VAT","tax":25}]}}}""";
        await using var rig = await LoopbackCsmsRig.StartAsync(OcppVersion.V21, "COST-2", "EVSE-AC-7.4kW-2port", new SessionPlan { Sessions = 0 });
        await rig.UntilAsync(() => rig.Calls("StatusNotification").Count >= 2, "the boot-time status reports");
        (await rig.CallAsync("SetDefaultTariff", PerKwh)).GetProperty("status").GetString().ShouldBe("Accepted");
        await StartAsync(rig);

        rig.ReleaseTime();
        await rig.UntilAsync(() => rig.TransactionEvents().Count(e => Trigger(e) == "RunningCost") >= 2, "two running costs");
        rig.HoldTime();

        foreach (var running in rig.TransactionEvents().Where(e => Trigger(e) == "RunningCost"))
        {
            var kwh = running.GetProperty("costDetails").GetProperty("totalUsage").GetProperty("energy").GetDecimal() / 1000m;
            var energy = running.GetProperty("costDetails").GetProperty("totalCost").GetProperty("energy");
            energy.GetProperty("exclTax").GetDecimal().ShouldBe(Math.Round(kwh * 0.40m, 2), 0.011m);
            energy.GetProperty("inclTax").GetDecimal().ShouldBe(Math.Round(kwh * 0.50m, 2), 0.011m);
            kwh.ShouldBeGreaterThan(0m);
        }

        rig.OfficialViolations().ShouldBeEmpty();
    }

    [TestCase("""{"evseId":1,"tariff":{"tariffId":"T-C","currency":"EUR","energy":{"prices":[{"priceKwh":0.3,"conditions":{"startTimeOfDay":"08:00"}}]}}}""", "ConditionNotSupported")]
    [TestCase("""{"evseId":1,"tariff":{"tariffId":"T-2","currency":"EUR","chargingTime":{"prices":[{"priceMinute":0.1},{"priceMinute":0.2}]}}}""", "TooManyElements")]
    [TestCase("""{"evseId":9,"tariff":{"tariffId":"T-9","currency":"EUR","chargingTime":{"prices":[{"priceMinute":0.1}]}}}""", "Rejected")]
    public async Task A_tariff_the_station_cannot_use_is_refused_with_the_reason(string request, string status)
    {
        await using var rig = await LoopbackCsmsRig.StartAsync(OcppVersion.V21, "COST-3", "EVSE-AC-7.4kW-2port", new SessionPlan { Sessions = 0 });

        (await rig.CallAsync("SetDefaultTariff", request)).GetProperty("status").GetString().ShouldBe(status);

        rig.Runner.Station.Tariffs.All.ShouldBeEmpty();
        rig.OfficialViolations().ShouldBeEmpty();
    }

    [Test]
    public async Task Without_a_tariff_a_transaction_carries_no_cost()
    {
        await using var rig = await LoopbackCsmsRig.StartAsync(OcppVersion.V21, "COST-4", "EVSE-AC-7.4kW-2port", new SessionPlan { Sessions = 0 });
        await rig.UntilAsync(() => rig.Calls("StatusNotification").Count >= 2, "the boot-time status reports");
        await StartAsync(rig);

        (await rig.Runner.Engine.SetLimitAsync(1, new TransactionLimit(null, null, MaxCost: 0.01m), CancellationToken.None)).ShouldBeTrue();
        rig.ReleaseTime();
        await rig.UntilAsync(() => rig.TransactionEvents().Count(e => Trigger(e) == "MeterValuePeriodic") >= 2, "two samples");
        rig.HoldTime();

        rig.TransactionEvents().Where(e => e.TryGetProperty("costDetails", out _)).ShouldBeEmpty();
        rig.TransactionEvents().ShouldNotContain(e => Trigger(e) == "RunningCost" || Trigger(e) == "CostLimitReached", "no tariff prices it, so its cost limit cannot be reached");
    }

    private static async Task StartAsync(LoopbackCsmsRig rig)
    {
        var start = await rig.CallAsync("RequestStartTransaction", """{"evseId":1,"idToken":{"idToken":"TAG-1","type":"ISO14443"},"remoteStartId":1}""");
        start.GetProperty("status").GetString().ShouldBe("Accepted", rig.Describe());
        await rig.UntilAsync(() => rig.Runner.Engine.TransactionOn(1) is { TransactionId: not null }, "a transaction on EVSE 1");
    }

    private static List<JsonElement> Events(LoopbackCsmsRig rig, string eventType) =>
        [.. rig.TransactionEvents().Where(e => e.GetProperty("eventType").GetString() == eventType)];

    private static string? Trigger(JsonElement e) => e.GetProperty("triggerReason").GetString();

    private static decimal Total(JsonElement e) => e.GetProperty("costDetails").GetProperty("totalCost").GetProperty("total").GetProperty("inclTax").GetDecimal();

    private static DateTimeOffset Timestamp(JsonElement e) => e.GetProperty("timestamp").GetDateTimeOffset();
}
