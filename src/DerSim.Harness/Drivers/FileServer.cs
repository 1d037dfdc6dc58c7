using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DerSim.Harness.Drivers;

/// <summary>
/// The scenario's own file server on 127.0.0.1: it serves the files a CSMS is told to point a station at (firmware
/// images) and takes the files a station uploads (logs, diagnostics), so cases that move files run against any CSMS
/// without a server of the user's. GET <c>/files/{name}</c> serves a file given to <see cref="ServeAsync"/>; PUT or POST
/// <c>/uploads/{name}</c> stores the body (a multipart form's first file, or the raw body) in <see cref="Uploads"/>.
/// An unknown file is 404; <see cref="RefuseUploads"/> makes uploads 403. Started on first use. A second, HTTPS
/// listener (same routes) starts on first use of <see cref="SecureUploadFolderAsync"/> with the certificate it is given.
/// </summary>
public sealed class FileServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<FileUpload> _uploads = new();
    private readonly SemaphoreSlim _start = new(1, 1);
    private WebApplication? _app;
    private Uri? _base;
    private WebApplication? _secureApp;
    private Uri? _secureBase;
    private X509Certificate2? _secureCertificate;

    /// <summary>Every upload received, in order.</summary>
    public IReadOnlyCollection<FileUpload> Uploads => _uploads;

    /// <summary>When true, uploads are answered 403 (a station's upload then fails).</summary>
    public bool RefuseUploads { get; set; }

    /// <summary>
    /// When set, an upload must carry HTTP Basic authentication with this user name and password; one without (or with
    /// others) is answered 401. The default value is none (no authentication asked).
    /// </summary>
    public (string User, string Password)? UploadCredentials { get; set; }

    /// <summary>Serves <paramref name="content"/> as <paramref name="name"/>; the URL to fetch it from.</summary>
    public async Task<Uri> ServeAsync(string name, byte[] content)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(content);
        _files[name] = content;
        return new Uri(await BaseAsync().ConfigureAwait(false), "files/" + Uri.EscapeDataString(name));
    }

    /// <summary>A URL under this server that serves nothing (a download from it fails with 404).</summary>
    public async Task<Uri> MissingAsync(string name) =>
        new(await BaseAsync().ConfigureAwait(false), "files/missing-" + Uri.EscapeDataString(name));

    /// <summary>The URL a station may upload files to (the folder; the station adds its file name, or posts to it).</summary>
    public async Task<Uri> UploadFolderAsync() => new(await BaseAsync().ConfigureAwait(false), "uploads/");

    /// <summary>
    /// The HTTPS URL a station may upload files to, on 127.0.0.1 with <paramref name="serverCertificate"/> (with its
    /// private key; a certificate for 127.0.0.1 from a CA of the scenario, which the station must trust). The listener
    /// starts with the first call; later calls return the same folder whatever certificate they pass. The server takes
    /// ownership of the certificate (it disposes it).
    /// </summary>
    public async Task<Uri> SecureUploadFolderAsync(X509Certificate2 serverCertificate)
    {
        ArgumentNullException.ThrowIfNull(serverCertificate);
        await _start.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_secureBase is null)
            {
                _secureCertificate = serverCertificate;
                (_secureApp, _secureBase) = await StartAsync(serverCertificate).ConfigureAwait(false);
            }
            else
            {
                serverCertificate.Dispose();
            }

            return new Uri(_secureBase, "uploads/");
        }
        finally
        {
            _start.Release();
        }
    }

    /// <summary>Stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_app is { } app)
        {
            await app.DisposeAsync().ConfigureAwait(false);
        }

        if (_secureApp is { } secure)
        {
            await secure.DisposeAsync().ConfigureAwait(false);
        }

        _secureCertificate?.Dispose();

        _start.Dispose();
    }

    private async Task<Uri> BaseAsync()
    {
        await _start.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_base is not null)
            {
                return _base;
            }

            (_app, _base) = await StartAsync(null).ConfigureAwait(false);
            return _base;
        }
        finally
        {
            _start.Release();
        }
    }

    private async Task<(WebApplication App, Uri Base)> StartAsync(X509Certificate2? serverCertificate)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (serverCertificate is not null)
            {
                listen.UseHttps(serverCertificate);
            }
        }));
        var app = builder.Build();
        app.MapGet("/files/{name}", (string name) => _files.TryGetValue(name, out var bytes)
            ? Results.Bytes(bytes, "application/octet-stream")
            : Results.NotFound());
        app.MapMethods("/uploads/{**name}", ["PUT", "POST"], ReceiveAsync);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new Uri(address.TrimEnd('/') + "/"));
    }

    private async Task<IResult> ReceiveAsync(HttpContext context, string? name)
    {
        if (RefuseUploads)
        {
            return Results.StatusCode(403);
        }

        if (UploadCredentials is { } credentials
            && context.Request.Headers.Authorization.ToString() != "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{credentials.User}:{credentials.Password}")))
        {
            return Results.StatusCode(401);
        }

        byte[] content;
        var fileName = name ?? "";
        if (context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
            if (form.Files.Count == 0)
            {
                return Results.BadRequest("a multipart upload without a file");
            }

            var file = form.Files[0];
            using var memory = new MemoryStream();
            await file.CopyToAsync(memory, context.RequestAborted).ConfigureAwait(false);
            content = memory.ToArray();
            fileName = fileName.Length > 0 ? fileName : file.FileName;
        }
        else
        {
            using var memory = new MemoryStream();
            await context.Request.Body.CopyToAsync(memory, context.RequestAborted).ConfigureAwait(false);
            content = memory.ToArray();
        }

        _uploads.Enqueue(new FileUpload(fileName, context.Request.Method, content));
        return Results.Ok();
    }
}

/// <summary>One file a station uploaded to the <see cref="FileServer"/>.</summary>
/// <param name="Name">The file name (from the URL path, or the multipart part).</param>
/// <param name="Method">PUT or POST.</param>
/// <param name="Content">The bytes received.</param>
public sealed record FileUpload(string Name, string Method, byte[] Content);
