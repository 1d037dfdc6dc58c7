using System.Globalization;
using DerSim.Harness.Drivers.Csms;
using DerSim.Harness.Traffic;
using DerSim.Sim.Engine;
using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;
using DerSim.Ocpp;
using DerSim.Ocpp.Rpc;
using DerSim.Ocpp.Transport;
using DerSim.Ocpp.Validation;
using DerSim.Sim.Runtime;
using DerSim.Sim.Timing;

namespace DerSim.Harness.Drivers;

/// <summary>
/// The stations of one scenario on one discrete-event clock. The scenario itself is an actor of that clock: simulated
/// time stands still between steps and moves only while a step waits on it ("the EV charges for 30 minutes"), as
/// fast as the CSMS answers.
/// </summary>
public sealed class SimulatorDriver : IAsyncDisposable
{
    private static readonly OcppSchemaValidator SharedValidator = new();
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, OcppSchemaValidator> OfficialValidators = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StationUnderTest> _stations = new(StringComparer.Ordinal);
    private readonly IDisposable _scenarioActor;
    private readonly ScenarioTime _time;

    /// <summary>
    /// What every frame of the stations is checked against: DerSim's own schemas, unless <see cref="UseOfficialSchemas"/>
    /// named a folder of official ones.
    /// </summary>
    public OcppSchemaValidator Validator { get; private set; } = SharedValidator;

    /// <summary>
    /// Checks every frame against the official OCPP schemas in <paramref name="root"/> (with "1.6", "2.0.1" and "2.1"
    /// folders) instead of DerSim's own; one validator per folder serves every scenario.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The folder has no "2.1", "2.0.1" or "1.6" folder.</exception>
    public void UseOfficialSchemas(string root)
    {
        var full = Path.GetFullPath(root);
        if (!Configuration.DerSimSettings.HoldsOfficialSchemas(full))
        {
            throw new DirectoryNotFoundException($"dersim.officialSchemasDirectory: {full} holds no 1.6, 2.0.1 or 2.1 folder of OCPP schemas.");
        }

        Validator = OfficialValidators.GetOrAdd(full, static dir => new OcppSchemaValidator(dir));
    }

    /// <summary>
    /// A driver whose stations connect to <paramref name="csms"/>. Its clock starts at the present of
    /// <paramref name="time"/> (the system's by default), read once here, as a real station's clock would show it.
    /// </summary>
    public SimulatorDriver(CsmsTarget csms, TrafficRecorder recorder, TimeProvider? time = null)
    {
        Csms = csms;
        Recorder = recorder;
        _time = new ScenarioTime(time ?? TimeProvider.System);
        Clock = _time.Clock;
        _scenarioActor = Clock.RegisterActor();
    }

    /// <summary>The scenario's simulated clock.</summary>
    public VirtualClock Clock { get; }

    /// <summary>
    /// The stations adopt the CSMS's time from the first BootNotification answer (see <see cref="ScenarioTime.Adopt"/>);
    /// every station's physics starts over at the new present.
    /// </summary>
    public void AdoptCsmsTime(DateTimeOffset csmsTime) =>
        _time.Adopt(csmsTime, () => _stations.Values.Select(s => s.Runner).OfType<StationRunner>().Select(r => r.Engine.Physics).ToList());

    /// <summary>The CSMS the stations talk to.</summary>
    public CsmsTarget Csms { get; }

    /// <summary>Every frame of every station.</summary>
    public TrafficRecorder Recorder { get; }

    /// <summary>How long a step waits in real time for the CSMS (boot answer, a message to arrive).</summary>
    public TimeSpan WaitTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The Basic-auth password of a station id (the target declaration's, or a scenario's); null falls back to the CSMS
    /// target's own (<c>DERSIM_CSMS_PASSWORD</c>), else sends none. The default value is null.
    /// </summary>
    public Func<string, string?>? PasswordOf { get; set; }

    /// <summary>
    /// The Basic-auth user name a station id sends; null sends the station id, as OCPP asks. Only a scenario that checks
    /// the CSMS refuses another user name sets it. The default value is null.
    /// </summary>
    public Func<string, string>? UsernameOf { get; set; }

    /// <summary>
    /// A CA (or self-signed certificate) stations trust for wss:// besides the system's store (security profiles 2 and 3).
    /// The default value is null.
    /// </summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2? TrustedCa { get; set; }

    /// <summary>The client certificate (with its key) of a station id for security profile 3; null presents none. The default value is null.</summary>
    public Func<string, System.Security.Cryptography.X509Certificates.X509Certificate2?>? ClientCertificateOf { get; set; }

    /// <summary>The stations, by id.</summary>
    public IReadOnlyDictionary<string, StationUnderTest> Stations => _stations;

    /// <summary>The only station, or the one named; a clear error otherwise.</summary>
    public StationUnderTest Station(string? id = null)
    {
        if (id is not null)
        {
            return _stations.TryGetValue(id, out var named)
                ? named
                : throw new InvalidOperationException($"no station \"{id}\" in this scenario (have: {string.Join(", ", _stations.Keys)})");
        }

        return _stations.Count switch
        {
            1 => _stations.Values.Single(),
            0 => throw new InvalidOperationException("no station in this scenario yet: start with a step like Given a station with profile \"EVSE-AC-22kW-1port\" on OCPP 2.0.1"),
            _ => throw new InvalidOperationException($"this scenario has {_stations.Count} stations ({string.Join(", ", _stations.Keys)}): name the one meant"),
        };
    }

    /// <summary>Adds a station with a bundled profile name or a profile path.</summary>
    public StationUnderTest AddStation(string id, string profile, OcppVersion version)
    {
        if (_stations.ContainsKey(id))
        {
            throw new InvalidOperationException($"station \"{id}\" exists already in this scenario");
        }

        var station = new StationUnderTest(id, EvseProfileLoader.Load(profile, ProfilesDirectory.Locate()), version);
        _stations.Add(id, station);
        return station;
    }

    /// <summary>
    /// Connects <paramref name="station"/> to the CSMS; it boots and then drives its plan. Completes once the WebSocket
    /// is open (or, after <see cref="WaitTimeout"/>, still trying: later steps report that).
    /// </summary>
    /// <exception cref="TrafficAssertionException">
    /// The CSMS answered the WebSocket upgrade with an HTTP status other than 101 (401 for a wrong password, 412, …):
    /// it refused the station, which retrying would not change.
    /// </exception>
    public async Task StartAsync(StationUnderTest station)
    {
        ArgumentNullException.ThrowIfNull(station);
        if (station.Runner is not null)
        {
            throw new InvalidOperationException($"station \"{station.Id}\" is already connected");
        }

        var url = await Csms.UrlAsync().ConfigureAwait(false);
        station.CsmsUrl = url;
        if (url.Scheme == "ws")
        {
            // Through a relay the scenario can cut, so "the connection drops" is a real network failure. (Not for wss:
            // the certificate names the CSMS's host, not the relay's.)
            var link = NetworkLink.For(url);
            link.Start();
            station.Link = link;
            url = link.Route(url);
        }

        var options = new OcppClientOptions
        {
            Url = url,
            StationId = station.Id,
            Version = station.Version,
            BasicAuthPassword = PasswordOf?.Invoke(station.Id) ?? Csms.Password,
            BasicAuthUsername = UsernameOf?.Invoke(station.Id),
            TrustedCaCertificate = TrustedCa,
            ClientCertificate = ClientCertificateOf?.Invoke(station.Id),
            Reconnect = new OcppReconnectPolicy { InitialDelay = TimeSpan.FromMilliseconds(200), MaxDelay = TimeSpan.FromSeconds(2), MaxAttempts = 5 },
            Rpc = new OcppRpcOptions { Validator = Validator, CallTimeout = WaitTimeout },
        };
        var chargingStation = new ChargingStation(station.Id, station.Profile);
        ApplySettings(station, chargingStation.Configuration);
        chargingStation.CustomData = station.CustomData;
        foreach (var (token, (status, group)) in station.CachedTokens)
        {
            chargingStation.AuthorizationCache.Preset(token, status, group);
        }

        var runner = new StationRunner(chargingStation, options, TimeProvider.System, station.Log.Enqueue, station.Plan, Clock);
        var opened = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var refused = new TaskCompletionSource<OcppConnectException>(TaskCreationOptions.RunContinuationsAsynchronously);
        runner.Frame += frame =>
        {
            opened.TrySetResult();
            Recorder.Record(station.Id, frame, Clock.Now);
        };
        runner.Reconnecting += attempt =>
        {
            station.ConnectError = attempt.Error;
            if (attempt.Error is OcppConnectException { Failure: OcppConnectFailure.Http } http)
            {
                refused.TrySetResult(http);
            }
        };
        runner.Booted += outcome =>
        {
            AdoptCsmsTime(outcome.CurrentTime);
            station.Boot = outcome;
        };
        station.Runner = runner;
        station.Stop = new CancellationTokenSource();
        var stop = station.Stop.Token;
        station.Running = Task.Run(() => runner.RunAsync(stop), CancellationToken.None);

        var first = await Task.WhenAny(opened.Task, refused.Task, station.Running, Task.Delay(WaitTimeout)).ConfigureAwait(false);
        if (first == refused.Task)
        {
            await station.Stop.CancelAsync().ConfigureAwait(false);
            var status = refused.Task.Result.StatusCode;
            var hint = status == System.Net.HttpStatusCode.Unauthorized ? " (the Basic-auth password comes from DERSIM_CSMS_PASSWORD)" : "";
            throw new TrafficAssertionException(
                string.Create(CultureInfo.InvariantCulture, $"the CSMS at {station.CsmsUrl} answered the WebSocket upgrade of {station.Id} with HTTP {(int?)status} {status} instead of 101 Switching Protocols{hint}"),
                []);
        }
    }

    /// <summary>
    /// Finds a station setting by 1.6 key or 2.x "Component.Variable" / "Component.Variable.Instance"; null when the
    /// station has none of that name.
    /// </summary>
    public static StationConfiguration.Setting? FindSetting(StationConfiguration configuration, string name)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(name);
        if (configuration.Get(name) is { } byKey)
        {
            return byKey;
        }

        var parts = name.Split('.');
        return parts.Length switch
        {
            2 => configuration.Get(parts[0], parts[1]),
            3 => configuration.Get(parts[0], parts[1], parts[2]),
            _ => null,
        };
    }

    private static void ApplySettings(StationUnderTest station, StationConfiguration configuration)
    {
        foreach (var (name, value) in station.Settings)
        {
            configuration.Preset(CheckSetting(station.Id, configuration, name, value), value);
        }
    }

    /// <summary>The setting <paramref name="name"/> of <paramref name="configuration"/>, checked to take <paramref name="value"/>.</summary>
    /// <exception cref="InvalidOperationException">The station has no such setting, or the value does not fit it.</exception>
    public static StationConfiguration.Setting CheckSetting(string stationId, StationConfiguration configuration, string name, string value)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var setting = FindSetting(configuration, name)
            ?? throw new InvalidOperationException($"station {stationId} has no setting \"{name}\"; it has: {string.Join(", ", configuration.All.Select(s => s.Component + "." + s.Variable + (s.Instance is null ? "" : "." + s.Instance)))}");
        if (setting.IsValid is { } valid && !valid(value))
        {
            throw new InvalidOperationException($"\"{value}\" is not a valid value of station setting \"{name}\"");
        }

        // The station's own set-up (an installer's choice), so read-only settings may be fixed too.
        return setting;
    }

    /// <summary>
    /// <paramref name="text"/> (an error, a station's log) with the relay's address replaced by the CSMS's: the relay is
    /// DerSim's plumbing, and a reader looks for the URL they configured.
    /// </summary>
    public static string NameCsms(StationUnderTest station, string text)
    {
        ArgumentNullException.ThrowIfNull(station);
        ArgumentNullException.ThrowIfNull(text);
        return station is { Link: { } link, CsmsUrl: { } csms }
            ? text.Replace($"127.0.0.1:{link.Port.ToString(CultureInfo.InvariantCulture)}", csms.Authority, StringComparison.Ordinal)
            : text;
    }

    /// <summary>Waits in real time until <paramref name="station"/> booted once (it may be offline since) and can drive sessions.</summary>
    public async Task<StationRunner> BootedAsync(StationUnderTest station)
    {
        ArgumentNullException.ThrowIfNull(station);
        var runner = station.Runner ?? throw new InvalidOperationException($"station \"{station.Id}\" is not connected: add a step like When the station connects to the CSMS");
        await UntilAsync(() => runner.Engine.IsAttached, station, "to boot").ConfigureAwait(false);
        return runner;
    }

    /// <summary>An EV plugs into <paramref name="evseId"/> of <paramref name="station"/>; it stays until unplugged.</summary>
    public async Task PlugInAsync(StationUnderTest station, int evseId, EvArrival ev)
    {
        var runner = await BootedAsync(station).ConfigureAwait(false);
        await runner.Engine.SteppedSessions.PlugInAsync(evseId, ev, CancellationToken.None).WaitAsync(WaitTimeout).ConfigureAwait(false);
    }

    /// <summary>
    /// The driver presents <paramref name="token"/> (of 2.x type <paramref name="idTokenType"/>; null for the type its
    /// text fits) on <paramref name="evseId"/>; true when the CSMS accepted it and the transaction started.
    /// </summary>
    public async Task<bool> PresentTokenAsync(StationUnderTest station, int evseId, string token, string? idTokenType = null)
    {
        var runner = await BootedAsync(station).ConfigureAwait(false);
        try
        {
            return await runner.Engine.SteppedSessions.PresentTokenAsync(evseId, token, idTokenType, CancellationToken.None).WaitAsync(WaitTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw Unanswered(station, $"the station's messages for token {token} on EVSE {evseId}");
        }
    }

    /// <summary>
    /// As <see cref="PresentTokenAsync(StationUnderTest, int, string, string?)"/>, at a station with a user interface on
    /// which a Master Pass holder picks <paramref name="selection"/> (OCPP 2.0.1 C16.FR.01).
    /// </summary>
    public async Task<bool> PresentTokenAsync(StationUnderTest station, int evseId, string token, string? idTokenType, MasterPassSelection selection)
    {
        var runner = await BootedAsync(station).ConfigureAwait(false);
        try
        {
            return await runner.Engine.SteppedSessions.PresentTokenAsync(evseId, token, idTokenType, selection, CancellationToken.None).WaitAsync(WaitTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw Unanswered(station, $"the station's messages for token {token} on EVSE {evseId}");
        }
    }

    // A step that waits on the station's CALLs timed out: the CSMS left them unanswered (OCPP-J: every CALL is answered);
    // the failure names and quotes them rather than a bare timeout.
    private TrafficAssertionException Unanswered(StationUnderTest station, string what)
    {
        var frames = Recorder.Query().Station(station.Id);
        var answered = frames.Received().Frames.Where(f => f.MessageType != OcppMessageType.Call).Select(f => f.MessageId).ToHashSet(StringComparer.Ordinal);
        var open = frames.Sent().Calls().Frames.Where(c => !answered.Contains(c.MessageId)).ToList();
        return new TrafficAssertionException(
            $"{what} were not answered by the CSMS within {WaitTimeout.TotalSeconds:0} s{(open.Count > 0 ? $"; unanswered: {string.Join(", ", open.Select(c => $"{c.Action} {c.MessageId}"))}" : "")}",
            open);
    }

    /// <summary>
    /// The driver presents <paramref name="token"/> at <paramref name="station"/> before any EV plugged in, choosing no
    /// EVSE; with TxCtrlr.TxStartPoint Authorized the transaction starts at once, its EVSE not known yet.
    /// </summary>
    public async Task<bool> PresentTokenAtStationAsync(StationUnderTest station, string token, string? idTokenType = null)
    {
        var runner = await BootedAsync(station).ConfigureAwait(false);
        return await runner.Engine.SteppedSessions.PresentTokenAtStationAsync(token, idTokenType, CancellationToken.None).WaitAsync(WaitTimeout).ConfigureAwait(false);
    }

    /// <summary>The driver stops the transaction on <paramref name="evseId"/> at the station (reason Local).</summary>
    public async Task StopLocallyAsync(StationUnderTest station, int evseId)
    {
        var runner = await BootedAsync(station).ConfigureAwait(false);
        await runner.Engine.SteppedSessions.StopLocallyAsync(evseId, CancellationToken.None).WaitAsync(WaitTimeout).ConfigureAwait(false);
    }

    /// <summary>The EV unplugs from <paramref name="evseId"/>; a running transaction ends with EVDisconnected.</summary>
    public async Task UnplugAsync(StationUnderTest station, int evseId)
    {
        var runner = await BootedAsync(station).ConfigureAwait(false);
        await runner.Engine.SteppedSessions.UnplugAsync(evseId, CancellationToken.None).WaitAsync(WaitTimeout).ConfigureAwait(false);
    }

    /// <summary>
    /// The network between <paramref name="station"/> and the CSMS fails (connections reset, new ones refused) while
    /// <paramref name="outage"/> of simulated time passes, then comes back; completes once the station reconnected and
    /// delivered what it queued. The outage's simulated span is recorded in <see cref="StationUnderTest.Outages"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The station connects without the relay (wss), so it cannot be cut.</exception>
    public async Task DropConnectionAsync(StationUnderTest station, TimeSpan outage)
    {
        await CutConnectionAsync(station).ConfigureAwait(false);
        await AdvanceAsync(outage).ConfigureAwait(false);
        await RestoreConnectionAsync(station).ConfigureAwait(false);
    }

    /// <summary>
    /// <paramref name="station"/> loses power for <paramref name="outage"/> of simulated time: its connection goes (as a
    /// cut network does), its running transactions are interrupted (no energy; OCPP 2.1 E17) and, when the power is
    /// back, it boots again (BootNotification PowerUp) and resumes or ends them by TxCtrlr.TxResumptionTimeout; completes
    /// once it booted again (whether the CSMS then answers what it sends is for the case to judge).
    /// </summary>
    /// <exception cref="InvalidOperationException">The station connects without the relay (wss), so it cannot be cut.</exception>
    public async Task PowerLossAsync(StationUnderTest station, TimeSpan outage)
    {
        var runner = await BootedAsync(station).ConfigureAwait(false);
        await CutConnectionAsync(station).ConfigureAwait(false);
        runner.Engine.Interrupt(powerLoss: true);
        runner.Station.Registration = RegistrationState.NotBooted;
        runner.Station.NextBootReason = BootReason.PowerUp;
        await AdvanceAsync(outage).ConfigureAwait(false);

        // Back once it is online: what it then sends (the resumed transaction) is for the case to judge, answered or not.
        station.Link!.Restore();
        station.Outages.Add((station.CutAt!.Value, Clock.Now));
        station.CutAt = null;
        await UntilAsync(() => runner.IsOnline && runner.Station.Registration == RegistrationState.Accepted, station, "to boot again after the power came back").ConfigureAwait(false);
    }

    /// <summary>The network of <paramref name="station"/> fails; completes once the station noticed (it is offline).</summary>
    /// <exception cref="InvalidOperationException">The station connects without the relay (wss), so it cannot be cut.</exception>
    public async Task CutConnectionAsync(StationUnderTest station)
    {
        var runner = await BootedAsync(station).ConfigureAwait(false);
        var link = station.Link ?? throw new InvalidOperationException($"station \"{station.Id}\" connects over TLS directly; its connection cannot be cut");
        // What the present instant owes (a sample due now) goes out first: a cut mid-exchange would make the outcome a race.
        await UntilAsync(() => Clock.IsQuietBut(running: 1), station, "to finish what it sends at this instant").ConfigureAwait(false);
        station.CutAt = Clock.Now;
        link.Cut();
        await UntilAsync(() => !runner.IsOnline, station, "to notice the lost connection").ConfigureAwait(false);
    }

    /// <summary>The network of <paramref name="station"/> is back; completes once it reconnected and delivered what it queued.</summary>
    /// <exception cref="InvalidOperationException">The connection was not cut.</exception>
    public async Task RestoreConnectionAsync(StationUnderTest station)
    {
        ArgumentNullException.ThrowIfNull(station);
        if (station is not { Link: { IsCut: true } link, CutAt: { } from, Runner: { } runner })
        {
            throw new InvalidOperationException($"the connection of station \"{station.Id}\" is not cut");
        }

        link.Restore();
        station.CutAt = null;
        station.Outages.Add((from, Clock.Now));
        await UntilAsync(() => runner.IsOnline && runner.Engine.Outbox.Queued == 0, station, "to reconnect and deliver its queued messages").ConfigureAwait(false);
    }

    /// <summary>Lets <paramref name="duration"/> of simulated time pass for every station.</summary>
    public async Task AdvanceAsync(TimeSpan duration)
    {
        _time.CatchUpWithRealTime();
        await Clock.WaitAsync(duration, CancellationToken.None).WaitAsync(WaitTimeout * 20).ConfigureAwait(false);

        // Other actors due at the same instant (a sample at the end of the wait) woke with the scenario: let them finish
        // what they owe now, so the next step sees it. Best effort: a station stuck on something else does not fail here.
        var settle = System.Diagnostics.Stopwatch.StartNew();
        while (!Clock.IsQuietBut(running: 1) && settle.Elapsed < WaitTimeout)
        {
            await Task.Delay(5).ConfigureAwait(false);
        }
    }

    /// <summary>Waits in real time until <paramref name="condition"/> holds on the recorded traffic; the query when it did.</summary>
    /// <exception cref="TrafficAssertionException">It did not hold within <see cref="WaitTimeout"/>.</exception>
    public async Task<TrafficQuery> WaitForAsync(Func<TrafficQuery, bool> condition, string expectation)
    {
        ArgumentNullException.ThrowIfNull(condition);
        using var watch = new RecordingWatch(Recorder);
        using var timeout = new CancellationTokenSource(WaitTimeout);
        while (true)
        {
            var query = Recorder.Query();
            if (condition(query))
            {
                return query;
            }

            if (_stations.Values.FirstOrDefault(s => s.Running is { IsFaulted: true }) is { } failed)
            {
                throw new TrafficAssertionException($"{expectation}, but station {failed.Id} stopped: {NameCsms(failed, failed.Running!.Exception!.GetBaseException().Message)}", Recorder.Frames);
            }

            try
            {
                await watch.ChangedAsync(TimeSpan.FromMilliseconds(200), timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                throw new TrafficAssertionException($"{expectation}: not seen within {WaitTimeout.TotalSeconds:0} s", Recorder.Frames);
            }
        }
    }

    private async Task EndCleanlyAsync(StationUnderTest station)
    {
        if (station.Runner is not { IsOnline: true } runner || station.Running is not { IsCompleted: false })
        {
            // Offline (a cut connection) or stopped: nothing can reach the CSMS now.
            return;
        }

        try
        {
            using var bound = new CancellationTokenSource(WaitTimeout);
            await runner.Engine.StopAllAsync(TransactionStopReason.Local, bound.Token).ConfigureAwait(false);
            await UntilAsync(() => Unanswered(station.Id) == 0, station, "to get the CSMS's answers to its outstanding calls").ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException or InvalidOperationException)
        {
            // Best effort: a CSMS that does not answer keeps its leftovers; the scenario's verdict is already made.
            station.Log.Enqueue($"scenario end: {ex.Message}");
        }
    }

    private int Unanswered(string stationId)
    {
        var frames = Recorder.Query().Station(stationId);
        var answered = frames.Received().Where(f => f.MessageType is OcppMessageType.CallResult or OcppMessageType.CallError or OcppMessageType.CallResultError, "answers")
            .Frames.Select(f => f.MessageId).ToHashSet(StringComparer.Ordinal);
        return frames.Sent().Where(f => f.MessageType == OcppMessageType.Call, "CALLs").Frames.Count(f => !answered.Contains(f.MessageId));
    }

    private async Task UntilAsync(Func<bool> condition, StationUnderTest station, string what)
    {
        using var timeout = new CancellationTokenSource(WaitTimeout);
        while (!condition())
        {
            if (station.Running is { IsCompleted: true } running)
            {
                throw new InvalidOperationException(NameCsms(station, $"station {station.Id} stopped while waiting for it {what}: {running.Exception?.GetBaseException().Message ?? "its run ended"}; its log:\n{string.Join("\n", station.Log.TakeLast(20))}"));
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException(NameCsms(station, $"station {station.Id} did not manage {what} within {WaitTimeout.TotalSeconds:0} s; its log:\n{string.Join("\n", station.Log.TakeLast(20))}"));
            }
        }
    }

    /// <summary>
    /// Ends the scenario cleanly for the CSMS, so the next scenario reusing a station id meets no leftovers: every
    /// running transaction is stopped (reason Local, through the engine, as a driver at the station would), the CSMS's
    /// answers to the stations' outstanding CALLs are awaited (bounded by <see cref="WaitTimeout"/>), then each station
    /// closes its WebSocket with a close frame and the scenario's hold on the clock ends.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_stations.Values.Select(EndCleanlyAsync)).ConfigureAwait(false);
        foreach (var station in _stations.Values)
        {
            if (station.Stop is { } stop)
            {
                await stop.CancelAsync().ConfigureAwait(false);
            }
        }

        _scenarioActor.Dispose();
        foreach (var station in _stations.Values)
        {
            if (station.Running is { } running)
            {
                try
                {
                    await running.WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is OperationCanceledException or OcppConnectException or TimeoutException or OcppConnectionClosedException)
                {
                    // Stopping on purpose; a station that failed already showed it in the scenario's steps.
                }
            }

            station.Stop?.Dispose();
            if (station.Link is { } link)
            {
                await link.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
