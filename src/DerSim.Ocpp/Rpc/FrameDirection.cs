namespace DerSim.Ocpp.Rpc;

/// <summary>Whether a frame was received or sent.</summary>
public enum FrameDirection
{
    /// <summary>Received from the peer.</summary>
    Inbound,

    /// <summary>Sent to the peer.</summary>
    Outbound,
}
