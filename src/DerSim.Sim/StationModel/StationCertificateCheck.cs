namespace DerSim.Sim.StationModel;

/// <summary>What the station found checking a certificate chain the CSMS sent.</summary>
/// <param name="IsValid">Whether the station installed it.</param>
/// <param name="Reason">What was installed, or why it was refused.</param>
public sealed record StationCertificateCheck(bool IsValid, string Reason)
{
    /// <summary>Installed.</summary>
    public static StationCertificateCheck Valid(string subject) => new(true, $"installed {subject}");

    /// <summary>Refused, with the reason.</summary>
    public static StationCertificateCheck Invalid(string reason) => new(false, reason);
}
