using System.Net;
using System.Net.Sockets;
using DerSim.Sim.Runtime;
using Shouldly;

namespace DerSim.Harness.Tests.Drivers.Simulator;

/// <summary>The relay that fails like a network, on loopback sockets.</summary>
[TestFixture]
public sealed class NetworkLinkTests
{
    [Test]
    public async Task It_relays_resets_on_cut_refuses_while_cut_and_relays_again_after_restore()
    {
        using var echo = new TcpListener(IPAddress.Loopback, 0);
        echo.Start();
        using var stop = new CancellationTokenSource();
        _ = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var client = await echo.AcceptSocketAsync(stop.Token);
                _ = Task.Run(async () =>
                {
                    var buffer = new byte[64];
                    int read;
                    try
                    {
                        while ((read = await client.ReceiveAsync(buffer)) > 0)
                        {
                            await client.SendAsync(buffer.AsMemory(0, read));
                        }
                    }
                    catch (SocketException)
                    {
                        // Reset by the relay.
                    }
                });
            }
        });
        await using var link = new NetworkLink("127.0.0.1", ((IPEndPoint)echo.LocalEndpoint).Port);
        link.Start();

        using var first = await ConnectAsync(link.Port);
        (await EchoAsync(first, "hello")).ShouldBe("hello");

        link.Cut();
        await Should.ThrowAsync<SocketException>(async () =>
        {
            // A reset socket fails on the next receive (or send).
            await first.SendAsync("x"u8.ToArray());
            var buffer = new byte[8];
            if (await first.ReceiveAsync(buffer) == 0)
            {
                throw new SocketException((int)SocketError.ConnectionReset);
            }
        });
        await Should.ThrowAsync<SocketException>(async () =>
        {
            // Refused: the connect itself or the first exchange is reset.
            using var refused = await ConnectAsync(link.Port);
            await refused.SendAsync("y"u8.ToArray());
            if (await refused.ReceiveAsync(new byte[8]) == 0)
            {
                throw new SocketException((int)SocketError.ConnectionReset);
            }
        });

        link.Restore();
        using var again = await ConnectAsync(link.Port);
        (await EchoAsync(again, "back")).ShouldBe("back");
        link.Resets.ShouldBeGreaterThanOrEqualTo(2);
        await stop.CancelAsync();
    }

    private static async Task<Socket> ConnectAsync(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, port);
        return socket;
    }

    private static async Task<string> EchoAsync(Socket socket, string text)
    {
        await socket.SendAsync(System.Text.Encoding.ASCII.GetBytes(text));
        var buffer = new byte[64];
        var read = await socket.ReceiveAsync(buffer).WaitAsync(TimeSpan.FromSeconds(5));
        return System.Text.Encoding.ASCII.GetString(buffer, 0, read);
    }
}
