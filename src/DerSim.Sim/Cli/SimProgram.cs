using System.Globalization;
using System.Runtime.InteropServices;
using DerSim.Sim.Engine;
using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;
using DerSim.Ocpp;
using DerSim.Ocpp.Rpc;
using DerSim.Ocpp.Transport;
using DerSim.Ocpp.Validation;
using DerSim.Sim.Physics;
using DerSim.Sim.Runtime;

namespace DerSim.Sim.Cli;

/// <summary>The <c>./sim</c> command: one simulated station against one CSMS.</summary>
public static class SimProgram
{
    /// <summary>Exit code for a clean stop.</summary>
    public const int ExitOk = 0;

    /// <summary>Exit code when connecting was given up.</summary>
    public const int ExitGaveUp = 1;

    /// <summary>How long <c>--run_for</c> and Ctrl+C wait for the CSMS to answer the transactions they end.</summary>
    public static readonly TimeSpan EndTransactionsBound = TimeSpan.FromSeconds(5);

    /// <summary>Exit code for a bad command line or profile.</summary>
    public const int ExitUsage = 2;

    /// <summary>Runs the command; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        SimOptions options;
        EvseProfile profile;
        IOcppSchemaValidator? validator;
        try
        {
            var parsed = SimCommandLine.Parse(args);
            if (parsed is null)
            {
                await stdout.WriteLineAsync(SimCommandLine.Usage);
                return ExitOk;
            }

            options = parsed;
            StartupTrace.Mark("cli");
            validator = CreateValidator(options);
            profile = EvseProfileLoader.Load(options.EvseProfile, ProfilesDirectory.Locate());
            if (options.MeterIntervalSeconds is { } seconds)
            {
                // The engine copies the profile's interval into MeterValueSampleInterval (2.x: SampledDataCtrlr.TxUpdatedInterval) at start.
                profile = profile with { MeterValues = profile.MeterValues with { SampleIntervalSeconds = seconds } };
            }

            CheckArrivalBelowTarget(options.Session, profile);
            StartupTrace.Mark("profile");
            if (options.Load.IsLoadRun && !options.OcppEnabled)
            {
                throw new UsageException("--stations, --ocpp_csid_list and --shard run stations against a CSMS: add --ocpp_enable yes");
            }
        }
        catch (UsageException ex)
        {
            await stderr.WriteLineAsync($"sim: {ex.Message}");
            await stderr.WriteLineAsync("Run ./sim --help for usage.");
            return ExitUsage;
        }
        catch (EvseProfileException ex)
        {
            await stderr.WriteLineAsync($"sim: {ex.Message}");
            return ExitUsage;
        }
        catch (DirectoryNotFoundException ex)
        {
            // No bundled profiles folder (or DERSIM_PROFILES_DIR points nowhere): a setup error, not a crash.
            await stderr.WriteLineAsync($"sim: {ex.Message}");
            return ExitUsage;
        }

        if (options.OcppEnabled && !options.Session.IsLockStep && TimeScaleCap.For(profile) is var cap && options.Session.TimeScale > cap)
        {
            await stderr.WriteLineAsync(TimeScaleCap.Warning(options.Session.TimeScale, cap, profile));
            options = options with { Session = options.Session with { TimeScale = cap } };
        }

        if (options.Load.IsLoadRun)
        {
            return await LoadCommand.RunAsync(options, profile, validator, stdout, stderr, time).ConfigureAwait(false);
        }

        var station = new ChargingStation(options.StationId, profile);
        station.Logs.LinesKept = options.LogLines ?? StationLogBook.Capacity;
        await stdout.WriteLineAsync(Describe(station, options));
        if (!options.OcppEnabled)
        {
            await stdout.WriteLineAsync("OCPP is off (--ocpp_enable no): running the station's physics alone, no CSMS.");
            using var offlineStop = new CancellationTokenSource();
            using var offlineSigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
            {
                context.Cancel = true;
                offlineStop.Cancel();
            });
            try
            {
                await OfflineSimulation.RunAsync(profile, options.Session, paced: options.TimeScaleGiven && !options.Session.IsLockStep, stdout, time, offlineStop.Token);
            }
            catch (OperationCanceledException) when (offlineStop.IsCancellationRequested)
            {
                await stdout.WriteLineAsync("stopped");
            }

            return ExitOk;
        }

        OcppClientOptions clientOptions;
        try
        {
            clientOptions = BuildClientOptions(options, validator);
        }
        catch (InvalidDataException ex)
        {
            await stderr.WriteLineAsync($"sim: {ex.Message}");
            return ExitUsage;
        }

        // Two steps: `ending` asks for a clean end (running transactions stopped and answered, bounded), then `stop`
        // closes the connection. A second Ctrl+C skips the wait.
        using var stop = new CancellationTokenSource();
        using var ending = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

        var output = TextWriter.Synchronized(stdout);
        var jitter = options.Load.EffectiveJitter * Load.StationJitter.Of(station.StationId, options.Load.JitterSeed);
        var runner = new StationRunner(
            station,
            clientOptions,
            time,
            // Log lines quote what the CSMS sent (reasons, error descriptions): escaped, so each stays one line.
            message => output.WriteLine($"{time.GetLocalNow():HH:mm:ss.fff} {station.StationId} {LogText.Escape(message)}"),
            jitter > 0 ? options.Session with { FirstSessionDelay = TimeSpan.FromSeconds(profile.MeterValues.SampleIntervalSeconds * jitter) } : options.Session)
        {
            FirstHeartbeatStagger = jitter,
        };
        if (options.StateDirectory is { } stateDirectory)
        {
            try
            {
                runner.Engine.Outbox.UseStateFile(Path.Combine(stateDirectory, $"{station.StationId}.outbox.json"));
            }
            catch (OutboxStateException ex)
            {
                await stderr.WriteLineAsync($"sim: {ex.Message}");
                return ExitUsage;
            }
        }

        StartupTrace.Mark("runner");
        if (StartupTrace.IsEnabled)
        {
            runner.Frame += frame => StartupTrace.Flush("boot");
        }

        if (options.PrintFrames)
        {
            runner.Frame += frame => output.WriteLine(FramePrinter.Format(frame, station.StationId, stationSide: true));
        }

        runner.Booted += outcome => output.WriteLine($"{time.GetLocalNow():HH:mm:ss.fff} {station.StationId} boot {outcome.Registration}, interval {outcome.Interval.TotalSeconds:0} s");
        using var endThenStop = ending.Token.Register(() => _ = Task.Run(async () =>
        {
            await runner.EndTransactionsAsync(EndTransactionsBound).ConfigureAwait(false);
            await stop.CancelAsync().ConfigureAwait(false);
        }));
        if (options.RunForSeconds > 0)
        {
            ending.CancelAfter(TimeSpan.FromSeconds(options.RunForSeconds));
        }

        try
        {
            await runner.RunAsync(stop.Token);
            await output.WriteLineAsync($"{time.GetLocalNow():HH:mm:ss.fff} {station.StationId} plan done: stopped");
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            await output.WriteLineAsync($"{time.GetLocalNow():HH:mm:ss.fff} {station.StationId} stopped");
            return ExitOk;
        }
        catch (OcppConnectException ex)
        {
            await stderr.WriteLineAsync($"sim: giving up after {options.MaxConnectAttempts} attempt(s): {LogText.Escape(ex.Message)}");
            return ExitGaveUp;
        }

        return ExitOk;

        void Stop(PosixSignalContext context) => StopInTwoSteps(context, ending, stop);
    }

    /// <summary>
    /// Ctrl+C or SIGTERM: the first lets the station(s) end their transactions and close the WebSocket with a close frame
    /// instead of the runtime killing the process (<paramref name="ending"/>); a second closes at once (<paramref name="stop"/>).
    /// </summary>
    internal static void StopInTwoSteps(PosixSignalContext context, CancellationTokenSource ending, CancellationTokenSource stop)
    {
        context.Cancel = true;
        if (ending.IsCancellationRequested)
        {
            stop.Cancel();
        }
        else
        {
            ending.Cancel();
        }
    }

    internal static IOcppSchemaValidator? CreateValidator(SimOptions options)
    {
        if (!options.OcppEnabled || !options.Validate)
        {
            return null;
        }

        IOcppSchemaValidator validator = options.SchemasDirectory is { } folder ? new OcppSchemaValidator(folder) : new OcppSchemaValidator();
        PrepareBootSchemas(validator, options.Version);
        return validator;
    }

    /// <summary>The connection settings of the station <paramref name="stationId"/> (<c>{id}</c> in the password and certificate paths replaced); with <paramref name="loadCertificate"/> false no client certificate is read.</summary>
    internal static OcppClientOptions BuildClientOptions(SimOptions options, IOcppSchemaValidator? validator, string? stationId = null, bool loadCertificate = true)
    {
        var id = stationId ?? options.StationId;
        return new OcppClientOptions
        {
            Url = options.CsmsUrl,
            StationId = id,
            Version = options.Version,
            BasicAuthPassword = Load.StationPlaceholder.For(options.Password, id),
            TrustedCaCertificate = options.CaCertificatePath is { } ca ? PemCertificates.Load(ca, "--ocpp_ca_cert") : null,
            ClientCertificate = loadCertificate && options.ClientCertificatePath is { } cert
                ? PemCertificates.LoadWithKey(Load.StationPlaceholder.For(cert, id)!, Load.StationPlaceholder.For(options.ClientKeyPath, id)!, "--ocpp_client_cert/--ocpp_client_key")
                : null,
            Reconnect = new OcppReconnectPolicy { MaxAttempts = options.MaxConnectAttempts },
            Rpc = new OcppRpcOptions
            {
                CallTimeout = TimeSpan.FromSeconds(options.CallTimeoutSeconds),
                Validator = validator,
                ValidateInbound = options.Validate,
                ValidateOutbound = options.Validate,
            },
        };
    }

    /// <summary>
    /// Builds the BootNotification schemas on the thread pool while the profile loads and the socket connects.
    /// The first schema pays for loading and JIT-compiling NJsonSchema and Newtonsoft.Json (~200 ms CPU), which
    /// otherwise sat between the open socket and the first frame. The real request is still validated before
    /// it is sent: it waits for this build (the validator builds each schema once) instead of starting its own.
    /// </summary>
    private static void PrepareBootSchemas(IOcppSchemaValidator validator, OcppVersion version) =>
        _ = Task.Run(() =>
        {
            try
            {
                validator.Validate(version, "BootNotification", PayloadKind.Request, "{}");
                validator.Validate(version, "BootNotification", PayloadKind.Response, "{}");
                StartupTrace.Mark("boot-schemas");
            }
            catch (Exception)
            {
                // A broken schema folder fails the real validation again, where it is reported.
            }
        });

    private static string Describe(ChargingStation station, SimOptions options)
    {
        var connectors = string.Join(", ", station.Connectors.Select(c =>
            $"EVSE {c.EvseId}/{c.ConnectorId} {EnumJsonNames.Of(c.Definition.Type)} {c.Definition.CurrentType} {c.Definition.MaxKw:0.#} kW"));
        var target = options.OcppEnabled ? $", OCPP {options.Version.DisplayName()} -> {options.CsmsUrl}" : "";
        return $"DerSim sim: station {station.StationId}, profile {station.Profile.Name} ({connectors}){target}; {DescribeSessions(options.Session, station.Profile)}";
    }

    /// <summary>
    /// The command line checked the SoCs against the generic arrival SoC; the EV the profile actually gets may arrive
    /// higher (v2g-50 arrives at 50 % so that it can discharge), and a target at or below that would end every session
    /// on arrival.
    /// </summary>
    private static void CheckArrivalBelowTarget(SessionPlan plan, EvseProfile profile)
    {
        if (plan.Sessions == 0 || plan.InitialSocPercent is not null)
        {
            return;
        }

        var model = plan.EvPreset is { } name && EvPresets.TryGet(name, out var preset) ? preset : EvPresets.DefaultFor(profile);
        var target = plan.TargetSocPercent ?? Ev.DefaultTargetSocPercent;
        if (target <= model.ArrivalSocPercent)
        {
            throw new UsageException(string.Create(
                CultureInfo.InvariantCulture,
                $"--ev_target_soc {target} must be above the SoC the EV arrives with: {model.Name} arrives at {model.ArrivalSocPercent} % (set --ev_soc to start lower)"));
        }
    }

    internal static string DescribeSessions(SessionPlan plan, EvseProfile profile)
    {
        if (plan.Sessions == 0)
        {
            return "no charging sessions (--sessions 0)";
        }

        var model = plan.EvPreset is { } name && EvPresets.TryGet(name, out var preset) ? preset : EvPresets.DefaultFor(profile);
        var ev = model.Name;
        var soc = plan.InitialSocPercent ?? model.ArrivalSocPercent;
        var target = plan.TargetSocPercent ?? Ev.DefaultTargetSocPercent;
        var duration = plan.Duration is { } d ? $", for {OfflineSimulation.Clock(d)[1..]} simulated" : "";
        var scale = plan.IsLockStep ? "time scale max (lock-step)" : string.Create(CultureInfo.InvariantCulture, $"time scale {plan.TimeScale:0.###}");
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{plan.Sessions} session(s) per connector: {ev} {soc:0.#} % -> {target:0.#} %, id tag {plan.IdTag}, {scale}{duration}");
    }
}
