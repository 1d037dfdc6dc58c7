namespace DerSim.Harness.Drivers.Csms;

/// <summary>
/// The configured CSMS driver cannot make the CSMS perform the action (no HTTP template, an embedded-only action on an
/// external CSMS, an action the version lacks): the scenario is not applicable, not failed.
/// </summary>
public sealed class CsmsActionNotApplicableException(string message) : Exception(message);
