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

    /// <summary>
    /// "a token of the valid token's group": the first other of <see cref="TargetTokens.Valid"/> with the valid token's
    /// <see cref="TargetToken.GroupId"/> (2.0.1 C09, authorization by GroupId).
    /// </summary>
    GroupMember,

    /// <summary>"the master pass token": <see cref="TargetTokens.MasterPass"/>, whose group the station takes as AuthCtrlr.MasterPassGroupId (2.0.1 C16).</summary>
    MasterPass,
}
