using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DerSim.Csms;
using DerSim.Ocpp.Rpc;
using DerSim.Ocpp.Validation;
using DerSim.Sim.Cli;
using DerSim.Sim.Tests.Loopback;

namespace DerSim.Sim.Tests.Cli;

/// <summary>
/// <c>./sim --time_scale max</c> end to end in-process, over real WebSockets on loopback to the reference CSMS in
/// process: the seed's DC-150 line runs its whole 20 → 80 % session in lock-step virtual time with every sample at the
/// profile's interval, and a CALL the CSMS never answers times out on the wall clock with a clear line.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class TimeScaleMaxTests
{
    /// <summary>The DC-150 profile's sample interval.</summary>
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    private static readonly OcppSchemaValidator Validator = new();

    [TestCase("ocpp1.6j")]
    [TestCase("ocpp2.0.1j")]
    [TestCase("ocpp2.1")]
    public async Task The_seed_DC_150_line_runs_20_to_80_percent_with_every_sample_at_the_interval(string version)
    {
        await using var csms = new ReferenceCsms(new ReferenceCsmsOptions { Rpc = new OcppRpcOptions { Validator = Validator } });
        var frames = new CsmsFrames(csms);
        await csms.StartAsync();
        var id = $"DERSIM-DC-MAX-{version.Replace(".", "", StringComparison.Ordinal)}";

        // The seed's line with the session flags of the README, --time_scale max and nothing to stop it: the run ends
        // by itself once the session is done.
        var (exit, stdout, stderr) = await RunAsync(
            "--ocpp_enable", "yes", "--ocpp_version", version, "--ocpp_csms_url", csms.Url.ToString(), "--ocpp_csid", id,
            "--evse_profile", "EVSE-DC-150kW-CCS-1port.json",
            "--ev", "sedan-75", "--ev_soc", "20", "--ev_target_soc", "80", "--idtag", "DRIVER-1", "--time_scale", "max", "--quiet");

        var context = $"stdout:\n{stdout}\nstderr:\n{stderr}\nCSMS frames:\n{frames.Dump(id)}";
        exit.ShouldBe(SimProgram.ExitOk, context);
        stderr.ShouldBeEmpty(context);
        stdout.ShouldContain("time scale max (lock-step)", Case.Sensitive, context);
        stdout.ShouldContain("plan done: stopped", Case.Sensitive, context);
        frames.Violations(id).ShouldBeEmpty(context);

        var session = Session.Of(frames, id);
        var length = session.Stop.At - session.Start.At;
        var samples = session.Periodic;

        // 20 -> 80 % of 75 kWh is 45 kWh: about 21 simulated minutes at up to 150 kW, so about 41 samples.
        length.ShouldBeInRange(TimeSpan.FromMinutes(18), TimeSpan.FromMinutes(25), context);
        samples.Count.ShouldBeInRange((int)(length / Interval) - 1, (int)(length / Interval), context);

        // Every interval has its sample: none skipped, none late, none early.
        var times = new[] { session.Start.At }.Concat(samples.Select(s => s.At)).ToList();
        times.Zip(times.Skip(1), (a, b) => b - a).ShouldAllBe(gap => gap == Interval, context);
        (session.Stop.At - samples[^1].At).ShouldBeLessThanOrEqualTo(Interval, context);

        // SoC and energy only rise, in small steps: never a jump 20 -> 80 in one sample.
        var all = new[] { session.Start }.Concat(samples).Append(session.Stop).ToList();
        all.Zip(all.Skip(1), (a, b) => b.SocPercent - a.SocPercent).ShouldAllBe(step => step >= 0 && step < 3, context);
        all.Zip(all.Skip(1), (a, b) => b.EnergyWh - a.EnergyWh).ShouldAllBe(step => step >= 0 && step <= 1300, context);
        session.Start.SocPercent.ShouldBe(20, context);
        session.Stop.SocPercent.ShouldBe(80, 0.5, context);
        (session.Stop.EnergyWh - session.Start.EnergyWh).ShouldBe(45_000, 45_000 * 0.02, context);

        // The EV charged at the profile's power, tapering near full; the EVSE never suspended it.
        samples[0].PowerW.ShouldBe(150_000, 1, context);
        samples.Count(s => s.PowerW > 50_000).ShouldBeGreaterThan(samples.Count * 3 / 4, context);
        frames.Dump(id).ShouldNotContain("SuspendedEVSE", Case.Sensitive, context);
    }

    [Test]
    public async Task A_CALL_the_CSMS_never_answers_times_out_on_the_wall_clock_and_the_session_goes_on()
    {
        const string id = "DERSIM-DC-MAX-LOST";
        var callTimeout = TimeSpan.FromSeconds(3);

        // The test double: the reference CSMS with a 1 s heartbeat interval that swallows the first periodic
        // MeterValues and never answers it, answers the later ones, and takes the station's next CALLs meanwhile
        // (a strict peer would refuse them while one is unanswered).
        await using var csms = new ReferenceCsms(new ReferenceCsmsOptions
        {
            HeartbeatIntervalSeconds = 1,
            Rpc = new OcppRpcOptions { Validator = Validator, RejectConcurrentInboundCalls = false },
        });
        var frames = new CsmsFrames(csms);
        var swallowed = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var configured = 0;
        csms.StationChanged += state =>
        {
            if (state.StationId != id || !state.Connected || Interlocked.Exchange(ref configured, 1) != 0)
            {
                return;
            }

            csms.PeerOf(id).OnRaw("MeterValues", async (payload, ct) =>
            {
                if (!swallowed.TrySetResult(Stopwatch.GetTimestamp()))
                {
                    return Json("{}");
                }

                // One transmission only, so the test need not wait out the real-time retry interval (retries have
                // tests of their own); sent while the sample is unanswered, it is answered at once all the same.
                _ = csms.CallRawAsync(id, "ChangeConfiguration", Json("""{"key":"TransactionMessageAttempts","value":"1"}"""), CancellationToken.None);
                await Task.Delay(Timeout.Infinite, ct);
                return payload;
            });
        };
        await csms.StartAsync();

        var (exit, stdout, stderr) = await RunAsync(
            "--ocpp_enable", "yes", "--ocpp_version", "ocpp1.6j", "--ocpp_csms_url", csms.Url.ToString(), "--ocpp_csid", id,
            "--evse_profile", "EVSE-DC-150kW-CCS-1port.json", "--ev", "sedan-75", "--ev_soc", "20", "--ev_target_soc", "80",
            "--time_scale", "max", "--quiet", "--call_timeout", callTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture));

        var context = $"stdout:\n{stdout}\nstderr:\n{stderr}\nCSMS frames:\n{frames.Dump(id)}";
        exit.ShouldBe(SimProgram.ExitOk, context);
        stdout.ShouldContain("plan done: stopped", Case.Sensitive, context);

        // Told clearly, once: the CALL, the wall-clock timeout, and that simulated time stood still for it.
        var lost = frames.Of(id).First(f => f is { Direction: FrameDirection.Inbound, MessageType: OcppMessageType.Call, Action: "MeterValues" });
        stdout.ShouldContain($"lock-step: no answer to MeterValues (message id {lost.MessageId}) within the call timeout (3 s of wall time); simulated time, held still since it was sent, moves on", Case.Sensitive, context);
        stdout.ShouldContain("MeterValues given up after 1 attempt(s)", Case.Sensitive, context);
        stdout.ShouldContain($"MeterValues CALL (message id {lost.MessageId}) got no answer within 3 s", Case.Sensitive, context);

        // The CSMS's own CALL was answered at once, while the station's sample was still unanswered (the station's next
        // CALL came only after the timeout), and heartbeats went on in wall time.
        var all = frames.Of(id).ToList();
        var lostAt = all.IndexOf(lost);
        var change = all.FindIndex(f => f is { Direction: FrameDirection.Outbound, MessageType: OcppMessageType.Call, Action: "ChangeConfiguration" });
        var changed = all.FindIndex(f => f.Direction == FrameDirection.Inbound && f.MessageType == OcppMessageType.CallResult && f.MessageId == all[change].MessageId);
        var next = all.FindIndex(lostAt + 1, f => f is { Direction: FrameDirection.Inbound, MessageType: OcppMessageType.Call });
        changed.ShouldBeGreaterThan(lostAt, context);
        all[changed].Raw.ShouldContain("Accepted", Case.Sensitive, context);
        changed.ShouldBeLessThan(next, context);
        frames.CallsFrom(id).ShouldContain("Heartbeat", context);

        // No simulated time passed while the sample waited for its answer: the next one is one interval later, and
        // the session ran on to its end with every sample.
        var session = Session.Of(frames, id);
        var times = new[] { session.Start.At }.Concat(session.Periodic.Select(s => s.At)).ToList();
        times.Zip(times.Skip(1), (a, b) => b - a).ShouldAllBe(gap => gap == Interval, context);
        session.Stop.SocPercent.ShouldBe(80, 0.5, context);
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        // A safety net only: the run must end by itself once the session is done.
        var exit = await SimProgram.RunAsync(args, stdout, stderr, TimeProvider.System).WaitAsync(TimeSpan.FromSeconds(120));
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static JsonElement Json(string text)
    {
        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }

    /// <summary>One meter reading the CSMS received: when, and the EV's SoC, the energy register and the power.</summary>
    private sealed record Reading(DateTimeOffset At, double SocPercent, double EnergyWh, double PowerW);

    /// <summary>The one transaction's readings as the CSMS received them: at its start, every periodic sample, at its stop.</summary>
    private sealed record Session(Reading Start, IReadOnlyList<Reading> Periodic, Reading Stop)
    {
        public static Session Of(CsmsFrames frames, string stationId)
        {
            Reading? start = null;
            Reading? stop = null;
            var periodic = new List<Reading>();
            foreach (var frame in frames.Of(stationId).Where(f => f is { Direction: FrameDirection.Inbound, MessageType: OcppMessageType.Call }))
            {
                var payload = CsmsFrames.Payload(frame);
                var values = frame.Action switch
                {
                    "MeterValues" or "TransactionEvent" when payload.TryGetProperty("meterValue", out var mv) => mv.EnumerateArray().ToList(),
                    "StopTransaction" when payload.TryGetProperty("transactionData", out var td) => td.EnumerateArray().ToList(),
                    _ => [],
                };
                foreach (var meterValue in values)
                {
                    var reading = Read(meterValue, out var readingContext);
                    switch (readingContext)
                    {
                        case "Transaction.Begin":
                            start ??= reading;
                            break;
                        case "Sample.Periodic" when frame.Action != "StopTransaction":
                            periodic.Add(reading);
                            break;
                        case "Transaction.End":
                            stop = reading;
                            break;
                    }
                }

                // 1.6 StartTransaction carries only meterStart; its SoC is the arrival SoC of the command line.
                if (frame.Action == "StartTransaction")
                {
                    start ??= new Reading(payload.GetProperty("timestamp").GetDateTimeOffset(), 20, payload.GetProperty("meterStart").GetDouble(), 0);
                }
            }

            start.ShouldNotBeNull($"no transaction start among the CSMS's frames:\n{frames.Dump(stationId)}");
            stop.ShouldNotBeNull($"no transaction end among the CSMS's frames:\n{frames.Dump(stationId)}");
            periodic.ShouldNotBeEmpty($"no periodic sample among the CSMS's frames:\n{frames.Dump(stationId)}");
            return new Session(start, periodic, stop);
        }

        private static Reading Read(JsonElement meterValue, out string? readingContext)
        {
            double soc = double.NaN, energy = double.NaN, power = double.NaN;
            readingContext = null;
            foreach (var sampled in meterValue.GetProperty("sampledValue").EnumerateArray())
            {
                if (sampled.TryGetProperty("phase", out _))
                {
                    continue;
                }

                readingContext ??= sampled.TryGetProperty("context", out var c) ? c.GetString() : null;
                var raw = sampled.GetProperty("value");
                var value = raw.ValueKind == JsonValueKind.String ? double.Parse(raw.GetString()!, CultureInfo.InvariantCulture) : raw.GetDouble();
                switch (sampled.TryGetProperty("measurand", out var m) ? m.GetString() : "Energy.Active.Import.Register")
                {
                    case "SoC":
                        soc = value;
                        break;
                    case "Energy.Active.Import.Register":
                        energy = value;
                        break;
                    case "Power.Active.Import":
                        power = value;
                        break;
                }
            }

            return new Reading(meterValue.GetProperty("timestamp").GetDateTimeOffset(), soc, energy, power);
        }
    }
}
