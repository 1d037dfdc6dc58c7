using DerSim.Ocpp;
using DerSim.Ocpp.Json;
using DerSim.Ocpp.Rpc;
using DerSim.Ocpp.Transport;
using DerSim.Ocpp.Validation;
using DerSim.Ocpp.Tests.Validation;

namespace DerSim.Ocpp.Tests.Rpc;

/// <summary>
/// The third part of STYLE.md's per-action pattern, for every action of every version over a real loopback
/// connection with the generated tables: a valid request sent the way the version allows reaches the receiver
/// (no handler here, so NotSupported: known but not supported), and sent the other way it is refused as NotSupported.
/// </summary>
public sealed class ActionDirectionTests : IDisposable
{
    private readonly Dictionary<OcppVersion, Connection> _connections = [];
    private readonly CancellationTokenSource _cts = new(TimeSpan.FromSeconds(120));

    public static IEnumerable<TestCaseData> Actions() =>
        from version in OcppVersions.All
        from action in OcppActionTables.For(version).Actions.Values.OrderBy(a => a.Name, StringComparer.Ordinal)
        select new TestCaseData(version, action.Name).SetName($"{version}.{action.Name}");

    [OneTimeSetUp]
    public async Task Connect()
    {
        foreach (var version in OcppVersions.All)
        {
            _connections[version] = await Connection.OpenAsync(version, _cts.Token);
        }
    }

    [OneTimeTearDown]
    public async Task Disconnect()
    {
        foreach (var connection in _connections.Values)
        {
            await connection.DisposeAsync();
        }
    }

    public void Dispose() => _cts.Dispose();

    [TestCaseSource(nameof(Actions))]
    public async Task Request_is_answered_per_its_allowed_direction(OcppVersion version, string actionName)
    {
        var table = OcppActionTables.For(version);
        var action = table.Actions[actionName];
        var connection = _connections[version];
        var payload = MessageCatalog.Example(new MessageCase(version, action.Name, PayloadKind.Request, action.RequestType, action.RequestSchemaType), full: false);
        if (action.Direction is MessageDirection.StationToCsms or MessageDirection.Both)
        {
            (await SendAsync(connection.Station, action.Name, payload, "s")).ShouldBe(RpcErrorCodes.NotSupported);
        }

        if (action.Direction is MessageDirection.CsmsToStation or MessageDirection.Both)
        {
            (await SendAsync(connection.Csms, action.Name, payload, "c")).ShouldBe(RpcErrorCodes.NotSupported);
        }

        if (action.Direction == MessageDirection.StationToCsms)
        {
            (await SendAsync(connection.Csms, action.Name, payload, "cw")).ShouldBe(RpcErrorCodes.NotSupported);
        }
        else if (action.Direction == MessageDirection.CsmsToStation)
        {
            (await SendAsync(connection.Station, action.Name, payload, "sw")).ShouldBe(RpcErrorCodes.NotSupported);
        }
    }

    /// <summary>Puts a literal CALL on the wire (bypassing the sender's own direction check) and returns the error code answered.</summary>
    private async Task<string?> SendAsync(OcppRpcPeer sender, string action, string payload, string tag)
    {
        var id = $"{tag}-{action}";
        var answer = sender.WaitForFrameAsync(f => f.Direction == FrameDirection.Inbound && f.MessageId == id, _cts.Token);
        await sender.SendRawTextAsync($"[2,\"{id}\",\"{action}\",{payload}]", _cts.Token);
        var frame = await answer.WaitAsync(TimeSpan.FromSeconds(10));
        frame.MessageType.ShouldBe(OcppMessageType.CallError, frame.Raw);
        return frame.ErrorCode;
    }

    private sealed record Connection(OcppServer Server, OcppRpcPeer Station, OcppRpcPeer Csms, Task StationRun) : IAsyncDisposable
    {
        public static async Task<Connection> OpenAsync(OcppVersion version, CancellationToken ct)
        {
            var options = new OcppRpcOptions { Validator = new OcppSchemaValidator(), CallTimeout = TimeSpan.FromSeconds(10) };
            var csms = new TaskCompletionSource<OcppRpcPeer>(TaskCreationOptions.RunContinuationsAsynchronously);
            var server = new OcppServer(
                new OcppServerOptions { ActionTables = OcppActionTables.For, Rpc = options, Versions = [version] },
                (peer, token) =>
                {
                    csms.TrySetResult(peer);
                    return Task.Delay(Timeout.Infinite, token);
                });
            await server.StartAsync(ct);
            var client = new OcppClient(
                new OcppClientOptions { Url = server.Url, StationId = "DIRECTION-1", Version = version, Rpc = options },
                OcppActionTables.For(version));
            var station = await client.ConnectAsync(ct);
            var run = station.RunAsync(ct);
            return new Connection(server, station, await csms.Task.WaitAsync(ct), run);
        }

        public async ValueTask DisposeAsync()
        {
            await Station.DisposeAsync();
            try
            {
                await StationRun;
            }
            catch (OperationCanceledException)
            {
            }

            await Server.DisposeAsync();
        }
    }
}
