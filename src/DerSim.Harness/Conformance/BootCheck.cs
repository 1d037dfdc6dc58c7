using System.Collections.Concurrent;
using System.Diagnostics;
using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;
using DerSim.Ocpp;
using DerSim.Ocpp.Rpc;
using DerSim.Ocpp.Transport;
using DerSim.Ocpp.Validation;
using DerSim.Sim.Runtime;

namespace DerSim.Harness.Conformance;

/// <summary>
/// Boots a station of each profile in each version against a CSMS and checks, from the station's side of the
/// wire, that BootNotification is accepted and every connector's StatusNotification answered, and no frame in either
/// direction breaks the OCPP schema. It does not wait for a Heartbeat: the CSMS's interval (often 300 s or more) would
/// make any sensible timeout fail.
/// </summary>
public sealed class BootCheck(Uri csmsUrl, string profilesDirectory, TimeSpan timeout)
{
    /// <summary>
    /// The schema validator every station of the check uses. It caches each schema it builds and is thread-safe,
    /// so sharing one saves building the same schemas once per station. The default is DerSim's own schemas.
    /// </summary>
    public IOcppSchemaValidator Validator { get; init; } = new OcppSchemaValidator();

    /// <summary>The Basic-auth password of a station id, or null for none. The default gives none.</summary>
    public Func<string, string?> PasswordOf { get; init; } = _ => null;

    /// <summary>Raised with each frame of each station (station id, frame).</summary>
    public event Action<string, OcppFrameEvent>? Frame;

    /// <summary>Runs one check.</summary>
    public async Task<BootCheckResult> RunAsync(string profileName, OcppVersion version, string stationId, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var profile = EvseProfileLoader.Load(profileName, profilesDirectory);
        var station = new ChargingStation(stationId, profile);
        var options = new OcppClientOptions
        {
            Url = csmsUrl,
            StationId = stationId,
            Version = version,
            BasicAuthPassword = PasswordOf(stationId),
            Reconnect = new OcppReconnectPolicy { MaxAttempts = 3 },
            Rpc = new OcppRpcOptions { Validator = Validator, CallTimeout = timeout },
        };
        var frames = new ConcurrentQueue<OcppFrameEvent>();
        var statusAnswered = 0;
        var reported = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        BootOutcomeSeen? boot = null;
        void CheckReported()
        {
            if (Volatile.Read(ref boot) is { Registration: RegistrationState.Accepted } && Volatile.Read(ref statusAnswered) >= station.Connectors.Count)
            {
                reported.TrySetResult();
            }
        }

        var runner = new StationRunner(station, options, TimeProvider.System, _ => { });
        runner.Frame += frame =>
        {
            frames.Enqueue(frame);
            Frame?.Invoke(stationId, frame);
            if (frame is { Direction: FrameDirection.Inbound, MessageType: OcppMessageType.CallResult, Action: "StatusNotification" })
            {
                Interlocked.Increment(ref statusAnswered);
                CheckReported();
            }
        };
        runner.Booted += outcome =>
        {
            Volatile.Write(ref boot, new BootOutcomeSeen(outcome.Registration));
            CheckReported();
        };

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var run = runner.RunAsync(stop.Token);
        string? failure = null;
        try
        {
            await Task.WhenAny(reported.Task, run).WaitAsync(timeout, ct).ConfigureAwait(false);
            if (run.IsFaulted)
            {
                failure = run.Exception!.GetBaseException().Message;
            }
        }
        catch (TimeoutException)
        {
            var seen = Volatile.Read(ref boot);
            var badAnswer = frames.FirstOrDefault(f => f.Direction == FrameDirection.Inbound && f.MessageType is OcppMessageType.CallError or OcppMessageType.CallResultError);
            failure = seen switch
            {
                { Registration: not RegistrationState.Accepted } b => $"BootNotification answered {b.Registration}",
                null when badAnswer is not null => $"BootNotification not accepted within {timeout.TotalSeconds:0} s; the CSMS answered {badAnswer.Raw}",
                null => $"no BootNotification answered within {timeout.TotalSeconds:0} s",
                _ => $"{Volatile.Read(ref statusAnswered)} of {station.Connectors.Count} StatusNotifications answered within {timeout.TotalSeconds:0} s",
            };
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await run.ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or OcppConnectException)
            {
                // Stopped on purpose, or the failure was already recorded.
            }
        }

        var violations = frames.Where(f => f.Violations.Count > 0 || f.MessageType is OcppMessageType.CallError or OcppMessageType.CallResultError).ToList();
        if (failure is null && statusAnswered < station.Connectors.Count)
        {
            failure = $"{statusAnswered} of {station.Connectors.Count} StatusNotifications answered";
        }

        if (failure is null && violations.Count > 0)
        {
            failure = $"{violations.Count} bad frame(s); first: {violations[0].Raw} {string.Join("; ", violations[0].Violations)}";
        }

        var detail = failure ?? $"boot Accepted, {statusAnswered} connector(s) reported, {frames.Count} frames schema-valid";
        return new BootCheckResult(profile.Name, version, stationId, failure is null, detail, frames.Count, watch.Elapsed);
    }

    private sealed record BootOutcomeSeen(RegistrationState Registration);
}
