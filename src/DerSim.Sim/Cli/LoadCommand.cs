using System.Globalization;
using System.Runtime.InteropServices;
using DerSim.Ocpp;
using DerSim.Ocpp.Validation;
using DerSim.Sim.Load;
using DerSim.Sim.Profiles;
using DerSim.Sim.Timing;
using DerSim.Sim.StationModel;

namespace DerSim.Sim.Cli;

/// <summary>
/// <c>./sim --stations N</c> (or <c>--ocpp_csid_list</c>, <c>--shard</c>): many stations of one profile in this process
/// against one CSMS, a progress line on stderr, the final table on stdout and the report folder (docs/load.md).
/// </summary>
internal static class LoadCommand
{
    public static async Task<int> RunAsync(SimOptions options, EvseProfile profile, IOcppSchemaValidator? validator, TextWriter stdout, TextWriter stderr, TimeProvider time)
    {
        IReadOnlyList<string> ids;
        string folder;
        LoadRunSettings settings;
        try
        {
            var all = AllIds(options);
            ids = options.Load.Shard is { } shard ? shard.Slice(all) : all;
            if (ids.Count == 0)
            {
                throw new UsageException($"--shard {options.Load.Shard}: no station in this shard ({all.Count} station(s) in {options.Load.Shard!.Count} shards)");
            }

            var pattern = options.ClientCertificatePath is { } cert && cert.Contains(StationPlaceholder.Id, StringComparison.Ordinal)
                ? (cert, options.ClientKeyPath!)
                : ((string, string)?)null;
            if (pattern is { } p)
            {
                CheckCertificateFiles(p, ids);
            }

            settings = new LoadRunSettings
            {
                StationIds = ids,
                Profile = profile,
                Client = SimProgram.BuildClientOptions(options, validator, ids[0], loadCertificate: pattern is null),
                PasswordPattern = options.Password,
                ClientCertificatePattern = pattern,
                Plan = options.Session,
                Load = options.Load,
                RunForSeconds = options.RunForSeconds,
                Validate = options.Validate,
                EndTransactionsBound = SimProgram.EndTransactionsBound,
                StateDirectory = options.StateDirectory,
                LogLines = options.LogLines ?? StationLogBook.LoadRunCapacity,
            };
            folder = CreateFolder(options, time);
        }
        catch (UsageException ex)
        {
            await stderr.WriteLineAsync($"sim: {ex.Message}");
            await stderr.WriteLineAsync("Run ./sim --help for usage.");
            return SimProgram.ExitUsage;
        }
        catch (InvalidDataException ex)
        {
            await stderr.WriteLineAsync($"sim: {ex.Message}");
            return SimProgram.ExitUsage;
        }

        await stdout.WriteLineAsync(Describe(options, profile, ids, folder));
        await stdout.FlushAsync();

        using var stop = new CancellationTokenSource();
        using var ending = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var wheel = new TimerWheelTimeProvider(time);
        var runner = new LoadRunner(settings, wheel);
        var printer = new ProgressPrinter(stderr, IsTerminal(stderr));
        var summary = await runner.RunAsync(folder, printer.Add, ending.Token, stop.Token);
        printer.Finish();
        LoadReportFolder.Write(summary, folder);
        await stdout.WriteLineAsync(LoadReport.Describe(summary));
        await stdout.WriteLineAsync($"summary: {Path.Combine(folder, LoadSummaryJson.FileName)}");
        await stdout.WriteLineAsync($"report: {Path.Combine(folder, LoadReportHtml.FileName)}");
        if (runner.GaveUp > 0)
        {
            await stderr.WriteLineAsync($"sim: {runner.GaveUp} station(s) gave up connecting after {options.MaxConnectAttempts} attempt(s); see {Path.Combine(folder, LoadReport.LogFileName)}");
            return SimProgram.ExitGaveUp;
        }

        return SimProgram.ExitOk;

        void Stop(PosixSignalContext context) => SimProgram.StopInTwoSteps(context, ending, stop);
    }

    /// <summary>Every id of the run, all shards together: the list's (its first --stations N), else numbered after --ocpp_csid.</summary>
    private static IReadOnlyList<string> AllIds(SimOptions options)
    {
        var load = options.Load;
        try
        {
            if (load.IdListPath is not { } path)
            {
                return StationIds.Numbered(options.StationId, load.Stations);
            }

            var listed = StationIds.FromFile(path);
            if (!load.StationsGiven)
            {
                return listed;
            }

            return load.Stations <= listed.Count
                ? [.. listed.Take(load.Stations)]
                : throw new UsageException($"--stations {load.Stations}: --ocpp_csid_list {path} has only {listed.Count} station id(s)");
        }
        catch (FormatException ex)
        {
            throw new UsageException($"{(load.IdListPath is null ? "--ocpp_csid" : "--ocpp_csid_list")}: {ex.Message}");
        }
    }

    private static void CheckCertificateFiles((string Certificate, string Key) pattern, IReadOnlyList<string> ids)
    {
        foreach (var id in ids)
        {
            foreach (var (flag, file) in new[] { ("--ocpp_client_cert", pattern.Certificate), ("--ocpp_client_key", pattern.Key) })
            {
                var path = StationPlaceholder.For(file, id)!;
                if (!File.Exists(path))
                {
                    throw new UsageException($"{flag}: file '{path}' (station {id}) does not exist");
                }
            }
        }
    }

    private static string CreateFolder(SimOptions options, TimeProvider time)
    {
        try
        {
            return LoadReport.CreateFolder(options.Load.ReportDirectory, time.GetUtcNow(), options.Load.Shard);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--report_dir: cannot make a report folder in '{options.Load.ReportDirectory}': {ex.Message}");
        }
    }

    private static bool IsTerminal(TextWriter stderr) => ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;

    private static string Describe(SimOptions options, EvseProfile profile, IReadOnlyList<string> ids, string folder)
    {
        var c = CultureInfo.InvariantCulture;
        var shard = options.Load.Shard is { } s ? string.Create(c, $" (shard {s})") : "";
        var which = ids.Count == 1 ? ids[0] : $"{ids[0]} … {ids[^1]}";
        return string.Create(c,
            $"DerSim sim: {ids.Count:N0} stations {which}{shard}, profile {profile.Name}, OCPP {options.Version.DisplayName()} -> {options.CsmsUrl}; " +
            $"{SimProgram.DescribeSessions(options.Session, profile)}; samples every {profile.MeterValues.SampleIntervalSeconds} s; " +
            $"ramp {options.Load.RampUpPerSecond:0.##}/s, jitter {options.Load.EffectiveJitter:0.##} (seed {options.Load.JitterSeed}); validation {(options.Validate ? "on" : "off")}; report {folder}");
    }
}
