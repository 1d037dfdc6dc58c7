using System.Security.Cryptography.X509Certificates;

namespace DerSim.Ocpp.Transport;

/// <summary>
/// Security profile 3: the client certificate must name the station that connects. OCPP 2.0.1 A00.FR.405 (and the
/// OCPP 1.6 security whitepaper, section 4.3): the subject's commonName of the charging station certificate is the
/// charging station's identity, and the CSMS checks it against the identity in the URL.
/// </summary>
public static class ClientCertificateIdentity
{
    /// <summary>Why <paramref name="certificate"/> may not act for <paramref name="stationId"/>, or null when its CN is the station id.</summary>
    public static string? Mismatch(X509Certificate2? certificate, string stationId)
    {
        if (certificate is null)
        {
            return "no client certificate presented (security profile 3 requires one)";
        }

        var commonName = certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
        return string.Equals(commonName, stationId, StringComparison.Ordinal)
            ? null
            : $"client certificate CN '{commonName}' is not the station id '{stationId}' (OCPP 2.0.1 A00.FR.405)";
    }
}
