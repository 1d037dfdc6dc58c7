using System.Collections.Concurrent;
using System.Text.Json;
using DerSim.Ocpp;
using DerSim.Ocpp.Dialects;
using DerSim.Ocpp.Json;
using DerSim.Ocpp.Rpc;
using DerSim.Ocpp.Transport;

namespace DerSim.Csms;

/// <summary>
/// The embedded reference CSMS: a real OCPP-J server for 1.6J, 2.0.1 and 2.1. It answers every
/// station-initiated action validly, keeps per-station state, and sends any CSMS-initiated CALL on request.
/// </summary>
public sealed class ReferenceCsms : IAsyncDisposable
{
    private readonly ReferenceCsmsOptions _options;
    private readonly OcppServer _server;
    private readonly OcppServer? _upgradeServer;
    private readonly ConcurrentDictionary<string, bool> _upgraded = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CsmsStationState> _stations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, OcppRpcPeer> _peers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _passwordsSet = new(StringComparer.Ordinal);
    private readonly Lazy<CsmsCertificateAuthority> _authority;
    private int _lastTransactionId;
    private int _bootStatus;

    /// <summary>Creates the CSMS; call <see cref="StartAsync"/> to listen.</summary>
    public ReferenceCsms(ReferenceCsmsOptions? options = null)
    {
        _options = options ?? new ReferenceCsmsOptions();
        _bootStatus = (int)_options.BootStatus;
        _authority = new Lazy<CsmsCertificateAuthority>(() => new CsmsCertificateAuthority(_options.CertificateAuthority, _options.TimeProvider));
        _server = new OcppServer(
            new OcppServerOptions
            {
                ActionTables = OcppActionTables.For,
                Address = _options.Address,
                Port = _options.Port,
                Versions = _options.Versions,
                BasicAuth = _options.RequiresPassword || _options.UpgradeServerCertificate is not null
                    ? (station, given) => ValueTask.FromResult(Admits(station) && (!_options.RequiresPassword || PasswordCheck.Matches(PasswordOf(station), given)))
                    : null,
                ServerCertificate = _options.ServerCertificate,
                RequireClientCertificate = _options.RequireClientCertificate,
                ClientCertificateValidation = _options.ClientCertificateValidation,
                Rpc = _options.Rpc,
                TimeProvider = _options.TimeProvider,
            },
            OnConnectedAsync);
        if (_options.UpgradeServerCertificate is { } upgrade)
        {
            // Security profile 2 on its own port: Basic auth over TLS (A00), the same handlers.
            _upgradeServer = new OcppServer(
                new OcppServerOptions
                {
                    ActionTables = OcppActionTables.For,
                    Address = _options.Address,
                    Versions = _options.Versions,
                    BasicAuth = (station, given) => ValueTask.FromResult(PasswordCheck.Matches(PasswordOf(station), given)),
                    ServerCertificate = upgrade,
                    Rpc = _options.Rpc,
                    TimeProvider = _options.TimeProvider,
                },
                (peer, ct) =>
                {
                    // A05: from now on this station is admitted with the upgraded profile only.
                    _upgraded[peer.StationId] = true;
                    return OnConnectedAsync(peer, ct);
                });
        }
    }

    /// <summary>Every frame of every station: station id and frame.</summary>
    public event Action<string, OcppFrameEvent>? Frame;

    /// <summary>Raised after a station's state changed (connection, boot, any handled CALL).</summary>
    public event Action<CsmsStationState>? StationChanged;

    /// <summary>Raised when an upgrade request is turned away (bad subprotocol, failed auth).</summary>
    public event Action<OcppServerRejection>? Rejected
    {
        add => _server.Rejected += value;
        remove => _server.Rejected -= value;
    }

    /// <summary>The URL stations connect to (their id is appended), e.g. ws://127.0.0.1:8180/ocpp.</summary>
    public Uri Url => new(_server.Url, "ocpp");

    /// <summary>
    /// The URL of the TLS listener for stations moved to security profile 2 (see
    /// <see cref="ReferenceCsmsOptions.UpgradeServerCertificate"/>), e.g. wss://127.0.0.1:8181/ocpp; null without one.
    /// </summary>
    public Uri? UpgradeUrl => _upgradeServer is null ? null : new(_upgradeServer.Url, "ocpp");

    /// <summary>The bound port.</summary>
    public int Port => _server.Port;

    /// <summary>The settings.</summary>
    public ReferenceCsmsOptions Options => _options;

    /// <summary>
    /// The verdict given to the next BootNotification; starts as <see cref="ReferenceCsmsOptions.BootStatus"/> and
    /// may be changed while stations are connected (a Pending station accepted later).
    /// </summary>
    public CsmsBootStatus BootStatus
    {
        get => (CsmsBootStatus)Volatile.Read(ref _bootStatus);
        set => Volatile.Write(ref _bootStatus, (int)value);
    }

    /// <summary>Every station seen, by id.</summary>
    public IReadOnlyDictionary<string, CsmsStationState> Stations => _stations;

    /// <summary>Starts listening.</summary>
    public async Task StartAsync(CancellationToken ct = default)
    {
        await _server.StartAsync(ct).ConfigureAwait(false);
        if (_upgradeServer is not null)
        {
            await _upgradeServer.StartAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>Sends a CSMS-initiated CALL to a connected station and returns its answer.</summary>
    /// <exception cref="InvalidOperationException">The station is not connected.</exception>
    public Task<TResponse> CallAsync<TRequest, TResponse>(string stationId, TRequest request, CancellationToken ct = default) =>
        PeerOf(stationId).CallAsync<TRequest, TResponse>(request, ct);

    /// <summary>
    /// Sends any CALL as raw JSON (still validated unless validation is off) and returns the raw answer. A Basic-auth
    /// password the station accepted in a SetVariables is the one the CSMS expects of it from then on (2.0.1 A01.FR.02/03).
    /// </summary>
    public async Task<JsonElement> CallRawAsync(string stationId, string action, JsonElement payload, CancellationToken ct = default)
    {
        var answer = await PeerOf(stationId).CallRawAsync(action, payload, ct).ConfigureAwait(false);
        if (action == "SetVariables" && AcceptedPassword.In(payload, answer) is { } password)
        {
            _passwordsSet[stationId] = password;
        }

        // 1.6 security whitepaper: an AuthorizationKey the station accepted is its password from then on.
        if (action == "ChangeConfiguration" && AcceptedPassword.InV16(payload, answer) is { } key)
        {
            _passwordsSet[stationId] = key;
        }

        return answer;
    }

    /// <summary>The Basic-auth password <paramref name="stationId"/> must present now: one it accepted from this CSMS, else the configured one.</summary>
    public string? PasswordOf(string stationId) =>
        _passwordsSet.TryGetValue(stationId, out var set) ? set : _options.PasswordOf(stationId);

    /// <summary>The open connection of <paramref name="stationId"/>.</summary>
    /// <exception cref="InvalidOperationException">The station is not connected.</exception>
    public OcppRpcPeer PeerOf(string stationId) =>
        _peers.TryGetValue(stationId, out var peer)
            ? peer
            : throw new InvalidOperationException($"station {stationId} is not connected to the reference CSMS (connected: {string.Join(", ", _peers.Keys.DefaultIfEmpty("none"))})");

    /// <summary>Waits until <paramref name="condition"/> holds for the station, or fails after <paramref name="timeout"/>.</summary>
    public async Task<CsmsStationState> WaitForAsync(string stationId, Func<CsmsStationState, bool> condition, TimeSpan timeout, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var done = new TaskCompletionSource<CsmsStationState>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check(CsmsStationState state)
        {
            if (state.StationId == stationId && condition(state))
            {
                done.TrySetResult(state);
            }
        }

        StationChanged += Check;
        try
        {
            if (_stations.TryGetValue(stationId, out var now))
            {
                Check(now);
            }

            return await done.Task.WaitAsync(timeout, _options.TimeProvider, ct).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            var seen = _stations.TryGetValue(stationId, out var s)
                ? $"last seen: connected={s.Connected}, boots={s.BootCount}, registration={s.Registration?.ToString() ?? "none"}, heartbeats={s.HeartbeatCount}"
                : "never connected";
            throw new TimeoutException($"station {stationId} did not reach the expected state within {timeout.TotalSeconds:0.#} s ({seen})");
        }
        finally
        {
            StationChanged -= Check;
        }
    }

    /// <summary>Stops listening and closes every connection.</summary>
    public async Task StopAsync(CancellationToken ct = default)
    {
        await _server.StopAsync(ct).ConfigureAwait(false);
        if (_upgradeServer is not null)
        {
            await _upgradeServer.StopAsync(ct).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync().ConfigureAwait(false);
        if (_upgradeServer is not null)
        {
            await _upgradeServer.DisposeAsync().ConfigureAwait(false);
        }
    }

    // Whether the first listener still admits the station: not once it connected with the upgraded profile (A05).
    private bool Admits(string stationId) => !_upgraded.ContainsKey(stationId);

    private async Task OnConnectedAsync(OcppRpcPeer peer, CancellationToken ct)
    {
        var state = _stations.GetOrAdd(peer.StationId, id => new CsmsStationState(id, peer.Version));
        state.Version = peer.Version;
        state.Connected = true;
        state.ConnectionCount++;
        _peers[peer.StationId] = peer;
        peer.Frame += frame =>
        {
            if (frame is { Direction: FrameDirection.Inbound, MessageType: OcppMessageType.Call or OcppMessageType.Send, Action: { } action })
            {
                state.CallsReceived.AddOrUpdate(action, 1, (_, n) => n + 1);
            }

            Frame?.Invoke(peer.StationId, frame);
        };

        var context = new CsmsContext(peer, state, _options, () => BootStatus, () => Interlocked.Increment(ref _lastTransactionId), s => StationChanged?.Invoke(s));
        if (peer.Version == OcppVersion.V16)
        {
            V16CsmsHandlers.Register(context);
            V16CsmsSecurityHandlers.Register(context, _authority.Value);
        }
        else
        {
            Ocpp2CsmsHandlers.Register(context, Ocpp2Dialect.For(peer.Version));
            Ocpp2CsmsSecurityHandlers.Register(context, _authority.Value);
            Ocpp2CsmsResumeHandlers.Register(context);
        }

        StationChanged?.Invoke(state);
        try
        {
            await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The connection ended.
        }
        finally
        {
            _peers.TryRemove(new KeyValuePair<string, OcppRpcPeer>(peer.StationId, peer));
            state.Connected = _peers.ContainsKey(peer.StationId);
            StationChanged?.Invoke(state);
        }
    }
}
