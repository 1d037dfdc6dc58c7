using System.Net.Security;
using System.Security.Authentication;

namespace DerSim.Ocpp.Transport;

/// <summary>What a completed TLS handshake with a CSMS showed.</summary>
/// <param name="Protocol">The negotiated protocol version.</param>
/// <param name="CipherSuite">The negotiated cipher suite.</param>
/// <param name="Subject">The subject of the CSMS's certificate.</param>
/// <param name="SerialNumber">The serial number of the CSMS's certificate (hex), empty when it has none.</param>
public sealed record TlsSessionFacts(SslProtocols Protocol, TlsCipherSuite CipherSuite, string Subject, string SerialNumber);
