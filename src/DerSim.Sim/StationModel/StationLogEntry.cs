using DerSim.Ocpp.Rpc;

namespace DerSim.Sim.StationModel;

/// <summary>
/// One line of a station log. A frame's line keeps the frame's own strings (direction, type, action, id) and is
/// formatted only when the log is read, so logging every frame allocates no text on the hot path.
/// </summary>
public sealed class StationLogEntry
{
    /// <summary>A line of text.</summary>
    /// <param name="at">When it happened, on the station's clock.</param>
    /// <param name="kind">The log it belongs to.</param>
    /// <param name="text">What happened, e.g. <c>StartupOfTheDevice</c>.</param>
    public StationLogEntry(DateTimeOffset at, StationLogKind kind, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Content = new Line(at, kind, text, null, null, null, false);
    }

    internal StationLogEntry(in Line content) => Content = content;

    /// <summary>When it happened, on the station's clock.</summary>
    public DateTimeOffset At => Content.At;

    /// <summary>The log it belongs to.</summary>
    public StationLogKind Kind => Content.Kind;

    /// <summary>What happened, e.g. <c>sent Call BootNotification 1a2b</c> or <c>StartupOfTheDevice</c>.</summary>
    public string Text => Content.Text ?? string.Join(' ', new[] { Content.Sent ? "sent" : "received", Content.MessageType?.ToString(), Content.Action, Content.MessageId }.Where(p => !string.IsNullOrEmpty(p)));

    /// <summary>What the log book stores for this line.</summary>
    internal Line Content { get; }

    /// <summary>
    /// A line as the log book keeps it: a text line, or a frame's parts (formatted when read), in 32 bytes (a station
    /// of a load run keeps 32 of them per log for hours).
    /// </summary>
    internal readonly struct Line
    {
        private const byte SentFlag = 1;
        private const byte TextFlag = 2;

        private readonly long _ticks;
        private readonly string? _textOrAction;
        private readonly string? _messageId;
        private readonly short _offsetMinutes;
        private readonly byte _kind;
        private readonly byte _messageType;
        private readonly byte _flags;

        public Line(DateTimeOffset at, StationLogKind kind, string? text, OcppMessageType? messageType, string? action, string? messageId, bool sent)
        {
            _ticks = at.Ticks;
            _offsetMinutes = (short)at.Offset.TotalMinutes;
            _kind = (byte)kind;
            _messageType = messageType is { } type ? (byte)type : (byte)0;
            _textOrAction = text ?? action;
            _messageId = messageId;
            _flags = (byte)((sent ? SentFlag : 0) | (text is not null ? TextFlag : 0));
        }

        public DateTimeOffset At => new(_ticks, TimeSpan.FromMinutes(_offsetMinutes));

        public StationLogKind Kind => (StationLogKind)_kind;

        public string? Text => (_flags & TextFlag) != 0 ? _textOrAction : null;

        public OcppMessageType? MessageType => _messageType == 0 ? null : (OcppMessageType)_messageType;

        public string? Action => (_flags & TextFlag) != 0 ? null : _textOrAction;

        public string? MessageId => _messageId;

        public bool Sent => (_flags & SentFlag) != 0;
    }
}
