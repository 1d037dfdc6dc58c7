using System.Globalization;

namespace DerSim.Sim.StationModel;

/// <summary>
/// The station's Local Authorization List (OCPP 1.6 §3.4; 2.x D01): tokens and their authorization as the CSMS sent
/// them with SendLocalList, under the version the CSMS numbered. Unlike the authorization cache the CSMS alone changes
/// it; it is kept while LocalAuthListEnabled (2.x LocalAuthListCtrlr.Enabled) is true.
/// </summary>
public sealed class LocalAuthList(StationConfiguration configuration)
{
    /// <summary>The key of LocalAuthListCtrlr.Enabled (1.6 LocalAuthListEnabled).</summary>
    public const string EnabledKey = "LocalAuthListEnabled";

    /// <summary>The key of the most entries the list holds (1.6 LocalAuthListMaxLength).</summary>
    public const string MaxLengthKey = "LocalAuthListMaxLength";

    /// <summary>The key of the most entries one SendLocalList may carry (1.6 SendLocalListMaxLength; 2.x LocalAuthListCtrlr.ItemsPerMessage).</summary>
    public const string SendMaxLengthKey = "SendLocalListMaxLength";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, CachedToken> _entries = new(StringComparer.Ordinal);

    /// <summary>Whether the station keeps a local list (LocalAuthListEnabled).</summary>
    public bool Enabled => configuration.Get(EnabledKey)?.Value == "true";

    /// <summary>The version of the list; 0 while the CSMS never sent one (1.6 GetLocalListVersion: empty).</summary>
    public int Version
    {
        get
        {
            lock (_gate)
            {
                return field;
            }
        }

        private set;
    }

    /// <summary>How many tokens it holds.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>
    /// Applies an update (1.6 §5.15 SendLocalList): a full one replaces the list, a differential one adds, changes or
    /// (an entry without idTagInfo) removes entries, and only with a version above the list's (else VersionMismatch).
    /// An update with more entries than SendLocalListMaxLength, or leaving more than LocalAuthListMaxLength, Failed and
    /// changes nothing.
    /// </summary>
    public LocalListOutcome Apply(int listVersion, bool full, IReadOnlyList<LocalListEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (!Enabled)
        {
            return LocalListOutcome.NotSupported;
        }

        lock (_gate)
        {
            if (!full && listVersion <= Version)
            {
                return LocalListOutcome.VersionMismatch;
            }

            if (entries.Count > Limit(SendMaxLengthKey))
            {
                return LocalListOutcome.Failed;
            }

            var next = full ? new Dictionary<string, CachedToken>(StringComparer.Ordinal) : new Dictionary<string, CachedToken>(_entries, StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                if (entry.Info is { } info)
                {
                    next[entry.IdTag] = info;
                }
                else
                {
                    next.Remove(entry.IdTag);
                }
            }

            if (next.Count > Limit(MaxLengthKey))
            {
                return LocalListOutcome.Failed;
            }

            _entries.Clear();
            foreach (var (idTag, info) in next)
            {
                _entries[idTag] = info;
            }

            Version = listVersion;
            return LocalListOutcome.Accepted;
        }
    }

    /// <summary>The list's entry of <paramref name="idTag"/>: null when the list is disabled or holds none.</summary>
    public CachedToken? Lookup(string idTag)
    {
        if (!Enabled)
        {
            return null;
        }

        lock (_gate)
        {
            return _entries.GetValueOrDefault(idTag);
        }
    }

    private int Limit(string key) =>
        int.TryParse(configuration.Get(key)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) ? limit : int.MaxValue;
}
