using System.Collections.Concurrent;
using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;

namespace DerSim.Sim.Engine;

/// <summary>
/// The station's memory of the tokens the CSMS accepted (an authorization cache), and the decision for a driver who
/// arrives while the station is offline: let in when LocalAuthorizeOffline (1.6 key; 2.x AuthCtrlr.LocalAuthorizeOffline)
/// is true and the token was accepted before, else refused — never a token the CSMS refused or never saw.
/// </summary>
internal sealed class OfflineAuthorization
{
    private readonly ConcurrentDictionary<string, bool> _known = new(StringComparer.Ordinal);

    /// <summary>Remembers the CSMS's verdict on <paramref name="idTag"/>.</summary>
    public void Remember(string idTag, bool accepted) => _known[idTag] = accepted;

    /// <summary>Whether <paramref name="start"/>'s token may start a transaction while offline; logs the decision.</summary>
    public bool Decide(SessionStart start, StationConfiguration configuration, Action<string> log, LocalAuthList? localList = null)
    {
        ArgumentNullException.ThrowIfNull(start);
        return Decide(start.EvseId, start.IdTag, configuration, log, localList);
    }

    /// <summary>
    /// Whether <paramref name="idTag"/> may start a transaction on <paramref name="evseId"/> while offline; logs the
    /// decision. A token never seen is let in too when AllowOfflineTxForUnknownId (2.x AuthCtrlr.OfflineTxForUnknownIdEnabled,
    /// OCPP 2.0.1 C15) is true; one the CSMS refused never.
    /// </summary>
    public bool Decide(int evseId, string idTag, StationConfiguration configuration, Action<string> log, LocalAuthList? localList = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(log);
        var allowed = configuration.Get("LocalAuthorizeOffline")?.Value == "true";
        if (localList?.Lookup(idTag) is { } listed)
        {
            // 1.6 §3.4: the local authorization list speaks for the CSMS offline, before anything the station remembers.
            var ok16 = allowed && listed.IsAccepted;
            log(ok16
                ? $"EVSE {evseId}: offline, token {idTag} authorized from the local authorization list (LocalAuthorizeOffline)"
                : $"EVSE {evseId}: offline, token {idTag} not authorized ({(allowed ? $"{listed.Status} in the local authorization list" : "LocalAuthorizeOffline is false")})");
            return ok16;
        }

        var seen = _known.TryGetValue(idTag, out var accepted);
        var unknownAllowed = !seen && configuration.Get("AllowOfflineTxForUnknownId")?.Value == "true";
        var ok = allowed && ((seen && accepted) || unknownAllowed);
        log(ok
            ? $"EVSE {evseId}: offline, token {idTag} authorized locally ({(seen ? "accepted before" : "unknown, AllowOfflineTxForUnknownId")}, LocalAuthorizeOffline)"
            : $"EVSE {evseId}: offline, token {idTag} not authorized ({(allowed ? "not accepted before" : "LocalAuthorizeOffline is false")})");
        return ok;
    }
}
