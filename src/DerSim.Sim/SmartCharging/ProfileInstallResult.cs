namespace DerSim.Sim.SmartCharging;

/// <summary>The outcome of installing a profile: accepted, or rejected with a reason.</summary>
/// <param name="Rejection">Null when accepted.</param>
/// <param name="Detail">A sentence for logs and 2.x statusInfo.additionalInfo.</param>
public sealed record ProfileInstallResult(ProfileRejection? Rejection, string? Detail)
{
    /// <summary>The accepted outcome.</summary>
    public static ProfileInstallResult Accepted { get; } = new(null, null);

    /// <summary>Whether the profile was installed.</summary>
    public bool IsAccepted => Rejection is null;

    /// <summary>A rejection.</summary>
    public static ProfileInstallResult Reject(ProfileRejection reason, string detail) => new(reason, detail);

    /// <summary>A 2.x statusInfo reasonCode (at most 20 characters).</summary>
    public string? ReasonCode => Rejection switch
    {
        null => null,
        ProfileRejection.TxNotFound => "TxNotFound",
        ProfileRejection.TransactionMismatch => "TxNotFound",
        ProfileRejection.InvalidEvse => "UnknownEvse",
        ProfileRejection.InvalidSchedule => "InvalidSchedule",
        ProfileRejection.InvalidValidity => "InvalidValue",
        ProfileRejection.DuplicateStackLevel => "DuplicateProfile",
        ProfileRejection.PurposeNotAllowed => "InvalidProfile",
        ProfileRejection.UnsupportedOperationMode => "UnsupportedMode",
        ProfileRejection.InconsistentPeriod => "InconsistentPeriod",
        ProfileRejection.UnknownDynamicProfile => "UnknownProfile",
        _ => "InvalidProfile",
    };
}
