using DerSim.Ocpp.Rpc;

namespace DerSim.Sim.StationModel;

/// <summary>
/// One line of a station log. A frame's line keeps the frame's own strings (direction, type, action, id) and is
/// formatted only when the log is read, so logging every frame allocates no text on the hot path.
/// </summary>
public sealed class StationLogEntry
{
    private readonly string? _text;
    private readonly OcppMessageType? _messageType;
    private readonly string? _action;
    private readonly string? _messageId;
    private readonly bool _sent;

    /// <summary>A line of text.</summary>
    /// <param name="at">When it happened, on the station's clock.</param>
    /// <param name="kind">The log it belongs to.</param>
    /// <param name="text">What happened, e.g. <c>StartupOfTheDevice</c>.</param>
    public StationLogEntry(DateTimeOffset at, StationLogKind kind, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        At = at;
        Kind = kind;
        _text = text;
    }

    private StationLogEntry(DateTimeOffset at, bool sent, OcppMessageType? messageType, string? action, string? messageId)
    {
        At = at;
        Kind = StationLogKind.Diagnostics;
        _sent = sent;
        _messageType = messageType;
        _action = action;
        _messageId = messageId;
    }

    /// <summary>When it happened, on the station's clock.</summary>
    public DateTimeOffset At { get; }

    /// <summary>The log it belongs to.</summary>
    public StationLogKind Kind { get; }

    /// <summary>What happened, e.g. <c>sent Call BootNotification 1a2b</c> or <c>StartupOfTheDevice</c>.</summary>
    public string Text => _text ?? string.Join(' ', new[] { _sent ? "sent" : "received", _messageType?.ToString(), _action, _messageId }.Where(p => !string.IsNullOrEmpty(p)));

    /// <summary>The diagnostics line of a frame the station sent or received.</summary>
    public static StationLogEntry Frame(DateTimeOffset at, bool sent, OcppMessageType? messageType, string? action, string? messageId) =>
        new(at, sent, messageType, action, messageId);
}
