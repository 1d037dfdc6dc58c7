namespace DerSim.Harness.Target;

/// <summary>The role a scenario names a token by; the target declaration says which token plays it.</summary>
public enum TokenRole
{
    /// <summary>"the valid token": the first of <see cref="TargetTokens.Valid"/>.</summary>
    Valid,

    /// <summary>"a second valid token": the second of <see cref="TargetTokens.Valid"/>.</summary>
    SecondValid,

    /// <summary>"the unknown token".</summary>
    Unknown,

    /// <summary>"the blocked token".</summary>
    Blocked,

    /// <summary>"the expired token".</summary>
    Expired,
}
