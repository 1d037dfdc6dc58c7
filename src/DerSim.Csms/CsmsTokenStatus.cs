namespace DerSim.Csms;

/// <summary>How the reference CSMS answers an Authorize (and a transaction's token): the statuses 1.6 and 2.x share.</summary>
public enum CsmsTokenStatus
{
    /// <summary>The token may charge.</summary>
    Accepted,

    /// <summary>The CSMS does not know the token.</summary>
    Invalid,

    /// <summary>The token is known and blocked.</summary>
    Blocked,

    /// <summary>The token is known and expired.</summary>
    Expired,
}
