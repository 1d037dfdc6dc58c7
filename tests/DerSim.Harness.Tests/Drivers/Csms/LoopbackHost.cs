using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DerSim.Harness.Tests.Drivers.Csms;

/// <summary>A Kestrel app on a free loopback port with WebSockets on, for CSMS doubles.</summary>
internal static class LoopbackHost
{
    /// <summary>Starts an app whose routes <paramref name="map"/> adds; its base address ("http://127.0.0.1:port").</summary>
    public static async Task<(WebApplication App, string Address)> StartAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.UseWebSockets();
        map(app);
        await app.StartAsync();
        return (app, app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    /// <summary>The WebSocket URL of <paramref name="address"/> with <paramref name="path"/>.</summary>
    public static Uri WebSocketUrl(string address, string path) => new(address.Replace("http://", "ws://", StringComparison.Ordinal) + path);
}
