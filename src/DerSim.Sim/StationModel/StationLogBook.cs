using System.Globalization;
using System.Text;

namespace DerSim.Sim.StationModel;

/// <summary>
/// The logs the station keeps while it runs (its diagnostics and security logs), bounded to the newest entries, and the
/// one log upload it may have going (2.0.1 N01: a new GetLog cancels the running one).
/// </summary>
public sealed class StationLogBook
{
    /// <summary>
    /// The most entries kept per log by default; older ones are dropped. Every frame adds a diagnostics line, so this
    /// bounds each station's memory: a frame's entry (formatted only when read) is ~64 bytes plus its message id
    /// (~100 bytes for a GUID), so 256 lines hold ~40 KB once full; 2000 formatted lines held ~300 KB.
    /// </summary>
    public const int Capacity = 256;

    /// <summary>
    /// The default in a load run (<c>./sim --stations N</c>): 256 lines were ~40 KB of each station's memory after ten
    /// minutes, the lion's share of a station; 32 lines still hold the last minute or so of traffic.
    /// </summary>
    public const int LoadRunCapacity = 32;

    /// <summary>The most entries kept in each log (<c>--log_lines</c>), at least 1. The default value is <see cref="Capacity"/>.</summary>
    public int LinesKept
    {
        get;
        set => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "a log keeps at least one line");
    } = Capacity;

    private readonly Lock _gate = new();
    private readonly LineRing _diagnostics = new();
    private readonly LineRing _security = new();
    private (int RequestId, CancellationTokenSource Cancel)? _upload;

    /// <summary>Adds a line to a log.</summary>
    public void Record(DateTimeOffset at, StationLogKind kind, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        lock (_gate)
        {
            (kind == StationLogKind.Security ? _security : _diagnostics).Add(new StationLogEntry.Line(at, kind, text, null, null, null, false), LinesKept);
        }
    }

    /// <summary>
    /// Adds the diagnostics line of a frame the station sent or received. Every frame is a line, so this allocates
    /// nothing: the line is a slot of a ring made once, holding the frame's own strings. An object per line lived as long
    /// as the line (a minute or more) and died old, which made thousands of stations' GC keep a large old generation.
    /// </summary>
    public void RecordFrame(DateTimeOffset at, bool sent, Ocpp.Rpc.OcppMessageType? messageType, string? action, string? messageId)
    {
        lock (_gate)
        {
            // An answer carries its CALL's id as a string of its own: keep the CALL's line's string, so the answer's
            // dies young with its frame instead of living as long as the line.
            _diagnostics.Add(new StationLogEntry.Line(at, StationLogKind.Diagnostics, null, messageType, action, _diagnostics.RecentId(messageId), sent), LinesKept);
        }
    }

    /// <summary>The entries of a log between <paramref name="oldest"/> and <paramref name="latest"/> (either open), oldest first.</summary>
    public IReadOnlyList<StationLogEntry> Entries(StationLogKind kind, DateTimeOffset? oldest = null, DateTimeOffset? latest = null)
    {
        lock (_gate)
        {
            var log = kind == StationLogKind.Security ? _security : _diagnostics;
            var entries = new List<StationLogEntry>(log.Count);
            for (var i = 0; i < log.Count; i++)
            {
                var line = log[i];
                if ((oldest is null || line.At >= oldest) && (latest is null || line.At <= latest))
                {
                    entries.Add(new StationLogEntry(line));
                }
            }

            return entries;
        }
    }

    /// <summary>The entries as the uploaded file holds them: one line each, UTC timestamp, a tab, the text.</summary>
    public static byte[] FileOf(IEnumerable<StationLogEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var text = new StringBuilder();
        foreach (var entry in entries)
        {
            text.Append(entry.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)).Append('\t').Append(entry.Text).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>
    /// Makes the upload of <paramref name="requestId"/> the running one; the request id of the one it replaces (whose
    /// token is cancelled), or null when none was running.
    /// </summary>
    public int? BeginUpload(int requestId, CancellationTokenSource cancel)
    {
        lock (_gate)
        {
            var previous = _upload;
            _upload = (requestId, cancel);
            if (previous is { } running)
            {
                running.Cancel.Cancel();
                return running.RequestId;
            }

            return null;
        }
    }

    /// <summary>Whether an upload is running.</summary>
    public bool Uploading
    {
        get
        {
            lock (_gate)
            {
                return _upload is not null;
            }
        }
    }

    /// <summary>Ends the upload of <paramref name="cancel"/> if it is still the running one.</summary>
    public void EndUpload(CancellationTokenSource cancel)
    {
        lock (_gate)
        {
            if (_upload is { } running && ReferenceEquals(running.Cancel, cancel))
            {
                _upload = null;
            }
        }
    }

    /// <summary>The newest lines of one log, oldest first: an array that grows to the lines kept, then is written round.</summary>
    private sealed class LineRing
    {
        private StationLogEntry.Line[] _lines = [];
        private int _first;

        public int Count { get; private set; }

        public StationLogEntry.Line this[int index] => _lines[(_first + index) % _lines.Length];

        /// <summary><paramref name="id"/>, or the equal string one of the last few lines holds.</summary>
        public string? RecentId(string? id)
        {
            for (var i = Count - 1; id is not null && i >= Math.Max(0, Count - 4); i--)
            {
                if (this[i].MessageId is { } held && string.Equals(held, id, StringComparison.Ordinal))
                {
                    return held;
                }
            }

            return id;
        }

        public void Add(in StationLogEntry.Line line, int kept)
        {
            if (_lines.Length != kept && (Count == _lines.Length || _lines.Length > kept))
            {
                Resize(kept);
            }

            if (Count < _lines.Length)
            {
                _lines[(_first + Count) % _lines.Length] = line;
                Count++;
                return;
            }

            _lines[_first] = line;
            _first = (_first + 1) % _lines.Length;
        }

        /// <summary>Grows the array (doubling, up to <paramref name="kept"/>) or, when fewer lines are kept now, keeps the newest.</summary>
        private void Resize(int kept)
        {
            var size = _lines.Length > kept ? kept : Math.Min(kept, Math.Max(8, _lines.Length * 2));
            var lines = new StationLogEntry.Line[size];
            var keep = Math.Min(Count, size);
            for (var i = 0; i < keep; i++)
            {
                lines[i] = this[Count - keep + i];
            }

            (_lines, _first, Count) = (lines, 0, keep);
        }
    }
}
