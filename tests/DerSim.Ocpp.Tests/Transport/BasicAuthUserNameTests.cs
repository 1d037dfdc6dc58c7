using System.Net;
using DerSim.Ocpp.Tests.Rpc;
using DerSim.Ocpp.Transport;

namespace DerSim.Ocpp.Tests.Transport;

/// <summary>The Basic-auth user name is the station id, unless a test sets another to see the CSMS refuse it.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class BasicAuthUserNameTests
{
    [Test]
    public async Task A_user_name_other_than_the_station_id_is_sent_and_refused_by_our_server()
    {
        var rejections = new List<OcppServerRejection>();
        await using var server = new OcppServer(
            new OcppServerOptions { ActionTables = v => new TestActionTable(v), BasicAuth = (_, password) => ValueTask.FromResult(password == "pw") },
            (_, ct) => Task.Delay(Timeout.Infinite, ct));
        server.Rejected += rejections.Add;
        await server.StartAsync();
        var options = new OcppClientOptions { Url = server.Url, StationId = "CS1", Version = OcppVersion.V201, BasicAuthPassword = "pw", BasicAuthUsername = "CS1-OTHER" };

        var refused = await Should.ThrowAsync<OcppConnectException>(() => new OcppClient(options, new TestActionTable(OcppVersion.V201)).ConnectAsync());

        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        rejections.Single().Reason.ShouldBe("Basic auth user 'CS1-OTHER' is not the station id 'CS1'");
    }
}
