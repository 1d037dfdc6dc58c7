using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DerSim.Harness.Security;

namespace DerSim.Harness.Drivers;

/// <summary>
/// One scenario's security profile on the embedded CSMS: a throw-away CA, the server certificate it signed, client
/// certificates per station, and every refusal the CSMS logged. Created per scenario by context injection.
/// </summary>
public sealed class ScenarioSecurity : IDisposable
{
    private readonly ConcurrentDictionary<string, X509Certificate2> _clients = new(StringComparer.Ordinal);
    private readonly List<IDisposable> _owned = [];
    private X509Certificate2? _ca;

    /// <summary>The security profile the scenario asked for; null before a step set it.</summary>
    public int? Profile { get; set; }

    /// <summary>Every refusal the CSMS logged in this scenario (HTTP 401/403 with reason, TLS handshake refusals).</summary>
    public ConcurrentQueue<string> Refusals { get; } = new();

    /// <summary>The scenario's CA (made on first use), valid for a day from <paramref name="time"/>'s now.</summary>
    public X509Certificate2 Ca(TimeProvider time) => _ca ??= Own(NewCa(time));

    /// <summary>A fresh CA nobody trusts (for "the station trusts another CA").</summary>
    public X509Certificate2 OtherCa(TimeProvider time) => Own(NewCa(time));

    /// <summary>A server certificate from <see cref="Ca"/> naming <paramref name="hosts"/>.</summary>
    public X509Certificate2 Server(TimeProvider time, params string[] hosts)
    {
        var now = time.GetUtcNow();
        return Own(TestCertificates.IssueServer(Ca(time), hosts, now.AddMinutes(-5), now.AddDays(1)));
    }

    /// <summary>The client certificate of <paramref name="stationId"/> from <see cref="Ca"/>, made once.</summary>
    public X509Certificate2 Client(TimeProvider time, string stationId) =>
        _clients.GetOrAdd(stationId, id => Own(TestCertificates.IssueClient(Ca(time), id, time.GetUtcNow().AddMinutes(-5), time.GetUtcNow().AddDays(1))));

    /// <summary>A client certificate from <see cref="Ca"/> for <paramref name="commonName"/> that expired yesterday.</summary>
    public X509Certificate2 ExpiredClient(TimeProvider time, string commonName)
    {
        var now = time.GetUtcNow();
        return Own(TestCertificates.IssueClient(Ca(time), commonName, now.AddDays(-2), now.AddDays(-1)));
    }

    /// <summary>A client certificate from <see cref="Ca"/> naming <paramref name="commonName"/>.</summary>
    public X509Certificate2 ClientNamed(TimeProvider time, string commonName)
    {
        var now = time.GetUtcNow();
        return Own(TestCertificates.IssueClient(Ca(time), commonName, now.AddMinutes(-5), now.AddDays(1)));
    }

    /// <summary>A random password for stations the target declaration gives none (never logged).</summary>
    public string NewPassword() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }
    }

    private static X509Certificate2 NewCa(TimeProvider time)
    {
        var now = time.GetUtcNow();
        return TestCertificates.CreateCa("DerSim scenario CA", now.AddMinutes(-5), now.AddDays(1));
    }

    private X509Certificate2 Own(X509Certificate2 certificate)
    {
        lock (_owned)
        {
            _owned.Add(certificate);
        }

        return certificate;
    }
}
