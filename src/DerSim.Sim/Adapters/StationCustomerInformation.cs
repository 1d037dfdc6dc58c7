using System.Globalization;
using DerSim.Sim.Engine;
using DerSim.Sim.StationModel;

namespace DerSim.Sim.Adapters;

/// <summary>How the station answers a CustomerInformation request (version-neutral).</summary>
internal enum CustomerInformationOutcome
{
    Accepted,
    Rejected,
    Invalid,
}

/// <summary>
/// What the station holds about a customer and how it reports and clears it, version-neutral (2.0.1 N09 get, N10
/// clear): the authorization-cache entry of the customer's idToken and the transactions it runs for it. The station
/// keys nothing by customerIdentifier or customer certificate, so it holds no data under those.
/// </summary>
internal static class StationCustomerInformation
{
    /// <summary>The most characters of one NotifyCustomerInformation's data (the schema's limit).</summary>
    public const int MaxDataLength = 512;

    /// <summary>
    /// Whether the station takes the request: Rejected when neither report nor clear is asked (N09.FR.07, N10.FR.07) or
    /// it cannot process such requests now (CustomerInformationCtrlr.Enabled false: N09.FR.03, N10.FR.05); Invalid
    /// unless it names exactly one customer reference (idToken, customerCertificate or customerIdentifier: N09.FR.04 and
    /// N10.FR.08 oblige the CSMS to give one); else Accepted (N09.FR.02, N10.FR.01).
    /// </summary>
    public static CustomerInformationOutcome Decide(ChargingStation station, bool report, bool clear, int references)
    {
        if ((!report && !clear) || !station.Configuration.GetBool("CustomerInformationCtrlr", "Enabled", true))
        {
            return CustomerInformationOutcome.Rejected;
        }

        return references == 1 ? CustomerInformationOutcome.Accepted : CustomerInformationOutcome.Invalid;
    }

    /// <summary>What the station holds about <paramref name="idToken"/> (null: a customer it does not key data by), one line per item.</summary>
    public static IReadOnlyList<string> HeldAbout(ChargingStation station, StationEngine? engine, string? idToken)
    {
        if (idToken is null)
        {
            return [];
        }

        var lines = new List<string>();
        if (station.AuthorizationCache.Held(idToken) is { } cached)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"authorization cache: idToken {idToken} {cached.Status}{(cached.GroupId is { } g ? $", group {g}" : "")}{(cached.StoredAt is { } at ? $", stored {at.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}" : "")}"));
        }

        foreach (var tx in engine?.Transactions.Where(t => t.IdTag == idToken) ?? [])
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"transaction {tx.TransactionId} on EVSE {tx.EvseId} since {tx.StartedAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}"));
        }

        return lines;
    }

    /// <summary>
    /// Removes what the station holds about <paramref name="idToken"/> that is its own to remove: the cache entry (N10.FR.03,
    /// N10.FR.06; a local list is the CSMS's, and a running transaction's record stays until it ends).
    /// </summary>
    public static void Clear(ChargingStation station, string? idToken)
    {
        if (idToken is not null)
        {
            station.AuthorizationCache.Remove(idToken);
        }
    }

    /// <summary>
    /// The data of the NotifyCustomerInformation messages for a request, each at most <see cref="MaxDataLength"/> long:
    /// what was held (N09.FR.05; after a clear, what was cleared, N10.FR.03), that nothing was found (N09.FR.06, N10.FR.04),
    /// or, for a clear without a report, that the data was cleared (N10.FR.06).
    /// </summary>
    public static IReadOnlyList<string> Report(IReadOnlyList<string> held, bool report, bool clear)
    {
        string text;
        if (!report)
        {
            text = held.Count == 0 ? "cleared: no data was held about this customer" : $"cleared {held.Count} item(s) held about this customer";
        }
        else if (held.Count == 0)
        {
            text = "no data held about this customer";
        }
        else
        {
            text = (clear ? "cleared: " : "") + string.Join("; ", held);
        }

        return [.. text.Chunk(MaxDataLength).Select(c => new string(c))];
    }
}
