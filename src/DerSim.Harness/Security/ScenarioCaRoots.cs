using System.Security.Cryptography.X509Certificates;

namespace DerSim.Harness.Security;

/// <summary>
/// The CA certificates one scenario has the CSMS install at the station, or puts in the station's store itself: real
/// self-signed roots (ECDSA P-256, made with .NET's crypto APIs), one per certificate type, valid for a year from a day
/// before the station's time. Created per scenario by context injection.
/// </summary>
public sealed class ScenarioCaRoots : IDisposable
{
    private readonly Dictionary<string, X509Certificate2> _roots = new(StringComparer.Ordinal);

    /// <summary>A new root for <paramref name="use"/> (CSMSRootCertificate, ManufacturerRootCertificate, …), now the one <see cref="Of"/> gives.</summary>
    public X509Certificate2 Make(string use, DateTimeOffset now)
    {
        var root = TestCertificates.CreateCa($"DerSim test {use}", now.AddDays(-1), now.AddDays(365));
        lock (_roots)
        {
            if (_roots.Remove(use, out var older))
            {
                older.Dispose();
            }

            _roots[use] = root;
        }

        return root;
    }

    /// <summary>The root last made for <paramref name="use"/>.</summary>
    /// <exception cref="InvalidOperationException">None was made in this scenario.</exception>
    public X509Certificate2 Of(string use)
    {
        lock (_roots)
        {
            return _roots.TryGetValue(use, out var root)
                ? root
                : throw new InvalidOperationException($"no {use} was made in this scenario: install one first (When the CSMS installs a new \"{use}\" on the station)");
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_roots)
        {
            foreach (var root in _roots.Values)
            {
                root.Dispose();
            }

            _roots.Clear();
        }
    }
}
