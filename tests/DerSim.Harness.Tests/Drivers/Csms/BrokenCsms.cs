using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DerSim.Harness.Tests.Drivers.Csms;

/// <summary>How the test double misbehaves.</summary>
public enum BrokenCsmsFault
{
    /// <summary>Reads every frame and never answers anything.</summary>
    NeverAnswersBoot,

    /// <summary>Answers BootNotification with a CALLRESULT whose message id is not the CALL's.</summary>
    AnswersWithWrongMessageId,

    /// <summary>Accepts the boot, then sends a SetChargingProfile that breaks the schema (no profile in it).</summary>
    SendsInvalidSetChargingProfile,
}

/// <summary>
/// A CSMS that gets one thing wrong on purpose, on a real WebSocket over loopback: everything else is answered as a
/// plain CSMS would (Accepted boot, empty answers), so exactly that fault shows in the scenarios.
/// </summary>
public sealed class BrokenCsms : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly BrokenCsmsFault _fault;

    private BrokenCsms(WebApplication app, BrokenCsmsFault fault)
    {
        _app = app;
        _fault = fault;
    }

    /// <summary>The base URL stations connect to (their id is appended).</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>Starts the double on a free loopback port.</summary>
    public static async Task<BrokenCsms> StartAsync(BrokenCsmsFault fault)
    {
        BrokenCsms? csms = null;
        var (app, address) = await LoopbackHost.StartAsync(app =>
        {
            csms = new BrokenCsms(app, fault);
            app.Map("/ocpp/{id}", csms.HandleAsync);
        });
        csms!.Url = LoopbackHost.WebSocketUrl(address, "/ocpp");
        return csms;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        var protocol = context.WebSockets.WebSocketRequestedProtocols.FirstOrDefault();
        using var socket = await context.WebSockets.AcceptWebSocketAsync(protocol);
        var buffer = new byte[64 * 1024];
        var ct = context.RequestAborted;
        var sentProfile = false;
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var received = await socket.ReceiveAsync(buffer, ct);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                using var frame = JsonDocument.Parse(buffer.AsMemory(0, received.Count));
                var root = frame.RootElement;
                if (root[0].GetInt32() != 2 || _fault == BrokenCsmsFault.NeverAnswersBoot)
                {
                    continue;
                }

                var id = root[1].GetString()!;
                var action = root[2].GetString();
                // Its clock is right: each double breaks one rule only.
                var now = TimeProvider.System.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
                var answer = action switch
                {
                    "BootNotification" when _fault == BrokenCsmsFault.AnswersWithWrongMessageId =>
                        $$"""[3,"not-{{id}}",{"status":"Accepted","currentTime":"{{now}}","interval":300}]""",
                    "BootNotification" => $$"""[3,"{{id}}",{"status":"Accepted","currentTime":"{{now}}","interval":300}]""",
                    "Authorize" => $$$"""[3,"{{{id}}}",{"idTagInfo":{"status":"Accepted"},"idTokenInfo":{"status":"Accepted"}}]""",
                    _ => $$"""[3,"{{id}}",{}]""",
                };
                await SendAsync(socket, answer, ct);
                if (_fault == BrokenCsmsFault.SendsInvalidSetChargingProfile && action == "StatusNotification" && !sentProfile)
                {
                    sentProfile = true;

                    // Valid for neither 1.6 (csChargingProfiles required) nor 2.x (chargingProfile required).
                    await SendAsync(socket, """[2,"broken-1","SetChargingProfile",{"connectorId":1,"evseId":1}]""", ct);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // The station went away: the scenario is over.
        }
    }

    private static Task SendAsync(WebSocket socket, string text, CancellationToken ct) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, ct);
}
