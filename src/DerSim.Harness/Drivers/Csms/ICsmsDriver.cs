namespace DerSim.Harness.Drivers.Csms;

/// <summary>
/// Makes the CSMS under test send a CSMS-initiated CALL to a station of the scenario, and returns that CALL and the
/// station's answer as recorded. Implementations: <see cref="EmbeddedCsmsDriver"/> (the reference CSMS),
/// <see cref="HttpCsmsDriver"/> (templated calls to a CSMS's own API), <see cref="ManualCsmsDriver"/> (an operator).
/// </summary>
public interface ICsmsDriver
{
    /// <summary>The driver's name as configured: Embedded, Http or Manual.</summary>
    string Name { get; }

    /// <summary>Whether the driver can perform <paramref name="command"/> at all (before trying).</summary>
    bool CanPerform(CsmsCommand command);

    /// <summary>Makes the CSMS send <paramref name="command"/> and waits for the station's answer.</summary>
    /// <exception cref="CsmsActionNotApplicableException">This driver cannot make the CSMS do it.</exception>
    /// <exception cref="Traffic.TrafficAssertionException">The CALL or its answer did not arrive in time.</exception>
    Task<CsmsExchange> PerformAsync(CsmsCommand command, CancellationToken ct = default);
}
