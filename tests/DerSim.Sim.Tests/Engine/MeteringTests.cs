using System.Globalization;
using System.Text.Json;
using DerSim.Ocpp;
using DerSim.Sim.Engine;
using DerSim.Sim.StationModel;

namespace DerSim.Sim.Tests.Engine;

/// <summary>
/// The 2.x metering device model (J01 AlignedDataCtrlr, J02 SampledDataCtrlr) honoured by a real station on a virtual
/// clock against a loopback CSMS: clock-aligned instants, the measurands of each event, the readings kept for the Ended
/// event, signed readings; and the defaults that keep the station as it was.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class MeteringTests
{
    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task Clock_aligned_values_go_out_at_whole_intervals_after_midnight(OcppVersion version)
    {
        await using var rig = await StartAsync(version, "ALIGNED", ("AlignedDataCtrlr.Interval", "900"), ("AlignedDataCtrlr.Measurands", "Energy.Active.Import.Register"));

        await rig.Runner.SessionsCompleted.WaitAsync(TimeSpan.FromSeconds(30));

        var clock = rig.TransactionEvents().Where(e => e.GetProperty("triggerReason").GetString() == "MeterValueClock").ToList();
        clock.Count.ShouldBeGreaterThan(1, rig.Describe());
        foreach (var value in clock.Select(e => e.GetProperty("meterValue")[0]))
        {
            Aligned(value, TimeSpan.FromMinutes(15)).ShouldBeTrue(value.GetRawText());
            Contexts(value).ShouldBe(["Sample.Clock"]);
            Measurands(value).ShouldBe(["Energy.Active.Import.Register"]);
        }

        // Outside the transaction (after it, as time runs on): MeterValues of the EVSE, aligned the same way.
        await rig.UntilAsync(() => rig.Calls("MeterValues").Count > 0, "a clock-aligned MeterValues after the session");
        foreach (var value in rig.Calls("MeterValues").Select(c => c.Payload.GetProperty("meterValue")[0]))
        {
            Aligned(value, TimeSpan.FromMinutes(15)).ShouldBeTrue(value.GetRawText());
            Contexts(value).ShouldBe(["Sample.Clock"]);
        }
    }

    [Test]
    public async Task On_1_6_clock_aligned_values_go_out_in_MeterValues_with_context_Sample_Clock()
    {
        await using var rig = await StartAsync(OcppVersion.V16, "ALIGNED", ("AlignedDataCtrlr.Interval", "900"));

        await rig.Runner.SessionsCompleted.WaitAsync(TimeSpan.FromSeconds(30));

        var clock = rig.Calls("MeterValues").Select(c => c.Payload).Where(p => p.GetProperty("meterValue")[0].GetProperty("sampledValue")[0].GetProperty("context").GetString() == "Sample.Clock").ToList();
        clock.ShouldNotBeEmpty(rig.Describe());
        clock.All(p => Aligned(p.GetProperty("meterValue")[0], TimeSpan.FromMinutes(15))).ShouldBeTrue();
        clock.Count(p => p.TryGetProperty("transactionId", out _)).ShouldBeGreaterThan(0, "during the transaction they name it");
    }

    [Test]
    public async Task With_SendDuringIdle_no_clock_aligned_values_go_out_during_a_transaction()
    {
        await using var rig = await StartAsync(OcppVersion.V201, "IDLE-ONLY", ("AlignedDataCtrlr.Interval", "900"), ("AlignedDataCtrlr.SendDuringIdle", "true"));

        await rig.Runner.SessionsCompleted.WaitAsync(TimeSpan.FromSeconds(30));

        rig.TransactionEvents().Where(e => e.GetProperty("triggerReason").GetString() == "MeterValueClock").ShouldBeEmpty(rig.Describe());
    }

    [Test]
    public async Task Each_event_carries_the_measurands_its_setting_names()
    {
        await using var rig = await StartAsync(
            OcppVersion.V201,
            "MEASURANDS",
            ("SampledDataCtrlr.TxStartedMeasurands", "Energy.Active.Import.Register"),
            ("SampledDataCtrlr.TxUpdatedMeasurands", "Power.Active.Import"),
            ("SampledDataCtrlr.TxEndedMeasurands", "Energy.Active.Import.Register,SoC"));

        await rig.Runner.SessionsCompleted.WaitAsync(TimeSpan.FromSeconds(30));

        var events = rig.TransactionEvents();
        var started = events.Single(e => e.GetProperty("eventType").GetString() == "Started").GetProperty("meterValue")[0];
        Contexts(started).ShouldBe(["Transaction.Begin"]);
        Measurands(started).ShouldBe(["Energy.Active.Import.Register"]);
        var periodic = events.Where(e => e.GetProperty("triggerReason").GetString() == "MeterValuePeriodic").ToList();
        periodic.ShouldNotBeEmpty(rig.Describe());
        periodic.SelectMany(e => Measurands(e.GetProperty("meterValue")[0])).Distinct().ShouldBe(["Power.Active.Import"]);

        // The AC station's meter has no SoC: a measurand it does not sample is simply absent.
        var ended = events.Single(e => e.GetProperty("eventType").GetString() == "Ended").GetProperty("meterValue");
        ended.GetArrayLength().ShouldBe(1);
        Measurands(ended[0]).ShouldBe(["Energy.Active.Import.Register"]);
    }

    [Test]
    public async Task The_Ended_event_carries_the_readings_kept_for_the_end_before_the_final_one()
    {
        await using var rig = await StartAsync(
            OcppVersion.V21,
            "TX-ENDED",
            ("AlignedDataCtrlr.TxEndedInterval", "900"),
            ("AlignedDataCtrlr.TxEndedMeasurands", "Energy.Active.Import.Register"),
            ("SampledDataCtrlr.TxEndedInterval", "300"),
            ("SampledDataCtrlr.TxEndedMeasurands", "Energy.Active.Import.Register"));

        await rig.Runner.SessionsCompleted.WaitAsync(TimeSpan.FromSeconds(30));

        var values = rig.TransactionEvents().Single(e => e.GetProperty("eventType").GetString() == "Ended").GetProperty("meterValue").EnumerateArray().ToList();
        values.Count.ShouldBeGreaterThan(3);
        Contexts(values[^1]).ShouldBe(["Transaction.End"]);
        var kept = values[..^1];
        kept.SelectMany(Contexts).Distinct().Order(StringComparer.Ordinal).ShouldBe(["Sample.Clock", "Sample.Periodic"]);
        kept.Where(v => Contexts(v).Single() == "Sample.Clock").All(v => Aligned(v, TimeSpan.FromMinutes(15))).ShouldBeTrue();
        var times = values.Select(v => DateTimeOffset.Parse(v.GetProperty("timestamp").GetString()!, CultureInfo.InvariantCulture)).ToList();
        times.ShouldBe(times.Order().ToList());

        // The register only rises.
        var energy = values.Select(v => v.GetProperty("sampledValue")[0].GetProperty("value").GetDecimal()).ToList();
        energy.ShouldBe(energy.Order().ToList());
    }

    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task Signed_readings_carry_a_signature_the_public_key_verifies(OcppVersion version)
    {
        await using var rig = await StartAsync(version, "SIGNED", ("SampledDataCtrlr.SignReadings", "true"), ("AlignedDataCtrlr.Interval", "900"), ("AlignedDataCtrlr.SignReadings", "true"));

        await rig.Runner.SessionsCompleted.WaitAsync(TimeSpan.FromSeconds(30));

        var samples = rig.TransactionEvents()
            .Where(e => e.TryGetProperty("meterValue", out _))
            .SelectMany(e => e.GetProperty("meterValue").EnumerateArray().Select(v => (Event: e, Value: v)))
            .SelectMany(x => x.Value.GetProperty("sampledValue").EnumerateArray().Select(s => (x.Event, x.Value, Sample: s)))
            .ToList();
        samples.Select(s => s.Sample.GetProperty("context").GetString()).Distinct().Order(StringComparer.Ordinal)
            .ShouldBe(["Sample.Clock", "Sample.Periodic", "Transaction.Begin", "Transaction.End"]);
        foreach (var (txEvent, value, sample) in samples)
        {
            var signed = sample.GetProperty("signedMeterValue");
            signed.GetProperty("signingMethod").GetString().ShouldBe(MeterSigner.SigningMethod);
            signed.GetProperty("encodingMethod").GetString().ShouldBe(MeterSigner.EncodingMethod);
            var reading = MeterSigner.Verify(signed.GetProperty("signedMeterData").GetString()!, signed.GetProperty("publicKey").GetString()!);
            reading.ShouldNotBeNull(sample.GetRawText());
            reading.Value.GetProperty("value").GetDecimal().ShouldBe(sample.GetProperty("value").GetDecimal());
            reading.Value.GetProperty("measurand").GetString().ShouldBe(sample.GetProperty("measurand").GetString());
            reading.Value.GetProperty("context").GetString().ShouldBe(sample.GetProperty("context").GetString());
            reading.Value.GetProperty("timestamp").GetString().ShouldBe(value.GetProperty("timestamp").GetString());
            reading.Value.GetProperty("stationId").GetString().ShouldBe($"SIGNED-{version}");
            reading.Value.GetProperty("transactionId").GetString().ShouldBe(txEvent.GetProperty("transactionInfo").GetProperty("transactionId").GetString());
        }
    }

    [Test]
    public void A_signature_over_other_data_or_with_another_key_does_not_verify()
    {
        var signer = new MeterSigner();
        var data = signer.Sign(new System.Text.Json.Nodes.JsonObject { ["value"] = 1 });

        MeterSigner.Verify(data, signer.PublicKey).ShouldNotBeNull();
        MeterSigner.Verify(data, new MeterSigner().PublicKey).ShouldBeNull();
        MeterSigner.Verify(Convert.ToBase64String("{\"payload\":\"e30=\",\"signature\":\"AAAA\"}"u8.ToArray()), signer.PublicKey).ShouldBeNull();
        MeterSigner.Verify("not base64", signer.PublicKey).ShouldBeNull();
    }

    [Test]
    public async Task By_default_the_station_meters_as_it_always_did()
    {
        await using var rig = await StartAsync(OcppVersion.V201, "DEFAULTS");

        await rig.Runner.SessionsCompleted.WaitAsync(TimeSpan.FromSeconds(30));

        rig.Calls("MeterValues").ShouldBeEmpty();
        var events = rig.TransactionEvents();
        events.ShouldNotContain(e => e.GetProperty("triggerReason").GetString() == "MeterValueClock");
        var all = rig.Runner.Station.Profile.MeterValues.Measurands;
        Measurands(events.Single(e => e.GetProperty("eventType").GetString() == "Started").GetProperty("meterValue")[0]).ShouldBe(all);
        var ended = events.Single(e => e.GetProperty("eventType").GetString() == "Ended").GetProperty("meterValue");
        ended.GetArrayLength().ShouldBe(1);
        Measurands(ended[0]).ShouldBe(all);
        events.SelectMany(e => e.TryGetProperty("meterValue", out var v) ? v.EnumerateArray() : [])
            .SelectMany(v => v.GetProperty("sampledValue").EnumerateArray())
            .Count(s => s.TryGetProperty("signedMeterValue", out _)).ShouldBe(0);
    }

    [TestCase("2026-01-01T08:07:00Z", 900, "2026-01-01T08:15:00Z")]
    [TestCase("2026-01-01T08:15:00Z", 900, "2026-01-01T08:30:00Z")]
    [TestCase("2026-01-01T23:59:00Z", 420, "2026-01-02T00:00:00Z")]
    [TestCase("2026-01-01T00:00:01Z", 3600, "2026-01-01T01:00:00Z")]
    public void The_next_aligned_instant_counts_from_midnight(string now, int seconds, string expected) =>
        StationEngine.NextAligned(DateTimeOffset.Parse(now, CultureInfo.InvariantCulture), TimeSpan.FromSeconds(seconds))
            .ShouldBe(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture));

    [Test]
    public void A_measurand_list_naming_an_unknown_measurand_is_refused()
    {
        var configuration = new StationConfiguration(1, ["Energy.Active.Import.Register"]);
        var setting = configuration.Get(StationConfiguration.SampledData, "TxUpdatedMeasurands")!;

        setting.Value.ShouldBe("Energy.Active.Import.Register");
        configuration.TrySet(setting, "Energy.Active.Import.Register,Bananas").ShouldBe(SetOutcome.InvalidValue);
        configuration.TrySet(setting, "Power.Active.Import, SoC").ShouldBe(SetOutcome.Accepted);
        configuration.TrySet(setting, "").ShouldBe(SetOutcome.Accepted);
    }

    private static Task<LoopbackCsmsRig> StartAsync(OcppVersion version, string name, params (string Name, string Value)[] settings) =>
        LoopbackCsmsRig.StartAsync(version, $"{name}-{version}", "EVSE-AC-22kW-1port", setUp: station =>
        {
            foreach (var (setting, value) in settings)
            {
                var parts = setting.Split('.');
                station.Configuration.Preset(station.Configuration.Get(parts[0], parts[1])!, value);
            }
        }).ContinueWith(t =>
        {
            t.Result.ReleaseTime();
            return t.Result;
        }, TaskScheduler.Default);

    private static bool Aligned(JsonElement meterValue, TimeSpan interval)
    {
        var at = DateTimeOffset.Parse(meterValue.GetProperty("timestamp").GetString()!, CultureInfo.InvariantCulture);
        return (at - new DateTimeOffset(at.UtcDateTime.Date, TimeSpan.Zero)).Ticks % interval.Ticks == 0;
    }

    private static string[] Contexts(JsonElement meterValue) =>
        [.. meterValue.GetProperty("sampledValue").EnumerateArray().Select(s => s.GetProperty("context").GetString()!).Distinct()];

    private static string[] Measurands(JsonElement meterValue) =>
        [.. meterValue.GetProperty("sampledValue").EnumerateArray().Select(s => s.GetProperty("measurand").GetString()!).Distinct()];
}
