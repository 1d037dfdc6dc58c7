using System.Net.Sockets;

namespace DerSim.Harness.Cli;

/// <summary>A pre-flight check that an external CSMS accepts TCP connections at all, before scenarios wait on it.</summary>
internal static class CsmsReachability
{
    /// <summary>How long the check waits for the TCP handshake; a CSMS on a LAN or the internet answers far sooner.</summary>
    internal static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Null when <paramref name="target"/> is not a ws:// or wss:// URL (the embedded CSMS) or its host accepts a TCP
    /// connection; otherwise one line saying why the CSMS cannot be reached.
    /// </summary>
    public static async Task<string?> ProblemAsync(string target, CancellationToken ct)
    {
        if (!Uri.TryCreate(target, UriKind.Absolute, out var url) || url.Scheme is not ("ws" or "wss"))
        {
            return null;
        }

        using var client = new TcpClient();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(ConnectTimeout);
        try
        {
            await client.ConnectAsync(url.Host, url.Port, timeout.Token).ConfigureAwait(false);
            return null;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return $"cannot reach the CSMS at {target}: no TCP connection within {ConnectTimeout.TotalSeconds:0} s; check --csms (or DERSIM_CSMS_URL) and that the CSMS runs";
        }
        catch (SocketException ex)
        {
            return $"cannot reach the CSMS at {target}: {ex.Message}; check --csms (or DERSIM_CSMS_URL) and that the CSMS runs";
        }
    }
}
