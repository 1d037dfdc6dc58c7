using DerSim.Csms;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>
/// The CSMS a scenario's stations connect to: an external URL, or the embedded reference CSMS started on first use on
/// a free loopback port.
/// </summary>
public sealed class CsmsTarget : IAsyncDisposable
{
    private readonly Uri? _external;
    private ReferenceCsmsOptions _options;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ReferenceCsms? _embedded;

    private CsmsTarget(Uri? external, ReferenceCsmsOptions options, string? password)
    {
        _external = external;
        _options = options;
        Password = password;
    }

    /// <summary>Whether the target is the embedded reference CSMS.</summary>
    public bool IsEmbedded => _external is null;

    /// <summary>The Basic-auth password stations use, or null.</summary>
    public string? Password { get; }

    /// <summary>The running embedded CSMS, or null for an external target or before first use.</summary>
    public ReferenceCsms? Embedded => _embedded;

    /// <summary>A target at an external CSMS.</summary>
    public static CsmsTarget External(Uri url, string? password = null) => new(url, new ReferenceCsmsOptions(), password);

    /// <summary>The embedded reference CSMS with <paramref name="options"/>.</summary>
    public static CsmsTarget Reference(ReferenceCsmsOptions? options = null) => new(null, options ?? new ReferenceCsmsOptions { HeartbeatIntervalSeconds = 300 }, options?.Password);

    /// <summary>
    /// Changes the embedded CSMS's options before it starts (e.g. the tokens it accepts); false for an external target
    /// or once it runs, when there is nothing to change.
    /// </summary>
    public bool TryConfigureReference(Func<ReferenceCsmsOptions, ReferenceCsmsOptions> change)
    {
        if (_external is not null || _embedded is not null)
        {
            return false;
        }

        try
        {
            ConfigureReference(change);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>The embedded CSMS's settings; they take effect when it starts.</summary>
    public ReferenceCsmsOptions ReferenceOptions => _options;

    /// <summary>
    /// Changes the embedded CSMS's settings before it starts (a scenario's Given steps, before any station connects).
    /// </summary>
    /// <exception cref="InvalidOperationException">The target is external, or the embedded CSMS runs already.</exception>
    public void ConfigureReference(Func<ReferenceCsmsOptions, ReferenceCsmsOptions> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (_external is not null)
        {
            throw new InvalidOperationException($"the CSMS under test is {this}, not the embedded reference CSMS");
        }

        _gate.Wait();
        try
        {
            if (_embedded is not null)
            {
                throw new InvalidOperationException("the embedded CSMS is running already: configure it with Given steps before any station connects");
            }

            _options = change(_options);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The WebSocket URL (base, without the station id) stations connect to; starts the embedded CSMS once.</summary>
    public async Task<Uri> UrlAsync()
    {
        if (_external is not null)
        {
            return _external;
        }

        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_embedded is null)
            {
                var csms = new ReferenceCsms(_options);
                await csms.StartAsync().ConfigureAwait(false);
                _embedded = csms;
            }

            return _embedded.Url;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Describes the target for logs and reports, without any password.</summary>
    public override string ToString() => _external is null ? $"embedded reference CSMS{(_embedded is null ? "" : $" ({_embedded.Url})")}" : _external.GetLeftPart(UriPartial.Path);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_embedded is not null)
        {
            await _embedded.DisposeAsync().ConfigureAwait(false);
        }

        _gate.Dispose();
    }
}
