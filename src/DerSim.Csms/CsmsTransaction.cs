namespace DerSim.Csms;

/// <summary>A transaction as the reference CSMS saw it.</summary>
/// <param name="TransactionId">1.6: the integer the CSMS assigned, as text; 2.x: the station's id.</param>
/// <param name="EvseId">The EVSE (1.6: the connector id, EVSEs having one connector there).</param>
/// <param name="IdToken">The token that started it, if known.</param>
/// <param name="StartedAt">When it started, by the station's timestamp.</param>
public sealed record CsmsTransaction(string TransactionId, int EvseId, string? IdToken, DateTimeOffset StartedAt)
{
    /// <summary>When it ended, or null while it runs.</summary>
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Meter reading at start in Wh (1.6 meterStart), when given.</summary>
    public decimal? MeterStartWh { get; set; }

    /// <summary>Meter reading at stop in Wh (1.6 meterStop), when given.</summary>
    public decimal? MeterStopWh { get; set; }

    /// <summary>The last TransactionEvent seqNo received (2.x).</summary>
    public int? LastSeqNo { get; set; }

    /// <summary>
    /// 2.1 local cost calculation: the cost the station last reported (costDetails.totalCost.total, with tax where it
    /// gave it), or null when it reported none.
    /// </summary>
    public decimal? StationCost { get; set; }

    /// <summary>The currency of <see cref="StationCost"/> (ISO 4217), or null.</summary>
    public string? Currency { get; set; }
}
