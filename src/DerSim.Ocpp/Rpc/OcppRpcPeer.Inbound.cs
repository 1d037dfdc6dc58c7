using System.Text.Json;
using DerSim.Ocpp.Validation;

namespace DerSim.Ocpp.Rpc;

/// <summary>The receive side: reading frames, answering CALLs, completing our pending CALL.</summary>
public sealed partial class OcppRpcPeer
{
    /// <summary>Sent in place of a message id that could not be read (OCPP-J 1.6 §4.2.3 and 2.x Part 4 CALLERROR).</summary>
    public const string UnreadableMessageId = "-1";

    private async ValueTask ProcessAsync(string text, CancellationToken ct)
    {
        using var frame = InboundFrame.Parse(text, Version, _binder);
        switch (frame.Problem)
        {
            case FrameProblem.None:
                await DispatchAsync(frame, text, ct).ConfigureAwait(false);
                break;
            case FrameProblem.NotRpc:
                // Unparseable JSON, not an array, or no readable id: nobody can be correlated, so the answer
                // carries message id "-1". 2.x files this under RpcFrameworkError ("not a valid RPC request,
                // e.g. MessageId could not be read"); 1.6 has no such code and its FormationViolation covers
                // "not conform the PDU structure".
                Raise(Inbound(frame, text) with { Note = $"unreadable frame: {frame.ProblemText}" });
                await SendErrorAsync(OcppMessageType.CallError, UnreadableMessageId, RpcErrorCodes.RpcFramework(Version), frame.ProblemText!, null, null, ct).ConfigureAwait(false);
                break;
            case FrameProblem.UnknownType:
                await OnUnknownTypeAsync(frame, text, ct).ConfigureAwait(false);
                break;
            default:
                await OnMalformedAsync(frame, text, ct).ConfigureAwait(false);
                break;
        }
    }

    private async ValueTask DispatchAsync(InboundFrame frame, string text, CancellationToken ct)
    {
        switch (frame.Type)
        {
            case OcppMessageType.Call:
                await OnCallAsync(frame, text, ct).ConfigureAwait(false);
                break;
            case OcppMessageType.CallResult:
                await OnCallResultAsync(frame, text, ct).ConfigureAwait(false);
                break;
            case OcppMessageType.CallError:
                OnCallError(frame, text);
                break;
            case OcppMessageType.CallResultError:
                OnCallResultError(frame, text);
                break;
            default:
                OnSend(frame, text);
                break;
        }
    }

    private async ValueTask OnUnknownTypeAsync(InboundFrame frame, string text, CancellationToken ct)
    {
        if (Version == OcppVersion.V16)
        {
            // OCPP-J 1.6 §4.1.3: a message with a type number not in the list SHALL be ignored.
            Raise(Inbound(frame, text) with { Note = $"ignored: {frame.ProblemText}" });
            return;
        }

        // OCPP-J 2.x: MessageTypeNotSupported answers a type number the receiver does not support.
        Raise(Inbound(frame, text) with { Note = frame.ProblemText });
        await SendErrorAsync(OcppMessageType.CallError, frame.MessageId ?? UnreadableMessageId, RpcErrorCodes.MessageTypeNotSupported, frame.ProblemText!, null, null, ct).ConfigureAwait(false);
    }

    private async ValueTask OnMalformedAsync(InboundFrame frame, string text, CancellationToken ct)
    {
        var type = frame.Type ?? (OcppMessageType?)frame.TypeNumber;
        Raise(Inbound(frame, text) with { MessageType = type, Note = $"malformed frame: {frame.ProblemText}" });
        // MessageId is null when it was unreadable or longer than 36 characters: echoing an invalid id
        // would make our own frame invalid, so those are answered as unreadable.
        var id = frame.MessageId ?? UnreadableMessageId;
        switch (type)
        {
            case OcppMessageType.Call:
                var code = frame.Problem == FrameProblem.PayloadNotObject ? RpcErrorCodes.Format(Version) : RpcErrorCodes.RpcFramework(Version);
                await SendErrorAsync(OcppMessageType.CallError, id, code, frame.ProblemText!, frame.Action, null, ct).ConfigureAwait(false);
                break;
            case OcppMessageType.CallResult when frame.MessageId is not null:
                await RejectResultAsync(frame.MessageId, RpcErrorCodes.Format(Version), frame.ProblemText!, ct).ConfigureAwait(false);
                break;
            case OcppMessageType.CallError when frame.MessageId is not null && Claim(frame.MessageId) is { } call:
                var errorCode = frame.ErrorCode is null ? RpcErrorCodes.GenericError : RpcErrorCodes.Normalize(frame.ErrorCode, Version);
                call.Completion.TrySetException(new OcppCallErrorException(errorCode, frame.ErrorDescription ?? frame.ProblemText!, null, call.Action, call.Id) { WireErrorCode = frame.ErrorCode });
                break;
            default:
                // A malformed SEND, CALLRESULTERROR or uncorrelatable response is never answered.
                break;
        }
    }

    private async ValueTask OnCallAsync(InboundFrame frame, string text, CancellationToken ct)
    {
        var id = frame.MessageId!;
        var actionName = frame.Action!;
        var rejection = _inbound.CheckCallOrder(id);
        if (rejection is not null)
        {
            Raise(Inbound(frame, text) with { Note = rejection });
            await SendErrorAsync(OcppMessageType.CallError, id, _inbound.ProtocolRuleCode, rejection, actionName, null, ct).ConfigureAwait(false);
            return;
        }

        var (code, description, violations, handler, request) = Admit(frame, _handlers.Call, static h => h.Prepare, "no handler for");
        Raise(Inbound(frame, text) with { Violations = violations });
        if (code is not null)
        {
            await SendErrorAsync(OcppMessageType.CallError, id, code, description!, actionName, null, ct).ConfigureAwait(false);
            return;
        }

        _inbound.Start(id);
        _ = AnswerCallAsync(id, actionName, handler!, request);
    }

    /// <summary>
    /// What a CALL and a SEND go through on the way in, in one place: the request checks, the handler lookup and the
    /// typed read of the payload. A failure gives the error code and description; a CALL answers with them, a SEND
    /// (never answered) only reports them.
    /// </summary>
    private (string? Code, string? Description, IReadOnlyList<SchemaViolation> Violations, THandler? Handler, object? Request) Admit<THandler>(
        InboundFrame frame, Func<string, THandler?> handlerOf, Func<THandler, Func<InboundFrame, object?>> prepare, string noHandler)
        where THandler : class
    {
        var actionName = frame.Action!;
        var (code, description, violations) = _inbound.CheckRequest(actionName, frame, PeerRole);
        if (code is not null)
        {
            return (code, description, violations, null, null);
        }

        if (handlerOf(actionName) is not { } handler)
        {
            // OCPP-J (1.6 §4.2.3, 2.x §4.3): an action the receiver recognises but does not support → NotSupported.
            return (RpcErrorCodes.NotSupported, $"{noHandler} {actionName}", violations, null, null);
        }

        try
        {
            return (null, null, violations, handler, prepare(handler)(frame));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // With validation off (or a lenient validator) the typed read is the last line of defence.
            return (RpcErrorCodes.Format(Version), $"{actionName} payload cannot be read: {ex.Message}", violations, null, null);
        }
    }

    private async Task AnswerCallAsync(string id, string action, CallHandler handler, object? request)
    {
        // Off the receive loop: a handler may itself CALL the peer and needs the loop to get its answer.
        await Task.Yield();
        string frame;
        OcppFrameEvent frameEvent;
        try
        {
            var payload = await handler.Invoke(request, _lifetime.Token).ConfigureAwait(false);
            var violations = _options.ValidateOutbound ? Validate(action, PayloadKind.Response, payload) : [];
            if (violations.Count > 0)
            {
                var description = $"our {action} response is invalid: {violations[0]}";
                frame = FrameWriter.Error(OcppMessageType.CallError, id, RpcErrorCodes.InternalError, description, null);
                frameEvent = Event(FrameDirection.Outbound, frame, OcppMessageType.CallError, id, action) with { ErrorCode = RpcErrorCodes.InternalError, Violations = violations, Note = description };
            }
            else
            {
                frame = FrameWriter.Result(id, payload);
                frameEvent = Event(FrameDirection.Outbound, frame, OcppMessageType.CallResult, id, action);
            }
        }
        catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
        {
            _inbound.End(id);
            return;
        }
        catch (OcppCallErrorException ex)
        {
            var code = RpcErrorCodes.Normalize(ex.ErrorCode, Version);
            frame = FrameWriter.Error(OcppMessageType.CallError, id, code, ex.ErrorDescription, ex.ErrorDetails);
            frameEvent = Event(FrameDirection.Outbound, frame, OcppMessageType.CallError, id, action) with { ErrorCode = code };
        }
        catch (Exception ex)
        {
            frame = FrameWriter.Error(OcppMessageType.CallError, id, RpcErrorCodes.InternalError, $"{action} handler failed: {ex.Message}", null);
            frameEvent = Event(FrameDirection.Outbound, frame, OcppMessageType.CallError, id, action) with { ErrorCode = RpcErrorCodes.InternalError };
        }

        // Freed before the answer leaves: the peer may send its next CALL the moment it reads it.
        _inbound.End(id);
        await TrySendAsync(frame, frameEvent).ConfigureAwait(false);
    }

    private async ValueTask OnCallResultAsync(InboundFrame frame, string text, CancellationToken ct)
    {
        var id = frame.MessageId!;
        var call = Claim(id);
        if (call is null)
        {
            Raise(Inbound(frame, text) with { Note = AnswerNote(id) });
            return;
        }

        var latency = _time.GetElapsedTime(call.StartTimestamp);
        var violations = _options.ValidateInbound && _options.Validator is { } validator
            ? validator.Validate(Version, call.Action, PayloadKind.Response, frame.Payload)
            : [];
        var inbound = Inbound(frame, text) with { Action = call.Action, Latency = latency, Violations = violations };
        if (violations.Count > 0)
        {
            Raise(inbound);
            var code = RpcErrorCodes.ForViolation(Version, violations[0].Kind);
            await ReportInvalidResultAsync(call, code, violations[0].ToString(), ct).ConfigureAwait(false);
            return;
        }

        object? result;
        try
        {
            result = call.Complete(frame);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Raise(inbound with { Note = $"response cannot be read: {ex.Message}" });
            await ReportInvalidResultAsync(call, RpcErrorCodes.Format(Version), $"{call.Action} response cannot be read: {ex.Message}", ct).ConfigureAwait(false);
            return;
        }

        Raise(inbound);
        call.Completion.TrySetResult(result);
    }

    /// <summary>
    /// Fails our call because its CALLRESULT is unusable. OCPP 2.1 lets us tell the peer with a
    /// CALLRESULTERROR; 1.6 and 2.0.1 have no way to answer a response, so only our caller learns of it.
    /// </summary>
    private async ValueTask ReportInvalidResultAsync(PendingCall call, string code, string description, CancellationToken ct)
    {
        if (Version == OcppVersion.V21)
        {
            await SendErrorAsync(OcppMessageType.CallResultError, call.Id, code, description, call.Action, null, ct).ConfigureAwait(false);
        }

        call.Completion.TrySetException(new OcppCallErrorException(code, $"invalid CALLRESULT: {description}", null, call.Action, call.Id));
    }

    private async ValueTask RejectResultAsync(string id, string code, string description, CancellationToken ct)
    {
        if (Claim(id) is { } call)
        {
            await ReportInvalidResultAsync(call, code, description, ct).ConfigureAwait(false);
        }
    }

    private void OnCallError(InboundFrame frame, string text)
    {
        var id = frame.MessageId!;
        var call = Claim(id);
        if (call is null)
        {
            Raise(Inbound(frame, text) with { Note = AnswerNote(id) });
            return;
        }

        Raise(Inbound(frame, text) with { Action = call.Action, Latency = _time.GetElapsedTime(call.StartTimestamp), Note = CodeNote(frame.ErrorCode!) });
        call.Completion.TrySetException(new OcppCallErrorException(
            RpcErrorCodes.Normalize(frame.ErrorCode!, Version),
            frame.ErrorDescription!,
            frame.ParseErrorDetails(),
            call.Action,
            call.Id)
        { WireErrorCode = frame.ErrorCode });
    }

    /// <summary>
    /// OCPP 2.1: the peer reports that a CALLRESULT we sent was invalid. It refers to a CALL we already
    /// answered, so there is nothing to complete; it is reported as a frame. A peer that misuses it to
    /// answer our pending CALL still fails that call rather than leaving it to time out.
    /// </summary>
    private void OnCallResultError(InboundFrame frame, string text)
    {
        var id = frame.MessageId!;
        if (Claim(id) is { } call)
        {
            Raise(Inbound(frame, text) with { Action = call.Action, Latency = _time.GetElapsedTime(call.StartTimestamp), Note = "CALLRESULTERROR answering our pending CALL (CALLERROR expected)" });
            call.Completion.TrySetException(new OcppCallErrorException(RpcErrorCodes.Normalize(frame.ErrorCode!, Version), frame.ErrorDescription!, frame.ParseErrorDetails(), call.Action, call.Id) { WireErrorCode = frame.ErrorCode });
            return;
        }

        Raise(Inbound(frame, text) with { Note = $"peer rejected our CALLRESULT {id}" });
    }

    /// <summary>OCPP 2.1 SEND: handled like a CALL, but never answered, not even with an error.</summary>
    private void OnSend(InboundFrame frame, string text)
    {
        var (code, description, violations, handler, request) = Admit(frame, _handlers.Send, static h => h.Prepare, "no SEND handler for");
        Raise(Inbound(frame, text) with { Violations = violations, ErrorCode = code, Note = description is null ? null : $"not handled (SEND is never answered): {description}" });
        if (code is null)
        {
            _ = RunSendHandlerAsync(handler!, request);
        }
    }

    private async Task RunSendHandlerAsync(SendHandler handler, object? request)
    {
        await Task.Yield();
        try
        {
            await handler.Invoke(request, _lifetime.Token).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // A SEND has no answer to carry the failure; the handler owns its error reporting.
        }
    }

    private async ValueTask SendErrorAsync(OcppMessageType type, string id, string code, string description, string? action, JsonElement? details, CancellationToken ct)
    {
        var frame = FrameWriter.Error(type, id, code, description, details);
        var frameEvent = Event(FrameDirection.Outbound, frame, type, id, action) with { ErrorCode = code };
        try
        {
            await SendFrameAsync(frame, frameEvent, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The connection is going away; the receive loop will notice and end.
        }
    }

    private async ValueTask TrySendAsync(string frame, OcppFrameEvent frameEvent)
    {
        try
        {
            await SendFrameAsync(frame, frameEvent, _lifetime.Token).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Closed while the handler ran: there is no one left to answer.
        }
    }

    private string AnswerNote(string id) =>
        WasAbandoned(id) ? "late answer to a timed-out or cancelled CALL (ignored)" : "answer to unknown message id (ignored)";

    /// <summary>Flags a received code that is foreign to the version, or spelled the other version's way.</summary>
    private string? CodeNote(string code)
    {
        if (!RpcErrorCodes.IsDefined(code, Version))
        {
            return $"error code {code} is not defined by OCPP {Version.DisplayName()}";
        }

        return RpcErrorCodes.Misspelling(code, Version);
    }

    private OcppFrameEvent Inbound(InboundFrame frame, string text) =>
        Event(FrameDirection.Inbound, text, frame.Type, frame.MessageId, frame.Action) with { ErrorCode = frame.ErrorCode };

    private void Raise(OcppFrameEvent frameEvent) => Frame?.Invoke(frameEvent);
}
