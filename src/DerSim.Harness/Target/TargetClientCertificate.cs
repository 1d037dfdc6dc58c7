namespace DerSim.Harness.Target;

/// <summary>
/// A station's client certificate for security profile 3: PEM files, paths relative to the working directory. Its
/// subject CN must be the station id (OCPP 2.0.1 A00.FR.405); <c>./dersim certs</c> makes such files for tests.
/// </summary>
/// <param name="Cert">The PEM certificate file.</param>
/// <param name="Key">The PEM private key file (PKCS#8, EC or RSA).</param>
public sealed record TargetClientCertificate(string Cert, string Key);
