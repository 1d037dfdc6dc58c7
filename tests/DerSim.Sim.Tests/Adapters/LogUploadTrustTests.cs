using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DerSim.Ocpp;
using DerSim.Sim.Adapters;

namespace DerSim.Sim.Tests.Adapters;

/// <summary>
/// Which HTTPS upload servers the station accepts (2.1 N01, TC_N_103): one whose certificate leads to a
/// CSMSRootCertificate in its CA store; not one of an unknown CA, one whose root is only installed for another use,
/// or one with a wrong host name.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class LogUploadTrustTests
{
    [Test]
    public async Task The_station_trusts_an_upload_server_only_under_a_CSMS_root_it_holds()
    {
        await using var rig = await AdapterRig.StartAsync(OcppVersion.V21, "EVSE-AC-22kW-1port");
        var now = rig.Time.GetUtcNow();
        using var root = Root(now);
        using var server = Server(root, now);

        StationLogUpload.TrustsServer(rig.Station, server, SslPolicyErrors.RemoteCertificateChainErrors, now).ShouldBeFalse("an unknown CA");
        rig.Station.CaCertificates.Install("ManufacturerRootCertificate", root.ExportCertificatePem(), now);
        StationLogUpload.TrustsServer(rig.Station, server, SslPolicyErrors.RemoteCertificateChainErrors, now).ShouldBeFalse("a root installed for firmware only");

        rig.Station.CaCertificates.Install("CSMSRootCertificate", root.ExportCertificatePem(), now);
        StationLogUpload.TrustsServer(rig.Station, server, SslPolicyErrors.RemoteCertificateChainErrors, now).ShouldBeTrue();
        StationLogUpload.TrustsServer(rig.Station, server, SslPolicyErrors.RemoteCertificateChainErrors | SslPolicyErrors.RemoteCertificateNameMismatch, now)
            .ShouldBeFalse("a wrong host name is never accepted");
        StationLogUpload.TrustsServer(rig.Station, server, SslPolicyErrors.RemoteCertificateChainErrors, now.AddDays(60)).ShouldBeFalse("expired by the station's clock");
    }

    private static X509Certificate2 Root(DateTimeOffset around)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=upload test root, O=DerSim tests", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        return request.CreateSelfSigned(around.AddDays(-1), around.AddDays(30));
    }

    private static X509Certificate2 Server(X509Certificate2 root, DateTimeOffset around)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1, O=DerSim tests", key, HashAlgorithmName.SHA256);
        return request.Create(root, around.AddDays(-1), around.AddDays(20), [1, 2, 3, 4]);
    }
}
