using System.Net;
using DerSim.Ocpp;
using DerSim.Ocpp.Rpc;
using DerSim.Ocpp.Transport;
using DerSim.Ocpp.Tests.Rpc;

namespace DerSim.Ocpp.Tests.Transport;

/// <summary>
/// The server refuses, with HTTP 400 over a real socket, any identity that is not an OCPP identifierString of at most
/// 48 characters without ':' (issue 13, item 6), and says why in its rejection.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class OcppServerIdentityTests
{
    [TestCase("EVIL\n12:00:00.000 CSMS forged", "is not a station identity")]
    [TestCase("1234567890123456789012345678901234567890123456789", "longer than 48")]
    [TestCase("CS:1", "is not a station identity")]
    [TestCase("CS 1", "is not a station identity")]
    [TestCase("a/b", "is not a station identity")]
    public async Task A_bad_identity_is_refused_with_http_400(string id, string reason)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var rejections = new List<OcppServerRejection>();
        var sessions = 0;
        await using var server = new OcppServer(new OcppServerOptions { ActionTables = v => new TestActionTable(v) }, (_, _) =>
        {
            Interlocked.Increment(ref sessions);
            return Task.CompletedTask;
        });
        server.Rejected += r =>
        {
            lock (rejections)
            {
                rejections.Add(r);
            }
        };
        await server.StartAsync(cts.Token);
        var options = new OcppClientOptions { Url = new Uri(server.Url, "ocpp/"), StationId = id, Version = OcppVersion.V201, ConnectTimeout = TimeSpan.FromSeconds(20) };

        var error = await Should.ThrowAsync<OcppConnectException>(() => new OcppClient(options, new TestActionTable(OcppVersion.V201)).ConnectAsync(cts.Token));

        error.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        sessions.ShouldBe(0);
        var rejection = rejections.ShouldHaveSingleItem();
        rejection.StatusCode.ShouldBe(400);
        rejection.StationId.ShouldBe(id);
        rejection.Reason.ShouldContain(reason);
        rejection.Reason.ShouldNotContain('\n');
    }

    [Test]
    public async Task A_valid_identity_still_connects()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = new OcppServer(new OcppServerOptions { ActionTables = v => new TestActionTable(v) }, (peer, _) =>
        {
            seen.TrySetResult(peer.StationId);
            return Task.CompletedTask;
        });
        await server.StartAsync(cts.Token);
        var id = new string('A', StationIdentity.MaxLength);
        var options = new OcppClientOptions { Url = new Uri(server.Url, "ocpp/"), StationId = id, Version = OcppVersion.V201, ConnectTimeout = TimeSpan.FromSeconds(20) };

        await using var station = await new OcppClient(options, new TestActionTable(OcppVersion.V201)).ConnectAsync(cts.Token);

        (await seen.Task.WaitAsync(cts.Token)).ShouldBe(id);
    }
}
