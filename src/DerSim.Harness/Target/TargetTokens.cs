namespace DerSim.Harness.Target;

/// <summary>
/// The tokens scenarios name by role (<c>dersim.target.tokens</c>). The defaults are ISO14443 card UIDs (8 hex
/// characters) that the embedded reference CSMS is seeded with and a strict CSMS takes as well-formed.
/// </summary>
public sealed record TargetTokens
{
    /// <summary>
    /// Tokens the CSMS accepts; "the valid token" is the first, "a second valid token" the second, and "a token of the
    /// valid token's group" the first other one with the valid token's <see cref="TargetToken.GroupId"/>. The default
    /// value is 04A1B2C3 (group DERSIM-GROUP-1), 04D5E6F7 (no group) and 04C0FFEE (group DERSIM-GROUP-1), ISO14443.
    /// </summary>
    public IReadOnlyList<TargetToken> Valid { get; init; } =
        [new() { IdToken = "04A1B2C3", GroupId = "DERSIM-GROUP-1" }, new() { IdToken = "04D5E6F7" }, new() { IdToken = "04C0FFEE", GroupId = "DERSIM-GROUP-1" }];

    /// <summary>A token the CSMS does not know (answered Invalid or Unknown). The default value is 0F0E0D0C.</summary>
    public TargetToken Unknown { get; init; } = new() { IdToken = "0F0E0D0C" };

    /// <summary>A token the CSMS knows as blocked (answered Blocked). The default value is 0B0B0B0B.</summary>
    public TargetToken Blocked { get; init; } = new() { IdToken = "0B0B0B0B" };

    /// <summary>A token the CSMS knows as expired (answered Expired). The default value is 0E0E0E0E.</summary>
    public TargetToken Expired { get; init; } = new() { IdToken = "0E0E0E0E" };

    /// <summary>
    /// "the master pass token": a token the CSMS accepts in the Master Pass group (2.0.1 C16), which scenarios give the
    /// station as AuthCtrlr.MasterPassGroupId; it must declare a groupId. Null when the CSMS has none (the Master Pass
    /// cases are then not applicable). The default value is null: a declaration names it, or has none; the bundled
    /// declaration (<see cref="TargetDeclaration.Default"/>, for the embedded CSMS) has <see cref="BundledMasterPass"/>.
    /// </summary>
    public TargetToken? MasterPass { get; init; }

    /// <summary>The bundled declaration's master pass token: 04BADA55 in group DERSIM-MASTERPASS.</summary>
    public static TargetToken BundledMasterPass { get; } = new() { IdToken = "04BADA55", GroupId = "DERSIM-MASTERPASS" };
}
