namespace DerSim.Harness.Target;

/// <summary>
/// The tokens scenarios name by role (<c>dersim.target.tokens</c>). The defaults are ISO14443 card UIDs (8 hex
/// characters) that the embedded reference CSMS is seeded with and a strict CSMS takes as well-formed.
/// </summary>
public sealed record TargetTokens
{
    /// <summary>
    /// Tokens the CSMS accepts; "the valid token" is the first, "a second valid token" the second. The default value
    /// is 04A1B2C3 and 04D5E6F7 (ISO14443, no group).
    /// </summary>
    public IReadOnlyList<TargetToken> Valid { get; init; } = [new() { IdToken = "04A1B2C3" }, new() { IdToken = "04D5E6F7" }];

    /// <summary>A token the CSMS does not know (answered Invalid or Unknown). The default value is 0F0E0D0C.</summary>
    public TargetToken Unknown { get; init; } = new() { IdToken = "0F0E0D0C" };

    /// <summary>A token the CSMS knows as blocked (answered Blocked). The default value is 0B0B0B0B.</summary>
    public TargetToken Blocked { get; init; } = new() { IdToken = "0B0B0B0B" };

    /// <summary>A token the CSMS knows as expired (answered Expired). The default value is 0E0E0E0E.</summary>
    public TargetToken Expired { get; init; } = new() { IdToken = "0E0E0E0E" };
}
