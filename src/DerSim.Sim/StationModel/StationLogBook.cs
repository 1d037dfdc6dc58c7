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
    private readonly Queue<StationLogEntry> _diagnostics = new();
    private readonly Queue<StationLogEntry> _security = new();
    private (int RequestId, CancellationTokenSource Cancel)? _upload;

    /// <summary>Adds a line to a log.</summary>
    public void Record(DateTimeOffset at, StationLogKind kind, string text) => Record(new StationLogEntry(at, kind, text));

    /// <summary>Adds an entry to its log.</summary>
    public void Record(StationLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_gate)
        {
            var log = entry.Kind == StationLogKind.Security ? _security : _diagnostics;
            log.Enqueue(entry);
            while (log.Count > LinesKept)
            {
                log.Dequeue();
            }
        }
    }

    /// <summary>The entries of a log between <paramref name="oldest"/> and <paramref name="latest"/> (either open), oldest first.</summary>
    public IReadOnlyList<StationLogEntry> Entries(StationLogKind kind, DateTimeOffset? oldest = null, DateTimeOffset? latest = null)
    {
        lock (_gate)
        {
            var log = kind == StationLogKind.Security ? _security : _diagnostics;
            return [.. log.Where(e => (oldest is null || e.At >= oldest) && (latest is null || e.At <= latest))];
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
}
