using System.Globalization;
using System.Text.Json;
using DerSim.Sim.Cli;

namespace DerSim.Harness.Tests.StrictCsms;

/// <summary>
/// The issue's second acceptance line: the seed's V2G command line against the strict CSMS on ocpp-rpc running
/// <c>--scenario v2g</c>. Once the transaction starts the CSMS allows [DC_BPT, DC] and sends a TxProfile period with
/// setpoint −20 kW and operationMode CentralSetpoint: both Accepted, then Power.Active.Export &gt; 0 reported;
/// SetDERControl (default LimitMaxDischarge 50 %) and GetDERControl Accepted; no schema violation either way.
/// </summary>
[NonParallelizable]
public class StrictCsmsV2gTests
{
    [Test]
    public async Task Seed_V2G_line_discharges_on_a_central_setpoint_and_accepts_DER_control_with_zero_violations()
    {
        await using var csms = await StrictCsmsProcess.StartAsync(extraArguments: ["--scenario", "v2g"]);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        // The seed's line as written, in real time; only --run_for is added, so that it stops after two samples
        // (the profile samples every 15 s). Its default EV, the bidirectional v2g-50, arrives at 50 % SoC.
        var exit = await SimProgram.RunAsync(
            [
                "--ocpp_enable", "yes", "--ocpp_version", "ocpp2.1", "--ocpp_csms_url", csms.Url.ToString(),
                "--ocpp_csid", "DERSIM-V2G-1", "--evse_profile", "EVSE-V2G-DC-50kW-bidir.json",
                "--run_for", "35",
            ],
            stdout,
            stderr,
            TimeProvider.System);

        var events = csms.Events;
        var context = $"stderr:\n{stderr}\nstrict CSMS events:\n{string.Join("\n", events)}";
        exit.ShouldBe(SimProgram.ExitOk, context);
        csms.Violations.ShouldBeEmpty(context);
        events.ShouldNotContain(e => e.Kind == "callError", context);
        stdout.ToString().ShouldNotContain("!! schema", Case.Sensitive, context);
        stdout.ToString().ShouldContain("NotifyEVChargingNeeds", Case.Sensitive, context);

        events.ShouldContain(e => e.Kind == "scenarioDone", context);
        Answer(events, "NotifyAllowedEnergyTransfer").ShouldBe("Accepted", context);
        Answer(events, "SetChargingProfile").ShouldBe("Accepted", context);
        Answer(events, "SetDERControl").ShouldBe("Accepted", context);
        Answer(events, "GetDERControl").ShouldBe("Accepted", context);

        var profileAccepted = events.ToList().FindIndex(e => e is { Kind: "callResult", Action: "SetChargingProfile" } && e.Text("direction") == "fromStation");
        var exported = events.Skip(profileAccepted + 1).SelectMany(ExportSamplesW).ToList();
        exported.ShouldContain(w => w > 0, $"no Power.Active.Export above 0 W after the setpoint was accepted ({exported.Count} samples)\n{context}");
        // The setpoint asks for 20 kW and the default LimitMaxDischarge allows 25 kW: never more than the setpoint.
        exported.ShouldAllBe(w => w <= 20000 + 1, context);
    }

    /// <summary>The status of the station's answer to the CSMS's <paramref name="action"/>, or null.</summary>
    private static string? Answer(IReadOnlyList<StrictCsmsEvent> events, string action)
    {
        var answer = events.LastOrDefault(e => e is { Kind: "callResult" } && e.Action == action && e.Text("direction") == "fromStation");
        return answer is not null && answer.Json.GetProperty("result").TryGetProperty("status", out var status) ? status.GetString() : null;
    }

    /// <summary>Power.Active.Export values (whole EVSE) in a MeterValues or TransactionEvent call, in W.</summary>
    private static IEnumerable<double> ExportSamplesW(StrictCsmsEvent e)
    {
        if (e.Kind != "call" || e.Action is not ("MeterValues" or "TransactionEvent") || e.Text("direction") is not null
            || !e.Json.GetProperty("payload").TryGetProperty("meterValue", out var meterValues))
        {
            yield break;
        }

        foreach (var meterValue in meterValues.EnumerateArray())
        {
            foreach (var sampled in meterValue.GetProperty("sampledValue").EnumerateArray())
            {
                if (!sampled.TryGetProperty("measurand", out var m) || m.GetString() != "Power.Active.Export" || sampled.TryGetProperty("phase", out _))
                {
                    continue;
                }

                var raw = sampled.GetProperty("value");
                var value = raw.ValueKind == JsonValueKind.String ? double.Parse(raw.GetString()!, CultureInfo.InvariantCulture) : raw.GetDouble();
                var (unit, multiplier) = sampled.TryGetProperty("unitOfMeasure", out var uom)
                    ? (uom.TryGetProperty("unit", out var u) ? u.GetString() : "W", uom.TryGetProperty("multiplier", out var mul) ? mul.GetInt32() : 0)
                    : ("W", 0);
                yield return value * Math.Pow(10, multiplier) * (unit == "kW" ? 1000 : 1);
            }
        }
    }
}
