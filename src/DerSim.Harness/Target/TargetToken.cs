using DerSim.Ocpp.Dialects;

namespace DerSim.Harness.Target;

/// <summary>One id token of the target declaration (<c>dersim.target.tokens</c>).</summary>
public sealed record TargetToken
{
    /// <summary>The token's text (1.6 idTag, 2.x idToken.idToken): at most 20 characters, 1.6's limit. Required.</summary>
    public string IdToken { get; init; } = "";

    /// <summary>
    /// Its 2.x type (<c>IdTokenType.type</c>, e.g. ISO14443, ISO15693, Local, eMAID, KeyCode); null takes the type its
    /// text fits: ISO14443 for 8 or 14 hex characters, ISO15693 for 16, else Local. The default value is null.
    /// </summary>
    public string? Type { get; init; }

    /// <summary>The group the CSMS puts it in (1.6 parentIdTag, 2.x groupIdToken); null for none. The default value is null.</summary>
    public string? GroupId { get; init; }

    /// <summary>The 2.x type sent: <see cref="Type"/>, else the type the text fits.</summary>
    public string EffectiveType => Type ?? IdTokenTypes.Fitting(IdToken);
}
