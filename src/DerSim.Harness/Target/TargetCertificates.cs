using System.Security.Cryptography.X509Certificates;
using DerSim.Ocpp.Transport;

namespace DerSim.Harness.Target;

/// <summary>The certificates a target declaration names (<c>caCert</c>, <c>clientCertificates</c>), read from their PEM files.</summary>
public static class TargetCertificates
{
    /// <summary>The declared CA to trust for wss://, or null when none is declared.</summary>
    /// <exception cref="DerSimConfigException">The file cannot be read or holds no certificate; one line naming it.</exception>
    public static X509Certificate2? TrustedCa(TargetDeclaration target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.CaCert is { } path ? Read(() => PemCertificates.Load(path, "target caCert")) : null;
    }

    /// <summary>The declared client certificate (with its key) of <paramref name="stationId"/>, or null when none is declared.</summary>
    /// <exception cref="DerSimConfigException">A file cannot be read or the key does not fit; one line naming it.</exception>
    public static X509Certificate2? ClientCertificate(TargetDeclaration target, string stationId)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.ClientCertificates.TryGetValue(stationId, out var declared)
            ? Read(() => PemCertificates.LoadWithKey(declared.Cert, declared.Key, $"target clientCertificates.{stationId}"))
            : null;
    }

    private static X509Certificate2 Read(Func<X509Certificate2> read)
    {
        try
        {
            return read();
        }
        catch (InvalidDataException ex)
        {
            throw new DerSimConfigException(ex.Message);
        }
    }
}
