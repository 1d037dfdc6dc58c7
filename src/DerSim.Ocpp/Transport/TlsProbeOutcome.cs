namespace DerSim.Ocpp.Transport;

/// <summary>What a CSMS did with a TLS ClientHello that offered at most an old protocol version.</summary>
/// <param name="Accepted">The CSMS answered with a ServerHello: it was willing to go on at an old version.</param>
/// <param name="Answer">What came back, in words: "ServerHello at TLS 1.1", "alert protocol_version (70)", "closed the connection", …</param>
public sealed record TlsProbeOutcome(bool Accepted, string Answer);
