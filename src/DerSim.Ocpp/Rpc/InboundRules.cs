using DerSim.Ocpp.Validation;

namespace DerSim.Ocpp.Rpc;

/// <summary>
/// What a peer checks on a request it received, CALL or SEND, before any handler sees it: message-id uniqueness and the
/// one-outstanding-CALL rule (for CALLs), then that the action exists in the version, is sent by that side and matches
/// its schema. Each failure comes with the error code OCPP-J gives it. Thread-safe.
/// </summary>
internal sealed class InboundRules(IOcppActionTable table, OcppRpcOptions options)
{
    private readonly Lock _lock = new();
    private readonly RecentIds _seenIds = new(options.DuplicateIdWindow);
    private string? _inProgress;

    private OcppVersion Version => table.Version;

    /// <summary>The error code a broken protocol rule (duplicate id, concurrent CALL) is answered with in this version.</summary>
    public string ProtocolRuleCode => Version == OcppVersion.V16 ? RpcErrorCodes.GenericError : RpcErrorCodes.RpcFrameworkError;

    /// <summary>The one-outstanding-CALL rule and message-id uniqueness, seen from the receiver; null when the CALL may go on.</summary>
    public string? CheckCallOrder(string id)
    {
        lock (_lock)
        {
            if (options.RejectDuplicateMessageIds && (_seenIds.Contains(id) || id == _inProgress))
            {
                return $"message id {id} was already used by an earlier CALL";
            }

            _seenIds.Add(id);
            if (options.RejectConcurrentInboundCalls && _inProgress is not null)
            {
                return $"CALL {id} arrived while CALL {_inProgress} is still unanswered; only one CALL may be outstanding";
            }
        }

        return null;
    }

    /// <summary>The CALL <paramref name="id"/> was admitted and is being handled.</summary>
    public void Start(string id)
    {
        lock (_lock)
        {
            _inProgress = id;
        }
    }

    /// <summary>The CALL <paramref name="id"/> is answered (or its connection ended): the peer may send the next.</summary>
    public void End(string id)
    {
        lock (_lock)
        {
            if (_inProgress == id)
            {
                _inProgress = null;
            }
        }
    }

    /// <summary>
    /// Decides whether a request may be handled: the action must exist in this version (else NotImplemented, OCPP-J's
    /// "not known by the receiver"), be sent by <paramref name="sender"/> (else NotSupported: known, not supported that
    /// way), and match its schema (else the code of the first violation, naming its JSON path).
    /// </summary>
    public (string? Code, string? Description, IReadOnlyList<SchemaViolation> Violations) CheckRequest(string actionName, InboundFrame frame, OcppRole sender)
    {
        if (!table.TryGet(actionName, out var action))
        {
            return (RpcErrorCodes.NotImplemented, $"OCPP {Version.DisplayName()} defines no action {actionName}", []);
        }

        if (!action.CanBeSentBy(sender))
        {
            return (RpcErrorCodes.NotSupported, $"{actionName} is never sent by the {OcppRpcPeer.RoleName(sender)}", []);
        }

        if (!options.ValidateInbound || options.Validator is not { } validator)
        {
            return (null, null, []);
        }

        var violations = validator.Validate(Version, actionName, PayloadKind.Request, frame.Payload);
        if (violations.Count == 0)
        {
            return (null, null, violations);
        }

        var first = violations[0];
        return (RpcErrorCodes.ForViolation(Version, first.Kind), first.ToString(), violations);
    }
}
