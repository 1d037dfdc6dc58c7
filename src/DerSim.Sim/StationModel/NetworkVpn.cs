namespace DerSim.Sim.StationModel;

/// <summary>
/// The VPN of a network profile (2.x VPNType), field by field as the CSMS gave them (see <see cref="NetworkApn"/>).
/// </summary>
public sealed record NetworkVpn
{
    /// <summary>The VPN server address (server). The default value is <see langword="null"/>.</summary>
    public string? Server { get; init; }

    /// <summary>The VPN user (user). The default value is <see langword="null"/>.</summary>
    public string? User { get; init; }

    /// <summary>The VPN group (group). The default value is <see langword="null"/>.</summary>
    public string? Group { get; init; }

    /// <summary>The VPN password (password, 2.1); never read back. The default value is <see langword="null"/>.</summary>
    public string? Password { get; init; }

    /// <summary>The VPN shared secret (key); never read back. The default value is <see langword="null"/>.</summary>
    public string? Key { get; init; }

    /// <summary>IKEv2, IPSec, L2TP or PPTP (type). The default value is <see langword="null"/>.</summary>
    public string? Type { get; init; }
}
