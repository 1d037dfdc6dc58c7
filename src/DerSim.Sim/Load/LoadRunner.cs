using System.Collections.Concurrent;
using System.Globalization;
using DerSim.Ocpp;
using DerSim.Ocpp.Rpc;
using DerSim.Ocpp.Transport;
using DerSim.Sim.Engine;
using DerSim.Sim.Runtime;
using DerSim.Sim.StationModel;

namespace DerSim.Sim.Load;

/// <summary>
/// Runs many stations in one process against one CSMS (<c>./sim --stations N</c>): each its own
/// <see cref="StationRunner"/> (connection, clock, physics, sessions), started at <see cref="LoadOptions.RampUpPerSecond"/>,
/// their timers on one shared <see cref="TimeProvider"/> (a timer wheel in <c>./sim</c>). Counts what crosses the wire
/// (<see cref="LoadMetrics"/>), samples the stations and the process once a second, prints a progress line, and at the
/// end stops every station cleanly and returns the run's <see cref="LoadSummary"/>.
/// </summary>
public sealed class LoadRunner
{
    /// <summary>How long the end waits for the stations to close their connections before it gives up on them.</summary>
    public static readonly TimeSpan CloseBound = TimeSpan.FromSeconds(15);


    private readonly LoadRunSettings _settings;
    private readonly TimeProvider _time;
    private readonly LoadMetrics _metrics = new();
    private readonly List<LoadStation> _stations = [];
    private readonly ConcurrentQueue<string> _logLines = new();
    private readonly Lock _stationsGate = new();
    private int _connected;
    private int _everBooted;
    private long _reconnects;
    private int _gaveUp;
    private long _logDropped;
    private double? _allBootedAfter;
    private long _start;

    /// <summary>Creates a run of <paramref name="settings"/> on <paramref name="time"/> (timers, timestamps and latencies).</summary>
    public LoadRunner(LoadRunSettings settings, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(time);
        _settings = settings;
        _time = time;
    }

    /// <summary>The traffic figures so far.</summary>
    public LoadMetrics Metrics => _metrics;

    /// <summary>Stations whose every connection attempt failed up to <c>--max_connect_attempts</c>.</summary>
    public int GaveUp => Volatile.Read(ref _gaveUp);

    /// <summary>
    /// Runs until <paramref name="ending"/> is cancelled (Ctrl+C, SIGTERM), <see cref="LoadRunSettings.RunForSeconds"/>
    /// passed, or every station ended (their plans' duration, or they gave up connecting); then ends the running
    /// transactions (at most <see cref="LoadRunSettings.EndTransactionsBound"/>) and closes every connection —
    /// at once when <paramref name="stop"/> is cancelled. <paramref name="progress"/> gets a line once a second;
    /// <paramref name="folder"/> receives <c>stations.log</c>.
    /// </summary>
    public async Task<LoadSummary> RunAsync(string folder, Action<LoadSample, LoadProgress> progress, CancellationToken ending, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(progress);
        using var gauge = new ProcessGauge();
        var baseline = gauge.Read();
        var startedAt = _time.GetUtcNow();
        _start = _time.GetTimestamp();
        var total = _settings.StationIds.Count;
        using var stopAll = CancellationTokenSource.CreateLinkedTokenSource(stop);
        using var finish = CancellationTokenSource.CreateLinkedTokenSource(ending, stop);
        if (_settings.RunForSeconds > 0)
        {
            finish.CancelAfter(TimeSpan.FromSeconds(_settings.RunForSeconds));
        }

        await using var log = new StreamWriter(Path.Combine(folder, LoadReport.LogFileName), append: false);
        var ramp = Task.Run(() => RampAsync(finish.Token, stopAll.Token), CancellationToken.None);
        var timeline = new List<LoadSample>();
        var readings = new List<(double At, ProcessReading Reading)>();
        var last = baseline;
        long lastSent = 0, lastReceived = 0, lastUnanswered = 0, lastErrors = 0;
        int peakConnected = 0, peakCharging = 0;
        var atStop = (Connected: 0, Booted: 0, Charging: 0);
        using (var ticker = new PeriodicTimer(TimeSpan.FromSeconds(1), _time))
        {
            while (true)
            {
                var stopping = false;
                try
                {
                    await ticker.WaitForNextTickAsync(finish.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    stopping = true;
                }

                var reading = gauge.Read();
                var (booted, charging, lost) = Census();
                var connected = Volatile.Read(ref _connected);
                peakConnected = Math.Max(peakConnected, connected);
                peakCharging = Math.Max(peakCharging, charging);
                var at = Elapsed();
                long sent = _metrics.Sent, received = _metrics.Received, unanswered = _metrics.Unanswered, errors = _metrics.Errors;
                var sample = new LoadSample
                {
                    AtSeconds = Math.Round(at, 3),
                    Connected = connected,
                    Booted = booted,
                    Charging = charging,
                    FramesSent = sent - lastSent,
                    FramesReceived = received - lastReceived,
                    Latency = _metrics.TakeInterval(),
                    CpuSeconds = Math.Round(reading.CpuSeconds - last.CpuSeconds, 4),
                    WorkingSetBytes = reading.WorkingSetBytes,
                    ManagedBytes = reading.ManagedBytes,
                    GcPauseSeconds = Math.Round(reading.GcPauseSeconds - last.GcPauseSeconds, 4),
                    FullCollections = reading.FullCollections - last.FullCollections,
                    Unanswered = unanswered - lastUnanswered,
                    Errors = errors - lastErrors,
                };
                (lastSent, lastReceived, lastUnanswered, lastErrors, last) = (sent, received, unanswered, errors, reading);
                timeline.Add(sample);
                readings.Add((at, reading));
                progress(sample, new LoadProgress(total, Volatile.Read(ref _reconnects), _metrics.Unanswered, _metrics.Errors, lost));
                await DrainLogAsync(log).ConfigureAwait(false);
                atStop = (connected, booted, charging);
                if (stopping || (ramp.IsCompleted && AllEnded()))
                {
                    break;
                }
            }
        }

        // The end: no more stations start; running transactions end and their answers are awaited (bounded); then the
        // figures freeze, so the closing handshakes are not the CSMS's traffic; then every connection closes.
        await finish.CancelAsync().ConfigureAwait(false);
        await ramp.ConfigureAwait(false);
        var runners = Started();
        if (!stop.IsCancellationRequested)
        {
            await Task.WhenAll(runners.Select(s => s.Runner.EndTransactionsAsync(_settings.EndTransactionsBound))).WaitAsync(stop).ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
        }

        await QuietAsync(runners, stop).ConfigureAwait(false);
        _metrics.Freeze();
        var endedAt = _time.GetUtcNow();
        var peak = gauge.PeakWorkingSetBytes;
        var final = gauge.Read();
        await stopAll.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(runners.Select(s => s.Run ?? Task.CompletedTask)).WaitAsync(CloseBound, _time).ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
        await DrainLogAsync(log).ConfigureAwait(false);

        var steadyFrom = _allBootedAfter is { } up ? up + LoadFigures.SettleSeconds : double.MaxValue;
        var steady = readings.Where(r => r.At > steadyFrom).Select(r => r.Reading).ToList();
        if (steady.Count == 0)
        {
            steady = [readings.Count > 0 ? readings[^1].Reading : final];
        }

        return new LoadSummary
        {
            Run = new LoadRun
            {
                Target = Redacted(_settings.Client.Url),
                OcppVersion = _settings.Client.Version.DisplayName(),
                Profile = _settings.Profile.Name,
                Stations = total,
                ShardIndex = _settings.Load.Shard?.Index ?? 1,
                ShardCount = _settings.Load.Shard?.Count ?? 1,
                Validate = _settings.Validate,
                StartedAt = startedAt,
                EndedAt = endedAt,
            },
            Stations = new LoadStations
            {
                Requested = total,
                Connected = atStop.Connected,
                Booted = atStop.Booted,
                Charging = atStop.Charging,
                PeakConnected = peakConnected,
                PeakCharging = peakCharging,
                AllBootedAfterSeconds = _allBootedAfter is { } a ? Math.Round(a, 3) : null,
            },
            Frames = new LoadFrames { Sent = _metrics.Sent, Received = _metrics.Received, Lost = Census().Lost },
            Actions = _metrics.Actions(),
            Reconnects = Volatile.Read(ref _reconnects),
            Process = new LoadProcess
            {
                CpuSeconds = Math.Round(final.CpuSeconds - baseline.CpuSeconds, 3),
                PeakWorkingSetBytes = peak,
                BaselineWorkingSetBytes = baseline.WorkingSetBytes,
                SteadyWorkingSetBytes = (long)steady.Average(r => r.WorkingSetBytes),
                SteadyManagedBytes = (long)steady.Average(r => r.ManagedBytes),
                GcPauseSeconds = Math.Round(final.GcPauseSeconds - baseline.GcPauseSeconds, 3),
                FullCollections = final.FullCollections - baseline.FullCollections,
            },
            Timeline = timeline,
        };
    }

    /// <summary>Starts the stations at the ramp's pace, until all started or <paramref name="ct"/> is cancelled.</summary>
    private async Task RampAsync(CancellationToken ct, CancellationToken lifetime)
    {
        var ids = _settings.StationIds;
        var perSecond = _settings.Load.RampUpPerSecond;
        try
        {
            for (var i = 0; i < ids.Count && !ct.IsCancellationRequested; i++)
            {
                var due = TimeSpan.FromSeconds(i / perSecond);
                var wait = due - _time.GetElapsedTime(_start);
                if (wait > TimeSpan.FromMilliseconds(1))
                {
                    await Task.Delay(wait, _time, ct).ConfigureAwait(false);
                }

                LoadStation station;
                try
                {
                    station = Create(ids[i]);
                }
                catch (Exception ex) when (ex is InvalidDataException or IOException or System.Security.Cryptography.CryptographicException or OutboxStateException)
                {
                    // Its certificate or state file could not be read: this station does not start; the others do.
                    Interlocked.Increment(ref _gaveUp);
                    Log(ids[i], $"not started: {ex.Message}");
                    continue;
                }

                lock (_stationsGate)
                {
                    _stations.Add(station);
                }

                station.Run = Task.Run(() => RunStationAsync(station, lifetime), CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The run ended before every station started.
        }
    }

    private LoadStation Create(string id)
    {
        var settings = _settings;
        var client = settings.Client with
        {
            StationId = id,
            BasicAuthPassword = StationPlaceholder.For(settings.PasswordPattern, id) ?? settings.Client.BasicAuthPassword,
            ClientCertificate = settings.ClientCertificatePattern is { } pattern
                ? PemCertificates.LoadWithKey(StationPlaceholder.For(pattern.Certificate, id)!, StationPlaceholder.For(pattern.Key, id)!, "--ocpp_client_cert/--ocpp_client_key")
                : settings.Client.ClientCertificate,
        };
        var share = StationJitter.Of(id, settings.Load.JitterSeed) * settings.Load.EffectiveJitter;
        var interval = TimeSpan.FromSeconds(Math.Max(1, settings.Profile.MeterValues.SampleIntervalSeconds));
        var plan = share > 0 ? settings.Plan with { FirstSessionDelay = interval * share } : settings.Plan;
        var station = new ChargingStation(id, settings.Profile);
        station.Logs.LinesKept = settings.LogLines;
        var loadStation = new LoadStation(id);
        var runner = new StationRunner(station, client, _time, message => Log(loadStation.Id, message), plan) { FirstHeartbeatStagger = share };
        loadStation.Runner = runner;
        if (settings.StateDirectory is { } directory)
        {
            runner.Engine.Outbox.UseStateFile(Path.Combine(directory, $"{id}.outbox.json"));
        }

        runner.Connected += peer =>
        {
            _metrics.Attach(peer);
            if (Interlocked.Exchange(ref loadStation.Connected, 1) == 0)
            {
                Interlocked.Increment(ref _connected);
            }

            if (loadStation.EverConnected)
            {
                Interlocked.Increment(ref _reconnects);
            }

            loadStation.EverConnected = true;
        };
        runner.Disconnected += _ =>
        {
            if (Interlocked.Exchange(ref loadStation.Connected, 0) == 1)
            {
                Interlocked.Decrement(ref _connected);
            }
        };
        runner.Booted += outcome =>
        {
            if (outcome.Registration == RegistrationState.Accepted && !loadStation.EverBooted)
            {
                loadStation.EverBooted = true;
                if (Interlocked.Increment(ref _everBooted) == _settings.StationIds.Count)
                {
                    _allBootedAfter = Elapsed();
                }
            }
            else if (outcome.Registration != RegistrationState.Accepted)
            {
                Log(loadStation.Id, $"boot {outcome.Registration}, again in {outcome.Interval.TotalSeconds:0} s");
            }
        };
        return loadStation;
    }

    private async Task RunStationAsync(LoadStation station, CancellationToken ct)
    {
        try
        {
            await station.Runner.RunAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopped at the end of the run.
        }
        catch (OcppConnectException ex)
        {
            Interlocked.Increment(ref _gaveUp);
            Log(station.Id, $"gave up connecting: {ex.Message}");
        }
        catch (Exception ex)
        {
            Log(station.Id, $"ended: {ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>
    /// Waits until no station waits for an answer, at most the call timeout and a second: every CALL made ends answered
    /// or unanswered (timed out) before the figures freeze; the status reports after the last stops are among them.
    /// </summary>
    private async Task QuietAsync(List<LoadStation> runners, CancellationToken stop)
    {
        var bound = _settings.Client.Rpc.CallTimeout + TimeSpan.FromSeconds(1);
        try
        {
            // The sessions' last messages (the status report after each stop) are still the run's; then nothing new counts.
            await Task.WhenAll(runners.Select(s => s.Runner.SessionsCompleted)).WaitAsync(_settings.EndTransactionsBound, _time, stop)
                .ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
            _metrics.Close();
            var deadline = _time.GetTimestamp() + (long)(bound.TotalSeconds * _time.TimestampFrequency);
            while (_time.GetTimestamp() < deadline && _metrics.InFlight > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), _time, stop).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped at once (a second Ctrl+C).
        }
    }

    private double Elapsed() => _time.GetElapsedTime(_start).TotalSeconds;

    private List<LoadStation> Started()
    {
        lock (_stationsGate)
        {
            return [.. _stations];
        }
    }

    private bool AllEnded()
    {
        lock (_stationsGate)
        {
            return _stations.TrueForAll(s => s.Run?.IsCompleted == true);
        }
    }

    /// <summary>
    /// Stations booted (connected, boot accepted, online) and charging (a transaction running) now, and the messages they
    /// made and could not deliver (samples dropped from a full queue, transaction messages given up, status reports not
    /// sent offline): one pass over the stations a second.
    /// </summary>
    private (int Booted, int Charging, long Lost) Census()
    {
        int booted = 0, charging = 0;
        long lost = 0;
        lock (_stationsGate)
        {
            foreach (var station in _stations)
            {
                var runner = station.Runner;
                var engine = runner.Engine;
                var outbox = engine.Outbox;
                if (outbox.IsOnline)
                {
                    booted++;
                }

                if (engine.HasTransaction)
                {
                    charging++;
                }

                lost += outbox.Dropped + outbox.GivenUp + outbox.NotSent;
            }
        }

        return (booted, charging, lost);
    }

    private void Log(string stationId, string message)
    {
        // Bounded: a CSMS that makes every station complain must not fill the memory with lines.
        if (_logLines.Count >= 100_000)
        {
            Interlocked.Increment(ref _logDropped);
            return;
        }

        _logLines.Enqueue(string.Create(CultureInfo.InvariantCulture, $"{_time.GetUtcNow():yyyy-MM-ddTHH:mm:ss.fffZ} {stationId} {LogText.Escape(message)}"));
    }

    private async Task DrainLogAsync(StreamWriter log)
    {
        while (_logLines.TryDequeue(out var line))
        {
            await log.WriteLineAsync(line).ConfigureAwait(false);
        }

        if (Interlocked.Exchange(ref _logDropped, 0) is var dropped and > 0)
        {
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{_time.GetUtcNow():yyyy-MM-ddTHH:mm:ss.fffZ} ({dropped} line(s) left out: more than 100,000 waiting)")).ConfigureAwait(false);
        }

        await log.FlushAsync().ConfigureAwait(false);
    }

    /// <summary>The URL without user info or query: nothing secret in a report.</summary>
    private static string Redacted(Uri url) => new UriBuilder(url) { UserName = "", Password = "", Query = "", Fragment = "" }.Uri.ToString();

    private sealed class LoadStation(string id)
    {
        public string Id { get; } = id;

        public StationRunner Runner { get; set; } = null!;

        public Task? Run { get; set; }

        public int Connected;

        public bool EverConnected;

        public bool EverBooted;
    }
}

/// <summary>The running totals that go with a progress sample.</summary>
/// <param name="Stations">Stations this process runs.</param>
/// <param name="Reconnects">Connections made again so far.</param>
/// <param name="Unanswered">The stations' calls unanswered so far.</param>
/// <param name="Errors">The stations' calls answered with a CALLERROR so far.</param>
/// <param name="Lost">Messages the stations could not deliver so far.</param>
public readonly record struct LoadProgress(int Stations, long Reconnects, long Unanswered, long Errors, long Lost);
