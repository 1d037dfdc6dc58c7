using System.Collections.Concurrent;
using System.Globalization;

namespace DerSim.Sim.StationModel;

/// <summary>
/// The station's Authorization Cache (OCPP 2.0.1 C10–C12, 2.x AuthCacheCtrlr; 1.6 AuthorizationCacheEnabled): the
/// idTokenInfo of every token the CSMS answered about, from AuthorizeResponse and TransactionEventResponse, kept while
/// AuthCacheCtrlr.Enabled is true and used no longer than AuthCacheCtrlr.LifeTime seconds. ClearCache empties it (C11).
/// </summary>
public sealed class AuthorizationCache(StationConfiguration configuration)
{
    private readonly ConcurrentDictionary<string, CachedToken> _entries = new(concurrencyLevel: 1, capacity: 2, StringComparer.Ordinal);

    /// <summary>Whether the cache is in use (AuthCacheCtrlr.Enabled; 1.6 AuthorizationCacheEnabled).</summary>
    public bool Enabled => configuration.Get(StationConfiguration.AuthCacheEnabledKey)?.Value == "true";

    /// <summary>How long an entry may be used (AuthCacheCtrlr.LifeTime); null for no limit.</summary>
    public TimeSpan? LifeTime =>
        configuration.Get(StationConfiguration.AuthCacheLifeTimeKey) is { } setting
        && int.TryParse(setting.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : null;

    /// <summary>
    /// Stores the CSMS's verdict on <paramref name="idToken"/> when the cache is enabled (2.0.1 C10: from every
    /// AuthorizeResponse and every TransactionEventResponse with idTokenInfo). A newer verdict replaces the older.
    /// </summary>
    public void Store(string idToken, string status, string? groupId, DateTimeOffset now)
    {
        if (Enabled)
        {
            _entries[idToken] = new CachedToken(status, groupId, now);
        }
    }

    /// <summary>
    /// Puts an entry in as the station's memory already holds it before it runs (a test's preparation, as the OCA
    /// cases' "Memory State"), whether or not the cache is enabled yet. It has no time of storing: the station's clock
    /// is set from the CSMS at the boot, so no LifeTime ends it until an answer of the CSMS renews it.
    /// </summary>
    public void Preset(string idToken, string status, string? groupId) =>
        _entries[idToken] = new CachedToken(status, groupId, null);

    /// <summary>The entry of <paramref name="idToken"/> usable at <paramref name="now"/>: null when the cache is disabled, holds none, or it outlived LifeTime.</summary>
    public CachedToken? Lookup(string idToken, DateTimeOffset now)
    {
        if (!Enabled || !_entries.TryGetValue(idToken, out var entry))
        {
            return null;
        }

        if (LifeTime is { } life && entry.StoredAt is { } stored && now - stored > life)
        {
            // Outlived: it no longer speaks for the CSMS, and is dropped.
            _entries.TryRemove(idToken, out _);
            return null;
        }

        return entry;
    }

    /// <summary>Empties the cache (ClearCache, 2.0.1 C11).</summary>
    public void Clear() => _entries.Clear();

    /// <summary>How many entries it holds.</summary>
    public int Count => _entries.Count;

    /// <summary>
    /// What the station holds about <paramref name="idToken"/>, whether or not the cache is in use or the entry outlived
    /// LifeTime: the customer data a CustomerInformation report names (2.0.1 N09), or null.
    /// </summary>
    public CachedToken? Held(string idToken) => _entries.GetValueOrDefault(idToken);

    /// <summary>Forgets <paramref name="idToken"/> (CustomerInformation clear, 2.0.1 N10); whether it was held.</summary>
    public bool Remove(string idToken) => _entries.TryRemove(idToken, out _);
}
