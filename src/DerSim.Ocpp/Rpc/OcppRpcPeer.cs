using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using DerSim.Ocpp.Validation;

namespace DerSim.Ocpp.Rpc;

/// <summary>
/// One end of an OCPP-J connection: sends CALLs and correlates their answers, answers the peer's CALLs with
/// registered handlers, and reports every frame through <see cref="Frame"/>. Owns the channel.
/// </summary>
/// <remarks>
/// <para>
/// OCPP-J allows one outstanding CALL per direction: <see cref="CallAsync{TRequest, TResponse}"/> queues
/// later calls in FIFO order until the outstanding one is answered, times out or is cancelled.
/// Register handlers before <see cref="RunAsync"/> starts receiving, or early CALLs are answered NotSupported.
/// </para>
/// <para>
/// How received frames are answered: unparseable JSON, a non-array, no integer type or an unreadable or
/// over-long (&gt; 36) message id → CALLERROR with id "-1" (2.x RpcFrameworkError, 1.6 FormationViolation);
/// a CALL with the wrong element count → same codes with its id; a payload that is not an object →
/// FormatViolation/FormationViolation; an unknown message type number → 2.x MessageTypeNotSupported, 1.6
/// ignored (1.6 §4.1.3); an action the version lacks → NotImplemented ("not known by the receiver"); one the
/// sender's role never sends, or one without a handler → NotSupported ("recognised but not supported");
/// a schema violation → the code of the first violation, naming its JSON path;
/// a handler throwing → InternalError (or the code of an <see cref="OcppCallErrorException"/>); a CALL
/// while the sender's previous CALL is unanswered, or reusing a recent id → 2.x RpcFrameworkError, 1.6
/// GenericError (see <see cref="OcppRpcOptions"/>). Responses are never answered, except that 2.1 reports an
/// invalid CALLRESULT with CALLRESULTERROR; SEND is never answered. Answers to unknown, timed-out or
/// cancelled calls are reported through <see cref="Frame"/> with a note and otherwise ignored.
/// </para>
/// </remarks>
public sealed partial class OcppRpcPeer : IAsyncDisposable
{
    private readonly IOcppChannel _channel;
    private readonly IOcppActionTable _table;
    private readonly OcppRpcOptions _options;
    private readonly TimeProvider _time;
    private readonly JsonSerializerOptions _json;
    private readonly OcppHandlerRegistry _handlers = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly FifoGate _callSlot = new();
    private readonly Lock _lock = new();
    private readonly MessageIdSource _ids = new();
    private readonly PayloadBinder _binder;
    private readonly RecentIds _abandonedIds = new(64);
    private readonly InboundRules _inbound;
    private readonly CancellationTokenSource _lifetime = new();
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(2);
    private readonly TaskCompletionSource _receiveEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private PendingCall? _pending;
    private Exception? _closedError;
    private int _runStarted;
    private Lazy<Task>? _disposal;

    /// <summary>Creates a peer over <paramref name="channel"/> speaking the version of <paramref name="table"/>.</summary>
    /// <param name="channel">The text pipe; the peer disposes it.</param>
    /// <param name="table">The actions and message types of the connection's version.</param>
    /// <param name="role">Which end we play; decides which actions we may send and answer.</param>
    /// <param name="stationId">The charging station's identity (the last URL path segment).</param>
    /// <param name="options">Timeouts and validation.</param>
    /// <param name="timeProvider">Clock for timeouts, latencies and frame timestamps.</param>
    public OcppRpcPeer(IOcppChannel channel, IOcppActionTable table, OcppRole role, string stationId, OcppRpcOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(stationId);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _channel = channel;
        _table = table;
        _options = options;
        _time = timeProvider;
        Role = role;
        StationId = stationId;
        _inbound = new InboundRules(table, options);
        _binder = BindPayload;

        // A source-generated context carries its own options (naming, null handling); use them so the wire
        // format is the one the context was generated for.
        _json = table.TypeInfoResolver is JsonSerializerContext context
            ? context.Options
            : new JsonSerializerOptions { TypeInfoResolver = table.TypeInfoResolver };
    }

    /// <summary>
    /// Raised for every frame received and sent, on the thread that handled it: the receive loop and
    /// senders may raise it concurrently, so subscribers must be thread-safe and quick. An exception
    /// thrown by a subscriber propagates to the operation that raised it (a throw on a received frame
    /// ends <see cref="RunAsync"/>).
    /// </summary>
    public event Action<OcppFrameEvent>? Frame;

    /// <summary>
    /// Raised when a CALL of ours ends without an answer: its <see cref="OcppRpcOptions.CallTimeout"/> ran out, or the
    /// connection closed while it waited (not for a CALL its caller cancelled). A late answer is still reported through
    /// <see cref="Frame"/> with a note. Load runs count these; subscribers must be thread-safe and quick.
    /// </summary>
    public event Action<OcppUnansweredCall>? CallUnanswered;

    /// <summary>The charging station's identity.</summary>
    public string StationId { get; }

    /// <summary>The OCPP version of the connection.</summary>
    public OcppVersion Version => _table.Version;

    /// <summary>Which end we play.</summary>
    public OcppRole Role { get; }

    /// <summary>The role of the other end.</summary>
    public OcppRole PeerRole => Role == OcppRole.ChargingStation ? OcppRole.Csms : OcppRole.ChargingStation;

    /// <summary>The action table of the connection's version.</summary>
    public IOcppActionTable Table => _table;

    /// <summary>The options the peer was created with.</summary>
    public OcppRpcOptions Options => _options;

    /// <summary>Why the connection ended, once it has; otherwise <see langword="null"/>.</summary>
    public Exception? ClosedReason => Volatile.Read(ref _closedError);

    /// <summary>True once the receive loop ended or the peer was disposed.</summary>
    public bool IsClosed => ClosedReason is not null;

    /// <summary>Whether a CALL of ours is on the wire and not answered yet.</summary>
    public bool HasCallInFlight
    {
        get
        {
            lock (_lock)
            {
                return _pending is not null;
            }
        }
    }

    /// <summary>Registers the handler for the action whose request type is <typeparamref name="TRequest"/>.</summary>
    /// <exception cref="ArgumentException">The table has no such action, the response type differs, or the peer never sends it to us.</exception>
    public void On<TRequest, TResponse>(Func<TRequest, CancellationToken, ValueTask<TResponse>> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var action = ActionFor(typeof(TRequest));
        if (action.ResponseType != typeof(TResponse))
        {
            throw new ArgumentException($"{action.Name} is answered with {action.ResponseType.Name}, not {typeof(TResponse).Name}", nameof(handler));
        }

        EnsureReceivable(action);

        // Resolved on the first CALL of the action, not here: a station registers a dozen handlers before its
        // BootNotification, and building their serializer metadata up front cost ~140 ms CPU of start-up.
        _handlers.SetCall(action.Name, new CallHandler<TRequest, TResponse>(handler, _json));
    }

    /// <summary>Registers an untyped handler for <paramref name="action"/>: payload in, response payload out.</summary>
    public void OnRaw(string action, Func<JsonElement, CancellationToken, ValueTask<JsonElement>> handler)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(handler);
        _handlers.SetCall(action, new RawCallHandler(handler));
    }

    /// <summary>OCPP 2.1: registers the handler for SEND messages whose request type is <typeparamref name="TRequest"/>.</summary>
    public void OnSend<TRequest>(Func<TRequest, CancellationToken, ValueTask> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var action = ActionFor(typeof(TRequest));
        EnsureReceivable(action);
        var json = _json;
        _handlers.SetSend(action.Name, new SendHandler(frame => frame.ReadPayload(PayloadTypes.Of<TRequest>(json)), (request, ct) => handler((TRequest)request!, ct), () => PayloadTypes.Of<TRequest>(json)));
    }

    /// <summary>OCPP 2.1: registers an untyped handler for SEND messages of <paramref name="action"/>.</summary>
    public void OnSendRaw(string action, Func<JsonElement, CancellationToken, ValueTask> handler)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(handler);
        _handlers.SetSend(action, new SendHandler(frame => frame.ParsePayload(), (request, ct) => handler((JsonElement)request!, ct), null));
    }

    /// <summary>Sends a CALL and waits for its CALLRESULT.</summary>
    /// <exception cref="OcppCallErrorException">The peer answered with a CALLERROR, or its CALLRESULT was invalid.</exception>
    /// <exception cref="OcppCallTimeoutException">No answer within <see cref="OcppRpcOptions.CallTimeout"/>.</exception>
    /// <exception cref="OcppSchemaViolationException">The request is invalid (only with <see cref="OcppRpcOptions.ValidateOutbound"/>).</exception>
    /// <exception cref="OcppConnectionClosedException">The connection closed before the answer arrived.</exception>
    public Task<TResponse> CallAsync<TRequest, TResponse>(TRequest request, CancellationToken ct = default) =>
        CallAsync<TRequest, TResponse>(request, null, ct);

    /// <summary>
    /// As <see cref="CallAsync{TRequest, TResponse}(TRequest, CancellationToken)"/>, with <paramref name="onAnswer"/> run on
    /// the receive path as soon as the CALLRESULT is read, before any later frame is handled: what the answer changes (a
    /// station's registration and heartbeat interval after BootNotification) holds for the CALL the peer sends next,
    /// as on a station that handles its messages one at a time. <paramref name="onAnswer"/> must be quick and not throw;
    /// an exception fails the call as an unreadable answer.
    /// </summary>
    public async Task<TResponse> CallAsync<TRequest, TResponse>(TRequest request, Action<TResponse>? onAnswer, CancellationToken ct = default)
    {
        var action = ActionFor(typeof(TRequest));
        if (action.ResponseType != typeof(TResponse))
        {
            throw new ArgumentException($"{action.Name} is answered with {action.ResponseType.Name}, not {typeof(TResponse).Name}", nameof(request));
        }

        // The id is drawn before the call slot is free, so the frame (and its validation) is built only once.
        var id = _ids.Next();
        var frame = FrameWriter.Request(OcppMessageType.Call, id, action.Name, request, PayloadTypeOf<TRequest>(), OutboundCheck(action.Name));
        var responseType = PayloadTypeOf<TResponse>();
        var result = await CallCoreAsync(
            action.Name,
            id,
            frame,
            answer =>
            {
                var response = (TResponse)answer.ReadPayload(responseType)!;
                onAnswer?.Invoke(response);
                return response;
            },
            responseType,
            ct).ConfigureAwait(false);
        return (TResponse)result!;
    }

    /// <summary>Sends a CALL with an untyped payload and returns the CALLRESULT payload. Still validated unless <see cref="OcppRpcOptions.ValidateOutbound"/> is off.</summary>
    public Task<JsonElement> CallRawAsync(string action, JsonElement payload, CancellationToken ct = default) =>
        CallRawAsync(action, payload, null, ct);

    /// <summary>
    /// As <see cref="CallRawAsync(string, JsonElement, CancellationToken)"/> with the CALL's message id chosen by the caller
    /// (null: a fresh one). A message resent after a lost connection keeps its first id, so the receiver can tell the
    /// duplicate (OCPP-J §4.1.1: the id identifies the message, not the transmission).
    /// </summary>
    public async Task<JsonElement> CallRawAsync(string action, JsonElement payload, string? messageId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        // The element's own JSON text, not a copy written out again (the transaction queue's messages are elements).
        var bytes = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(payload);
        CheckOutbound(action, PayloadKind.Request, bytes);
        var id = messageId ?? _ids.Next();
        var frame = FrameWriter.Request(OcppMessageType.Call, id, action, bytes);
        var result = await CallCoreAsync(action, id, frame, answer => answer.ParsePayload(), null, ct).ConfigureAwait(false);
        return (JsonElement)result!;
    }

    /// <summary>Puts <paramref name="frameText"/> on the wire as is (negative tests). Answers to it are reported as frames only.</summary>
    public async Task SendRawTextAsync(string frameText, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(frameText);
        ThrowIfClosed();
        OcppFrameEvent frameEvent;
        using (var parsed = InboundFrame.Parse(frameText, Version))
        {
            frameEvent = Event(FrameDirection.Outbound, frameText, parsed.Type, parsed.MessageId, parsed.Action) with
            {
                ErrorCode = parsed.ErrorCode,
                Note = parsed.Problem == FrameProblem.None ? "raw frame" : $"raw frame: {parsed.ProblemText}",
            };
        }

        await SendFrameAsync(frameText, frameEvent, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Completes with the first frame, in or out, that matches <paramref name="match"/> from now on. Create
    /// the task before <see cref="SendRawTextAsync"/> to catch the answer to a raw frame.
    /// </summary>
    public Task<OcppFrameEvent> WaitForFrameAsync(Func<OcppFrameEvent, bool> match, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(match);
        var found = new TaskCompletionSource<OcppFrameEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        Action<OcppFrameEvent>? listener = null;
        listener = frameEvent =>
        {
            if (match(frameEvent) && found.TrySetResult(frameEvent))
            {
                Frame -= listener;
            }
        };
        Frame += listener;
        var registration = ct.Register(() =>
        {
            Frame -= listener;
            found.TrySetCanceled(ct);
        });
        _ = found.Task.ContinueWith(_ => registration.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return found.Task;
    }

    /// <summary>OCPP 2.1: sends a SEND message <c>[6,id,action,payload]</c>, which is never answered.</summary>
    /// <exception cref="InvalidOperationException">The connection is OCPP 1.6 or 2.0.1.</exception>
    public async Task SendAsync<TRequest>(TRequest request, CancellationToken ct = default)
    {
        if (Version != OcppVersion.V21)
        {
            throw new InvalidOperationException($"SEND messages exist only in OCPP 2.1; this connection is OCPP {Version.DisplayName()}");
        }

        var action = ActionFor(typeof(TRequest));
        var id = _ids.Next();
        var frame = FrameWriter.Request(OcppMessageType.Send, id, action.Name, request, PayloadTypeOf<TRequest>(), OutboundCheck(action.Name));
        ThrowIfClosed();
        await SendFrameAsync(frame, Event(FrameDirection.Outbound, frame, OcppMessageType.Send, id, action.Name), ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Receives and dispatches frames until the channel closes (then completes normally) or
    /// <paramref name="ct"/> is cancelled. Either way, pending and queued calls then fail with
    /// <see cref="OcppConnectionClosedException"/>. Call once.
    /// </summary>
    public async Task RunAsync(CancellationToken ct)
    {
        if (Interlocked.Exchange(ref _runStarted, 1) != 0)
        {
            throw new InvalidOperationException("RunAsync is already running or has run on this peer");
        }

        Exception reason = new OcppConnectionClosedException($"OCPP connection of {StationId} closed");
        try
        {
            while (true)
            {
                string? text;
                try
                {
                    text = await _channel.ReceiveAsync(ct).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    reason = new OcppConnectionClosedException($"OCPP connection of {StationId} stopped by the caller");
                    throw;
                }
                catch (Exception ex)
                {
                    // Includes the OperationCanceledException a WebSocket throws when it is aborted under a receive.
                    reason = new OcppConnectionClosedException($"OCPP connection of {StationId} lost: {ex.Message}", ex);
                    return;
                }

                if (text is null)
                {
                    reason = new OcppConnectionClosedException($"OCPP connection of {StationId} closed by the peer");
                    return;
                }

                await ProcessAsync(text, ct).ConfigureAwait(false);
            }
        }
        finally
        {
            Shutdown(reason);
            _receiveEnded.TrySetResult();
        }
    }

    /// <summary>
    /// Starts a clean close (a WebSocket close frame) and waits until the receive loop has read the peer's
    /// reply; <see cref="RunAsync"/> then completes and outstanding calls fail with <see cref="OcppConnectionClosedException"/>.
    /// </summary>
    public async Task CloseAsync(CancellationToken ct = default)
    {
        await _channel.CloseAsync(ct).ConfigureAwait(false);
        if (Volatile.Read(ref _runStarted) != 0)
        {
            await _receiveEnded.Task.WaitAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>Fails outstanding calls, closes the channel cleanly (waiting at most 2 s for the peer) and disposes it.</summary>
    /// <remarks>Concurrent callers all wait for the one disposal, so none returns while the socket is still in use.</remarks>
    public ValueTask DisposeAsync()
    {
        var disposal = new Lazy<Task>(DisposeCoreAsync);
        var winner = Interlocked.CompareExchange(ref _disposal, disposal, null) ?? disposal;
        return new ValueTask(winner.Value);
    }

    private async Task DisposeCoreAsync()
    {
        Shutdown(new OcppConnectionClosedException($"OCPP connection of {StationId} disposed"));
        try
        {
            // Real time on purpose: this bounds socket I/O with a possibly dead peer, and a simulated clock
            // that stands still (or leaps) must neither hang disposal nor cut the handshake short.
            using var closeTimeout = new CancellationTokenSource(CloseTimeout);
            await CloseAsync(closeTimeout.Token).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The peer may already be gone; disposal below releases the socket regardless.
        }

        await _channel.DisposeAsync().ConfigureAwait(false);
        _lifetime.Dispose();
    }

    private async Task<object?> CallCoreAsync(string action, string id, string frame, Func<InboundFrame, object?> complete, PayloadType? responseType, CancellationToken ct)
    {
        ThrowIfClosed();
        await _callSlot.WaitAsync(ct).ConfigureAwait(false);
        PendingCall? pending = null;
        ITimer? timer = null;
        try
        {
            ThrowIfClosed();
            pending = new PendingCall(id, action, complete, responseType, _time.GetTimestamp());
            lock (_lock)
            {
                _pending = pending;
            }

            await SendFrameAsync(frame, Event(FrameDirection.Outbound, frame, OcppMessageType.Call, id, action), ct).ConfigureAwait(false);
            timer = _time.CreateTimer(static state => ((PendingTimeout)state!).Fire(), new PendingTimeout(this, pending), _options.CallTimeout, Timeout.InfiniteTimeSpan);
            await using var registration = ct.Register(
                static state =>
                {
                    var (peer, call, token) = ((OcppRpcPeer, PendingCall, CancellationToken))state!;
                    if (peer.Abandon(call))
                    {
                        call.Completion.TrySetCanceled(token);
                    }
                },
                (this, pending, ct)).ConfigureAwait(false);
            return await pending.Completion.Task.ConfigureAwait(false);
        }
        finally
        {
            if (pending is not null)
            {
                Abandon(pending);
            }

            if (timer is not null)
            {
                await timer.DisposeAsync().ConfigureAwait(false);
            }

            _callSlot.Release();
        }
    }

    /// <summary>Frees the call slot from <paramref name="call"/> unless an answer already claimed it; true when it did.</summary>
    private bool Abandon(PendingCall call)
    {
        lock (_lock)
        {
            if (call.Answered || call.Abandoned)
            {
                return false;
            }

            call.Abandoned = true;
            _abandonedIds.Add(call.Id);
            if (ReferenceEquals(_pending, call))
            {
                _pending = null;
            }

            return true;
        }
    }

    /// <summary>Claims the pending call answered by <paramref name="messageId"/>, if it is still waiting.</summary>
    private PendingCall? Claim(string messageId)
    {
        lock (_lock)
        {
            var call = _pending;
            if (call is null || call.Id != messageId || call.Abandoned)
            {
                return null;
            }

            call.Answered = true;
            _pending = null;
            return call;
        }
    }

    private bool WasAbandoned(string messageId)
    {
        lock (_lock)
        {
            return _abandonedIds.Contains(messageId);
        }
    }

    private void Shutdown(Exception reason)
    {
        if (Interlocked.CompareExchange(ref _closedError, reason, null) is not null)
        {
            return;
        }

        _callSlot.Close(reason);
        PendingCall? pending;
        lock (_lock)
        {
            pending = _pending;
            _pending = null;
            if (pending is not null)
            {
                pending.Answered = true;
            }
        }

        if (pending is not null)
        {
            CallUnanswered?.Invoke(new OcppUnansweredCall(pending.Action, pending.Id, TimedOut: false));
            pending.Completion.TrySetException(reason);
        }

        try
        {
            _lifetime.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Disposed concurrently: handlers were cancelled already.
        }
    }

    private async ValueTask SendFrameAsync(string frame, OcppFrameEvent frameEvent, CancellationToken ct)
    {
        await _sendLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            // Raised before the bytes leave so the CALL is always reported before its answer.
            Frame?.Invoke(frameEvent);
            try
            {
                // The caller's token bounds the wait for the send slot, not the write: .NET aborts a WebSocket whose send
                // is cancelled mid-frame, and an aborted socket cannot send the close frame of a clean disconnect (a
                // stopping station cancels its session's calls, then closes). A write to a peer that reads nothing ends
                // when disposal aborts the socket after its close timeout.
                await _channel.SendAsync(frame, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                // One exception type for "the connection is gone", whatever the socket threw.
                throw new OcppConnectionClosedException($"OCPP connection of {StationId} cannot send: {ex.Message}", ex);
            }
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>The request check for <see cref="FrameWriter.Request(OcppMessageType, string, string, object?, PayloadType, FrameWriter.PayloadCheck?)"/>; null when outbound validation is off.</summary>
    private FrameWriter.PayloadCheck? OutboundCheck(string action) =>
        _options.ValidateOutbound ? payload => CheckOutbound(action, PayloadKind.Request, payload) : null;

    private void CheckOutbound(string action, PayloadKind kind, ReadOnlySpan<byte> payload)
    {
        if (!_options.ValidateOutbound)
        {
            return;
        }

        if (kind == PayloadKind.Request)
        {
            if (!_table.TryGet(action, out var definition))
            {
                throw new OcppSchemaViolationException(action, kind, [new SchemaViolation("$", SchemaViolationKind.UnknownAction, $"OCPP {Version.DisplayName()} defines no action {action}")]);
            }

            if (!definition.CanBeSentBy(Role))
            {
                throw new OcppSchemaViolationException(action, kind, [new SchemaViolation("$", SchemaViolationKind.UnknownAction, $"{action} is never sent by the {RoleName(Role)}")]);
            }
        }

        var violations = Validate(action, kind, payload);
        if (violations.Count > 0)
        {
            throw new OcppSchemaViolationException(action, kind, violations);
        }
    }

    private IReadOnlyList<SchemaViolation> Validate(string action, PayloadKind kind, ReadOnlySpan<byte> payload) =>
        _options.Validator is { } validator ? validator.Validate(Version, action, kind, payload) : [];

    private OcppAction ActionFor(Type requestType) =>
        _table.TryGetByRequestType(requestType, out var action)
            ? action
            : throw new ArgumentException($"OCPP {Version.DisplayName()} has no action with request type {requestType.Name}", nameof(requestType));

    private void EnsureReceivable(OcppAction action)
    {
        if (!action.CanBeSentBy(PeerRole))
        {
            throw new ArgumentException($"{action.Name} is never sent by the {RoleName(PeerRole)}, so a {RoleName(Role)} cannot handle it", nameof(action));
        }
    }

    /// <summary>One <see cref="PayloadType"/> per type and serializer options, shared by the peers, so a CALL's answer does not build a reader each time.</summary>
    private PayloadType PayloadTypeOf<T>() => PayloadTypes.Of<T>(_json);

    private void ThrowIfClosed()
    {
        if (ClosedReason is { } reason)
        {
            throw new OcppConnectionClosedException(reason.Message, reason);
        }
    }

    private OcppFrameEvent Event(FrameDirection direction, string raw, OcppMessageType? type, string? id, string? action) =>
        new(direction, _time.GetUtcNow(), raw, type, id, action, [], null, null);

    internal static string RoleName(OcppRole role) => role == OcppRole.Csms ? "CSMS" : "charging station";

    /// <summary>
    /// The type a payload will be read as, known from the frame's header while it is being read, so
    /// <see cref="InboundFrame.Parse"/> can deserialise the payload in its one pass over the bytes.
    /// </summary>
    private PayloadType? BindPayload(OcppMessageType type, string key)
    {
        if (type is OcppMessageType.Call or OcppMessageType.Send)
        {
            return _handlers.RequestTypeOf(type, key);
        }

        lock (_lock)
        {
            return _pending is { } call && string.Equals(call.Id, key, StringComparison.Ordinal) ? call.ResponseType : null;
        }
    }

    private sealed class PendingCall(string id, string action, Func<InboundFrame, object?> complete, PayloadType? responseType, long startTimestamp)
    {
        /// <summary>The type the CALLRESULT payload is read as, or null for a raw call.</summary>
        public PayloadType? ResponseType { get; } = responseType;

        public string Id { get; } = id;

        public string Action { get; } = action;

        public Func<InboundFrame, object?> Complete { get; } = complete;

        public long StartTimestamp { get; } = startTimestamp;

        public TaskCompletionSource<object?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Claimed by an answer (guarded by the peer's lock).</summary>
        public bool Answered { get; set; }

        /// <summary>Timed out or cancelled (guarded by the peer's lock).</summary>
        public bool Abandoned { get; set; }
    }

    private sealed class PendingTimeout(OcppRpcPeer peer, PendingCall call)
    {
        public void Fire()
        {
            if (peer.Abandon(call))
            {
                peer.CallUnanswered?.Invoke(new OcppUnansweredCall(call.Action, call.Id, TimedOut: true));
                call.Completion.TrySetException(new OcppCallTimeoutException(call.Action, call.Id, peer._options.CallTimeout));
            }
        }
    }
}
