namespace DerSim.Harness.Target;

/// <summary>A token a selection of scenarios presents, with the type it is sent with on 2.x and its role.</summary>
/// <param name="Token">The token as declared (idToken, groupId).</param>
/// <param name="Type">The 2.x type sent.</param>
/// <param name="Role">Its role ("valid", "second valid", "unknown", "blocked", "expired"), or "literal" for a token a feature names.</param>
public sealed record ListedToken(TargetToken Token, string Type, string Role);
