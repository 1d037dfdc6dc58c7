using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using DerSim.Ocpp.Tests.Rpc;
using DerSim.Ocpp.Transport;

namespace DerSim.Ocpp.Tests.Transport;

/// <summary>The TLS checks of a CSMS's endpoint: a hello offering only TLS 1.0/1.1, and a full handshake as a station makes it.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class TlsProbeTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [TestCase("1.1")]
    [TestCase("1.0")]
    public async Task Our_server_refuses_a_hello_that_offers_only_an_old_TLS(string version)
    {
        using var certificate = TestCertificates.Server();
        await using var server = TlsServer(certificate);
        await server.StartAsync();

        var outcome = await TlsProbe.OfferOnlyAsync(server.Url, version, Wait);

        outcome.Accepted.ShouldBeFalse(outcome.Answer);
    }

    [Test]
    public async Task A_full_handshake_with_our_server_gives_TLS_1_2_or_higher_and_the_certificate_serial()
    {
        using var certificate = TestCertificates.Server();
        using var trusted = TestCertificates.PublicPart(certificate);
        await using var server = TlsServer(certificate);
        await server.StartAsync();

        var facts = await TlsProbe.HandshakeAsync(server.Url, trusted, null, Wait);

        ((int)facts.Protocol).ShouldBeGreaterThanOrEqualTo((int)SslProtocols.Tls12);
        facts.SerialNumber.ShouldBe(certificate.SerialNumber);
        facts.Subject.ShouldContain("DerSim test CSMS");
    }

    [Test]
    public async Task A_handshake_with_a_certificate_the_station_does_not_trust_fails_saying_so()
    {
        using var certificate = TestCertificates.Server();
        using var other = TestCertificates.PublicPart(TestCertificates.Server("another CA"));
        await using var server = TlsServer(certificate);
        await server.StartAsync();

        var failed = await Should.ThrowAsync<AuthenticationException>(() => TlsProbe.HandshakeAsync(server.Url, other, null, Wait));

        failed.Message.ShouldContain("server certificate not trusted");
    }

    [Test]
    public async Task A_server_that_answers_with_a_ServerHello_at_TLS_1_1_accepted_the_old_version()
    {
        // Handshake record, ServerHello (type 2), length, version 3.2 = TLS 1.1.
        var outcome = await AgainstCannedServerAsync([0x16, 0x03, 0x02, 0x00, 0x06, 0x02, 0x00, 0x00, 0x46, 0x03, 0x02]);

        outcome.ShouldBe(new TlsProbeOutcome(true, "ServerHello at TLS 1.1"));
    }

    [Test]
    public async Task A_server_that_answers_with_a_protocol_version_alert_refused()
    {
        var outcome = await AgainstCannedServerAsync([0x15, 0x03, 0x01, 0x00, 0x02, 0x02, 70]);

        outcome.ShouldBe(new TlsProbeOutcome(false, "alert protocol_version (70)"));
    }

    [Test]
    public async Task A_server_that_closes_the_connection_refused()
    {
        var outcome = await AgainstCannedServerAsync([]);

        outcome.Accepted.ShouldBeFalse();
        outcome.Answer.ShouldBeOneOf("closed the connection without a ServerHello", "reset the connection");
    }

    [Test]
    public async Task Only_TLS_1_0_and_1_1_can_be_offered()
    {
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => TlsProbe.OfferOnlyAsync(new Uri("wss://127.0.0.1:1/"), "1.2", Wait));
    }

    private static OcppServer TlsServer(System.Security.Cryptography.X509Certificates.X509Certificate2 certificate) =>
        new(new OcppServerOptions { ActionTables = v => new TestActionTable(v), ServerCertificate = certificate }, (_, ct) => Task.Delay(Timeout.Infinite, ct));

    // A TCP server that reads the client's hello and answers the given bytes, then closes.
    private static async Task<TlsProbeOutcome> AgainstCannedServerAsync(byte[] answer)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var serve = Task.Run(async () =>
        {
            using var client = await listener.AcceptTcpClientAsync();
            var stream = client.GetStream();
            var hello = new byte[5];
            await stream.ReadExactlyAsync(hello);
            hello[0].ShouldBe((byte)0x16);
            await stream.WriteAsync(answer);
            await stream.FlushAsync();
        });

        var outcome = await TlsProbe.OfferOnlyAsync(new Uri($"wss://127.0.0.1:{port}/ocpp"), "1.1", Wait);
        await serve;
        return outcome;
    }
}
