using System.Security.Cryptography.X509Certificates;
using DerSim.Sim.StationModel;

namespace DerSim.Sim.Engine;

/// <summary>
/// The station's secure firmware update (OCPP 2.0.1 use case L01), version-neutral: judges the signing certificate,
/// downloads the image over HTTP with retries, verifies its signature, installs, reboots and reports every state with
/// the request's id. Durations (download, install) pass on the station's simulated clock; the update outlives the
/// connection its request came on (the reboot ends that one). One update at a time: a new request cancels the one
/// under way until it starts installing (L01.FR.24), afterwards, or when told it cannot, it is Rejected (L01.FR.27).
/// An unsigned order (OCPP 1.6 UpdateFirmware, <see cref="FirmwareOrder.Unsigned"/>) skips the certificate and the
/// signature and takes the connectors out of service while it installs.
/// </summary>
public sealed class FirmwareUpdater
{
    /// <summary>How long a download takes in simulated time.</summary>
    public static readonly TimeSpan DownloadTime = TimeSpan.FromSeconds(10);

    /// <summary>How long an installation takes in simulated time (before the reboot).</summary>
    public static readonly TimeSpan InstallTime = TimeSpan.FromSeconds(10);

    /// <summary>How often the station looks again while it waits (transactions to end, the reboot to complete).</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    /// <summary>Download retries when the request gives none.</summary>
    public const int DefaultRetries = 1;

    /// <summary>Seconds between download attempts when the request gives none.</summary>
    public const int DefaultRetryInterval = 30;

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly StationEngine _engine;
    private readonly Lock _gate = new();
    private UpdateRun? _current;
    private IFirmwareMessages? _messages;

    internal FirmwareUpdater(StationEngine engine) => _engine = engine;

    /// <summary>The failures the station is told to have.</summary>
    public FirmwareFaults Faults { get; } = new();

    /// <summary>The last state reported, if any.</summary>
    public FirmwareStatus? LastStatus { get; private set; }

    /// <summary>The update under way or last run (completes when it ended, however); null before any.</summary>
    public Task? Current
    {
        get
        {
            lock (_gate)
            {
                return _current?.Done.Task;
            }
        }
    }

    /// <summary>Gives the version's messages (each connection binds them again).</summary>
    public void Bind(IFirmwareMessages messages) => _messages = messages;

    /// <summary>
    /// Decides on a request: InvalidCertificate (followed by a security event InvalidFirmwareSigningCertificate) or
    /// RevokedCertificate from the signing certificate; otherwise Accepted, AcceptedCanceled or Rejected as the update
    /// under way allows. The decision's <see cref="FirmwareDecision.AfterAnswer"/> starts the update.
    /// </summary>
    public FirmwareDecision Request(FirmwareOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        X509Certificate2? certificate = null;
        var verdict = order.Unsigned
            ? FirmwareCertificateVerdict.Valid
            : _engine.Station.FirmwareTrust.Judge(order.SigningCertificate, _engine.Clock.Time.GetUtcNow(), out certificate);
        switch (verdict)
        {
            case FirmwareCertificateVerdict.Invalid:
                _engine.Log($"firmware: request {order.RequestId} has an invalid signing certificate");
                return new FirmwareDecision(FirmwareOrderAnswer.InvalidCertificate, ct => SecurityEventAsync("InvalidFirmwareSigningCertificate", $"UpdateFirmware {order.RequestId}: signing certificate not valid or not chained to a manufacturer root", ct));
            case FirmwareCertificateVerdict.Revoked:
                _engine.Log($"firmware: request {order.RequestId} has a revoked signing certificate");
                return new FirmwareDecision(FirmwareOrderAnswer.RevokedCertificate, _ => Task.CompletedTask);
        }

        lock (_gate)
        {
            var previous = _current is { Done.Task.IsCompleted: false } running ? running : null;
            if (previous is not null && (Faults.CannotCancel || !previous.Cancellable))
            {
                _engine.Log($"firmware: request {order.RequestId} rejected, update {previous.Order.RequestId} cannot be cancelled");
                return new FirmwareDecision(FirmwareOrderAnswer.Rejected, _ => Task.CompletedTask);
            }

            previous?.Cancel.Cancel();
            var run = new UpdateRun(order, certificate, CancellationTokenSource.CreateLinkedTokenSource(_engine.Lifetime));
            _current = run;

            // Registered now, so simulated time waits for the update to begin.
            var actor = _engine.Clock.RegisterActor();
            return new FirmwareDecision(previous is null ? FirmwareOrderAnswer.Accepted : FirmwareOrderAnswer.AcceptedCanceled, _ =>
            {
                var started = Task.Run(() => RunAsync(run, previous, actor), CancellationToken.None);
                GC.KeepAlive(started);
                return Task.CompletedTask;
            });
        }
    }

    private async Task RunAsync(UpdateRun run, UpdateRun? previous, IDisposable actor)
    {
        var ct = run.Cancel.Token;
        var order = run.Order;
        var blocked = new List<StationConnector>();
        var rebooted = false;
        try
        {
            if (previous is not null)
            {
                await previous.Done.Task.ConfigureAwait(false);
            }

            // L01: with transactions running the station waits for them to end before it goes on (it downloads after
            // them), and with AllowNewSessionsPendingFirmwareUpdate false it starts no new session meanwhile: idle EVSEs turn
            // Unavailable at once, busy ones when their session ends.
            var busy = Running();
            if (order.RetrieveAt > Now || busy)
            {
                await ReportAsync(run, FirmwareStatus.DownloadScheduled).ConfigureAwait(false);
            }

            if (busy && !_engine.Station.Configuration.GetBool("ChargingStation", "AllowNewSessionsPendingFirmwareUpdate", true))
            {
                var change = _engine.Station.ChangeAvailability(_engine.Station.Connectors, operative: false);
                blocked.AddRange(_engine.Station.Connectors.Where(c => c.Status == ConnectorStatus.Unavailable || c.InoperativeScheduled));
                foreach (var connector in change.Changed)
                {
                    await ConnectorStatusAsync(connector).ConfigureAwait(false);
                }
            }

            await WaitUntilAsync(() => Now >= order.RetrieveAt && !Running(), ct).ConfigureAwait(false);

            await ReportAsync(run, FirmwareStatus.Downloading).ConfigureAwait(false);
            var image = await DownloadAsync(order, ct).ConfigureAwait(false);
            if (image is null)
            {
                await ReportAsync(run, FirmwareStatus.DownloadFailed).ConfigureAwait(false);
                return;
            }

            await ReportAsync(run, FirmwareStatus.Downloaded).ConfigureAwait(false);
            if (order.Unsigned)
            {
                await InstallUnsignedAsync(run, blocked, ct).ConfigureAwait(false);
                rebooted = true;
                return;
            }

            if (!FirmwareTrust.VerifySignature(image, order.Signature, run.Certificate!))
            {
                // L01: a signature that does not verify is reported, then told as a security event.
                await ReportAsync(run, FirmwareStatus.InvalidSignature).ConfigureAwait(false);
                await SecurityEventAsync("InvalidFirmwareSignature", $"UpdateFirmware {order.RequestId}: the signature does not match the image", _engine.Lifetime).ConfigureAwait(false);
                return;
            }

            await ReportAsync(run, FirmwareStatus.SignatureVerified).ConfigureAwait(false);
            if (order.InstallAt is { } installAt && installAt > Now)
            {
                await ReportAsync(run, FirmwareStatus.InstallScheduled).ConfigureAwait(false);
            }

            // Installing waits for installDateTime and for transactions started meanwhile (when they were allowed).
            await WaitUntilAsync(() => (order.InstallAt is not { } at || Now >= at) && !Running(), ct).ConfigureAwait(false);
            lock (_gate)
            {
                ct.ThrowIfCancellationRequested();
                run.Cancellable = false;
            }

            await ReportAsync(run, FirmwareStatus.Installing).ConfigureAwait(false);
            await _engine.Clock.WaitAsync(InstallTime, _engine.Lifetime).ConfigureAwait(false);
            if (Faults.InstallVerificationFails)
            {
                await ReportAsync(run, FirmwareStatus.InstallVerificationFailed).ConfigureAwait(false);
                return;
            }

            // L01.FR.15: InstallRebooting before the reboot; the EVSEs come back Available with the new firmware.
            await ReportAsync(run, FirmwareStatus.InstallRebooting).ConfigureAwait(false);
            _engine.Station.ChangeAvailability(blocked, operative: true);
            blocked.Clear();
            rebooted = true;
            _engine.Log("firmware: rebooting to complete the installation");
            await RebootAsync().ConfigureAwait(false);
            if (!Faults.InstallationFails)
            {
                // The critical security event FirmwareUpdated (2.0.1 security events; 1.6 security whitepaper, TC_080).
                await SecurityEventAsync("FirmwareUpdated", $"firmware of request {order.RequestId} installed", _engine.Lifetime).ConfigureAwait(false);
            }

            await ReportAsync(run, Faults.InstallationFails ? FirmwareStatus.InstallationFailed : FirmwareStatus.Installed).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            _engine.Log($"firmware: update {order.RequestId} cancelled");
        }
        catch (Exception ex)
        {
            _engine.Log($"firmware: update {order.RequestId} failed: {ex.Message}");
        }
        finally
        {
            if (!rebooted && blocked.Count > 0)
            {
                foreach (var connector in _engine.Station.ChangeAvailability(blocked, operative: true).Changed)
                {
                    await ConnectorStatusAsync(connector).ConfigureAwait(false);
                }
            }

            actor.Dispose();
            run.Done.TrySetResult();
        }
    }

    /// <summary>
    /// Installs an unsigned (1.6) update once transactions ended: the connectors report Unavailable while it installs,
    /// then Installing, the reboot (BootNotification and the connectors' statuses as the station boots) and Installed,
    /// or InstallationFailed when told to fail (OCPP 1.6 §4.5, §5.19: FirmwareStatusNotification at each step).
    /// </summary>
    private async Task InstallUnsignedAsync(UpdateRun run, List<StationConnector> blocked, CancellationToken ct)
    {
        await WaitUntilAsync(() => !Running(), ct).ConfigureAwait(false);
        lock (_gate)
        {
            ct.ThrowIfCancellationRequested();
            run.Cancellable = false;
        }

        var change = _engine.Station.ChangeAvailability(_engine.Station.Connectors, operative: false);
        blocked.AddRange(change.Changed);
        foreach (var connector in change.Changed)
        {
            await ConnectorStatusAsync(connector).ConfigureAwait(false);
        }

        await ReportAsync(run, FirmwareStatus.Installing).ConfigureAwait(false);
        await _engine.Clock.WaitAsync(InstallTime, _engine.Lifetime).ConfigureAwait(false);

        // The connectors come back with the new firmware: the reboot's boot reports them Available.
        _engine.Station.ChangeAvailability(blocked, operative: true);
        blocked.Clear();
        _engine.Log("firmware: rebooting to complete the installation");
        await RebootAsync().ConfigureAwait(false);
        await ReportAsync(run, Faults.InstallationFails ? FirmwareStatus.InstallationFailed : FirmwareStatus.Installed).ConfigureAwait(false);
    }

    private DateTimeOffset Now => _engine.Clock.Time.GetUtcNow();

    private bool Running() => _engine.Transactions.Any(t => !t.Ended.IsCompleted);

    /// <summary>Waits on the simulated clock, looking again every <see cref="PollInterval"/>, until <paramref name="done"/>.</summary>
    private async Task WaitUntilAsync(Func<bool> done, CancellationToken ct)
    {
        while (!done())
        {
            await _engine.Clock.WaitAsync(PollInterval, ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Reboots and waits until the station booted again and is online. The reboot takes real time (the connection
    /// closes, opens, boots) and no simulated time: the clock is held meanwhile, for at most <see cref="RebootBound"/>,
    /// after which the wait goes on in simulated time.
    /// </summary>
    private async Task RebootAsync()
    {
        bool Back() => _engine.Station.Registration == RegistrationState.Accepted && _messages is { IsOnline: true };
        using (_engine.Clock.Hold())
        {
            _engine.Station.RequestReboot(BootReason.FirmwareUpdate);
            var deadline = _engine.RealTime.GetUtcNow() + RebootBound;
            while (!Back() && _engine.RealTime.GetUtcNow() < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(10), _engine.RealTime, _engine.Lifetime).ConfigureAwait(false);
            }
        }

        await WaitUntilAsync(Back, _engine.Lifetime).ConfigureAwait(false);
    }

    /// <summary>How long, in real time, a reboot may hold simulated time still.</summary>
    public static readonly TimeSpan RebootBound = TimeSpan.FromSeconds(30);

    /// <summary>Fetches the image with a real HTTP GET, 1 + retries attempts apart by the retry interval; null when every one failed.</summary>
    private async Task<byte[]?> DownloadAsync(FirmwareOrder order, CancellationToken ct)
    {
        var attempts = 1 + Math.Max(0, order.Retries ?? DefaultRetries);
        var interval = TimeSpan.FromSeconds(Math.Max(0, order.RetryInterval ?? DefaultRetryInterval));
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            if (attempt > 1)
            {
                await _engine.Clock.WaitAsync(interval, ct).ConfigureAwait(false);
            }

            byte[]? image = null;
            try
            {
                if (Uri.TryCreate(order.Location, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
                {
                    using var response = await Http.GetAsync(uri, ct).ConfigureAwait(false);
                    if (response.IsSuccessStatusCode)
                    {
                        image = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
                    }
                    else
                    {
                        _engine.Log($"firmware: download {attempt}/{attempts} from {order.Location}: HTTP {(int)response.StatusCode}");
                    }
                }
                else
                {
                    _engine.Log($"firmware: {order.Location} is not an http(s) URL");
                }
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !ct.IsCancellationRequested))
            {
                _engine.Log($"firmware: download {attempt}/{attempts} from {order.Location} failed: {ex.Message}");
            }

            // The transfer takes simulated time, whatever its outcome.
            await _engine.Clock.WaitAsync(DownloadTime, ct).ConfigureAwait(false);
            if (image is not null)
            {
                return image;
            }
        }

        return null;
    }

    private async Task ReportAsync(UpdateRun run, FirmwareStatus status)
    {
        LastStatus = status;
        _engine.Log($"firmware: {status} (request {run.Order.RequestId})");
        if (_messages is { } messages)
        {
            // A state reached offline is reported once the station is back (a report is not lost to a dropped connection).
            await WaitUntilAsync(() => messages.IsOnline, _engine.Lifetime).ConfigureAwait(false);

            // The report is not cancelled with the update: a CALL once sent waits for its answer.
            await messages.StatusAsync(status, run.Order.RequestId, _engine.Lifetime).ConfigureAwait(false);
        }
    }

    private Task SecurityEventAsync(string type, string techInfo, CancellationToken ct) =>
        _messages is { } messages ? messages.SecurityEventAsync(type, techInfo, ct) : Task.CompletedTask;

    private Task ConnectorStatusAsync(StationConnector connector) =>
        _messages is { } messages ? messages.ConnectorStatusAsync(connector, _engine.Lifetime) : Task.CompletedTask;

    private sealed class UpdateRun(FirmwareOrder order, X509Certificate2? certificate, CancellationTokenSource cancel)
    {
        public FirmwareOrder Order { get; } = order;

        /// <summary>The signing certificate; null for an unsigned update.</summary>
        public X509Certificate2? Certificate { get; } = certificate;

        public CancellationTokenSource Cancel { get; } = cancel;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Cancellable { get; set; } = true;
    }
}
