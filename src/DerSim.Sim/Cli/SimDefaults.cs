using DerSim.Ocpp;

namespace DerSim.Sim.Cli;

/// <summary>The one place the <c>./sim</c> defaults live.</summary>
public static class SimDefaults
{
    /// <summary>OCPP is off unless asked for, as in the seed (<c>--ocpp_enable yes</c>).</summary>
    public const bool OcppEnabled = false;

    /// <summary>The default OCPP version.</summary>
    public const OcppVersion Version = OcppVersion.V201;

    /// <summary>The embedded reference CSMS (<c>./dersim csms</c>) on its default port.</summary>
    public static readonly Uri CsmsUrl = new("ws://127.0.0.1:8180/ocpp");

    /// <summary>The default station identity.</summary>
    public const string StationId = "DERSIM-1";

    /// <summary>The seed's default profile: small and quick to verify connectivity.</summary>
    public const string EvseProfile = "EVSE-AC-22kW-1port";

    /// <summary>OCPP-J's customary CALL timeout.</summary>
    public const double CallTimeoutSeconds = 30;
}
