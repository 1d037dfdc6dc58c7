using DerSim.Csms;

namespace DerSim.Harness.Target;

/// <summary>Seeds the embedded reference CSMS from the target declaration, so its answers are those the roles promise.</summary>
public static class TargetSeeding
{
    /// <summary>
    /// <paramref name="options"/> knowing the declared tokens: the valid ones Accepted with their group, the unknown one
    /// Invalid (1.6 IdTagInfo and 2.x AuthorizationStatus share it), the blocked one Blocked, the expired one Expired, the
    /// master pass token Accepted with its (Master Pass) group.
    /// </summary>
    public static ReferenceCsmsOptions SeededFrom(this ReferenceCsmsOptions options, TargetDeclaration target)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(target);
        var tokens = new Dictionary<string, CsmsToken>(StringComparer.Ordinal);
        foreach (var valid in target.Tokens.Valid)
        {
            tokens[valid.IdToken] = new CsmsToken(CsmsTokenStatus.Accepted, valid.GroupId);
        }

        tokens[target.Tokens.Unknown.IdToken] = new CsmsToken(CsmsTokenStatus.Invalid);
        tokens[target.Tokens.Blocked.IdToken] = new CsmsToken(CsmsTokenStatus.Blocked, target.Tokens.Blocked.GroupId);
        tokens[target.Tokens.Expired.IdToken] = new CsmsToken(CsmsTokenStatus.Expired, target.Tokens.Expired.GroupId);
        if (target.Tokens.MasterPass is { } master)
        {
            tokens[master.IdToken] = new CsmsToken(CsmsTokenStatus.Accepted, master.GroupId);
        }

        return options with { Tokens = tokens };
    }
}
