using DerSim.Harness.Configuration;
using DerSim.Harness.Configuration.Loading;
using DerSim.Csms;
using DerSim.Harness.Drivers.Csms;
using Reqnroll;
using DerSim.Harness.Target;
using DerSim.Harness.Traffic;

namespace DerSim.Harness.Drivers;

/// <summary>
/// Everything one scenario drives: the target CSMS, the driver that makes it act, the traffic recorder and the
/// simulated stations. Created per scenario by context injection and shared by every binding class of that scenario.
/// </summary>
public sealed class ScenarioWorld : IAsyncDisposable, IDisposable
{
    private int _disposed;

    /// <summary>Reads <c>reqnroll.json</c> and the environment (<c>DERSIM_CSMS_URL</c>, <c>DERSIM_CSMS_DRIVER</c>, …).</summary>
    public ScenarioWorld()
        : this(null)
    {
    }

    /// <summary>
    /// As <see cref="ScenarioWorld()"/>, unless the run's context holds <see cref="ScenarioWorldOptions"/>, whose
    /// settings and environment are used instead.
    /// </summary>
    public ScenarioWorld(ITestRunContext? run)
    {
        var options = run is ReqnrollContext values && values.TryGetValue<ScenarioWorldOptions>(typeof(ScenarioWorldOptions).FullName!, out var found) ? found : new ScenarioWorldOptions();
        Func<string, string?> environment = options.Environment ?? Environment.GetEnvironmentVariable;
        Settings = options.Settings ?? DerSimConfig.LoadDefault();
        Target = TargetDeclarationLoader.Resolve(Settings.Target, options.Settings is null ? DerSimConfig.Locate() : "the run's settings", environment);
        var url = Settings.ResolveCsmsUrl(environment);
        Csms = url is null
            ? CsmsTarget.Reference(new ReferenceCsmsOptions { HeartbeatIntervalSeconds = 300 }.SeededFrom(Target))
            : CsmsTarget.External(url, environment("DERSIM_CSMS_PASSWORD"));
        Recorder = new TrafficRecorder();
        ReportsDirectory = environment(Reporting.ScenarioFiles.ReportsDirectoryVariable) is { Length: > 0 } reports ? reports : null;
        // The CSMS's answer time budget (callTimeoutSeconds) is also how long a step waits for the CSMS to act.
        Simulator = new SimulatorDriver(Csms, Recorder, options.Time)
        {
            WaitTimeout = TimeSpan.FromSeconds(Math.Clamp(Settings.CallTimeoutSeconds, 1, 300)),
            // DERSIM_CSMS_PASSWORD (Csms.Password) overrides the declared passwords; the embedded CSMS asks for none.
            PasswordOf = url is null ? null : id => Csms.Password ?? Target.PasswordOf(id),
        };
        if (url is not null)
        {
            // Security profiles 2 and 3 against a CSMS under test: the CA and client certificates its declaration names.
            var target = Target;
            Simulator.TrustedCa = TargetCertificates.TrustedCa(target);
            Simulator.ClientCertificateOf = target.ClientCertificates.Count == 0 ? null : id => TargetCertificates.ClientCertificate(target, id);
        }

        if (Settings.OfficialSchemasDirectory is { Length: > 0 } official)
        {
            Simulator.UseOfficialSchemas(official);
        }

        CsmsDriver = CsmsDrivers.Create(Settings, environment, Csms, Recorder, Simulator.WaitTimeout, options.Output ?? Console.Out);
    }

    /// <summary>The <c>dersim</c> section of <c>reqnroll.json</c>.</summary>
    public DerSimSettings Settings { get; }

    /// <summary>The target declaration: the station ids, tokens, versions and features scenarios may use.</summary>
    public TargetDeclaration Target { get; }

    /// <summary>The CSMS under test.</summary>
    public CsmsTarget Csms { get; }

    /// <summary>How the scenario makes the CSMS send CSMS-initiated messages.</summary>
    public ICsmsDriver CsmsDriver { get; }

    /// <summary>
    /// The reports folder of the run (<c>DERSIM_REPORTS_DIR</c>, which <c>dersim run</c> sets): the scenario's traffic,
    /// charts and profiles are saved under its <c>traffic/</c> and linked from the report. Null: nothing is saved.
    /// </summary>
    public string? ReportsDirectory { get; }

    /// <summary>Every frame of the scenario.</summary>
    public TrafficRecorder Recorder { get; }

    /// <summary>The scenario's stations and clock.</summary>
    public SimulatorDriver Simulator { get; }

    /// <summary>
    /// The scenario's file server on 127.0.0.1 (firmware to download, logs to upload), started on first use and stopped
    /// with the scenario.
    /// </summary>
    public FileServer Files { get; } = new();

    /// <summary>The exchanges the CSMS driver performed in this scenario, in order.</summary>
    public IList<CsmsExchange> CsmsExchanges { get; } = [];

    /// <summary>Stops the stations, then the embedded CSMS.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await Simulator.DisposeAsync().ConfigureAwait(false);
        await Csms.DisposeAsync().ConfigureAwait(false);
        await Files.DisposeAsync().ConfigureAwait(false);
        (CsmsDriver as IDisposable)?.Dispose();
    }

    /// <summary>For containers that only know IDisposable: the same as <see cref="DisposeAsync"/>.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
