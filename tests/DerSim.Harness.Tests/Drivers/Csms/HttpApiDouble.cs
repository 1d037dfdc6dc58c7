using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DerSim.Harness.Tests.Drivers.Csms;

/// <summary>
/// A CSMS's own HTTP API on a loopback port (Kestrel): records every request and answers it as the test says, e.g. by
/// making the reference CSMS send the OCPP CALL the request asked for, as a real CSMS's API would.
/// </summary>
public sealed class HttpApiDouble : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Func<HttpApiRequest, Task<(int Status, string Body)>> _respond;
    private readonly ConcurrentQueue<HttpApiRequest> _requests = new();

    private HttpApiDouble(WebApplication app, Func<HttpApiRequest, Task<(int Status, string Body)>> respond)
    {
        _app = app;
        _respond = respond;
    }

    /// <summary>The base URL, e.g. http://127.0.0.1:40123.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Every request so far, in arrival order.</summary>
    public IReadOnlyList<HttpApiRequest> Requests => [.. _requests];

    /// <summary>Starts the double on a free loopback port; <paramref name="respond"/> answers each request.</summary>
    public static async Task<HttpApiDouble> StartAsync(Func<HttpApiRequest, Task<(int Status, string Body)>> respond)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var api = new HttpApiDouble(app, respond);
        app.Run(api.HandleAsync);
        await app.StartAsync();
        api.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return api;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var request = new HttpApiRequest(context.Request.Method, Uri.UnescapeDataString(context.Request.Path.Value ?? ""), headers, body);
        _requests.Enqueue(request);
        var (status, answer) = await _respond(request);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer, context.RequestAborted);
    }
}
